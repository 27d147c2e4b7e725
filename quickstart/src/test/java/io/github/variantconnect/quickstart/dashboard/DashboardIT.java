package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.quickstart.QuickstartOptions;
import io.github.variantconnect.quickstart.QuickstartStack;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.testkit.Awaits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart as a person uses it: the whole stack (broker, worker process, demo API, the three
 * connectors from config/, DuckDB, dashboard) on free ports, and the dashboard loaded in headless
 * Chromium. Checks that the KPI tiles show non-zero figures that change as the simulation runs,
 * that the charts and tables are drawn, that the tiles' visible text equals ATS_KPIS at the as_of
 * the page shows, and saves the screenshot (under target/ unless told otherwise).
 */
class DashboardIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PAGE_TIME = Duration.ofSeconds(8);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path temp;

  @Test
  void dashboardShowsLiveFiguresInABrowser() throws Exception {
    HeadlessChromium.requireOrSkip();
    HeadlessChromium chromium = new HeadlessChromium(Files.createDirectories(temp.resolve("chromium")));

    try (QuickstartStack stack = QuickstartStack.start(options(temp.resolve("data")), System.out)) {
      String url = "http://127.0.0.1:" + stack.dashboardPort() + "/";
      assertThat(stack.connectors())
          .containsExactly("ats-source", "clickstream-http-source", "variant-sink-duckdb");

      // Both feeds have landed and the views answer: trains are running and shoppers shopping.
      Awaits.until(Duration.ofMinutes(2), "train KPIs and shop figures in " + url + "api/dashboard", () -> {
        JsonNode panels = snapshot(url).path("panels");
        JsonNode kpis = panels.path("kpis").path("rows").path(0);
        return kpis.path("active_trains").asLong() > 0
            && kpis.path("avg_passengers").asDouble() > 0
            && panels.path("shop_totals").path("rows").path(0).path("events").asLong() > 0
            && panels.path("funnel").path("rows").size() == 4
            && panels.path("timeline").path("rows").size() >= 2;
      });

      RenderedDashboard first = new RenderedDashboard(chromium.dumpDom(url, PAGE_TIME));
      Map<String, Double> shown = first.kpis();
      assertThat(shown).as("KPI tiles").containsOnlyKeys(RenderedDashboard.KPIS);
      assertThat(shown.get("active_trains")).isPositive();
      assertThat(shown.get("avg_passengers")).isPositive();
      assertThat(shown.get("avg_power_kw")).isNotZero();
      assertThat(first.refreshes()).as("snapshots the page fetched by itself").isGreaterThanOrEqualTo(2);
      for (String chart : new String[] {"chart-passengers", "chart-power", "chart-network", "chart-funnel"}) {
        assertThat(first.hasChart(chart)).as(chart + " drawn by ECharts").isTrue();
      }
      assertThat(first.tableRows("alerts-table")).isPositive();
      assertThat(first.tableRows("customers-table")).isPositive();
      assertThat(first.number("shop-events").orElse(0)).as("shop events shown").isPositive();

      // A few simulated ticks later, a fresh load shows other figures.
      RenderedDashboard later = Awaits.value(Duration.ofSeconds(90), "KPI tiles showing new figures",
          () -> render(chromium, url),
          page -> page.kpis().size() == 4 && !page.kpis().equals(shown) && !Objects.equals(page.asOf(), first.asOf()));
      assertThat(later.kpis().get("active_trains")).isPositive();
      assertThat(later.kpis().get("avg_passengers")).isPositive();

      // The screenshot in the README should show the lines and some history: wait until most
      // stations were seen and the timelines hold a dozen ticks.
      Awaits.until(Duration.ofMinutes(2), "stations located and a dozen ticks", () -> {
        JsonNode panels = snapshot(url).path("panels");
        return panels.path("stations").path("rows").size() >= 40 && panels.path("timeline").path("rows").size() >= 12;
      });
      Path screenshot = Path.of(System.getProperty("variantconnect.dashboard.screenshot",
          temp.resolve("dashboard.png").toString()));
      chromium.screenshot(url, screenshot, 1400, 1350, PAGE_TIME);
      assertThat(Files.size(screenshot)).as("screenshot bytes").isGreaterThan(50_000);

      assertTilesShowAtsKpisAtTheirAsOf(stack, chromium, url);
    }
  }

  /**
   * The tiles as a person reads them equal ATS_KPIS at the as_of the page shows. With the sink
   * paused the view stands still; the page is read once the refresher has caught up with it.
   */
  private static void assertTilesShowAtsKpisAtTheirAsOf(QuickstartStack stack, HeadlessChromium chromium, String url) {
    stack.cluster().rest().pause("variant-sink-duckdb");
    Awaits.until(Duration.ofMinutes(1), "the sink's tasks PAUSED", () -> {
      JsonNode tasks = stack.cluster().rest().status("variant-sink-duckdb").ok().body().path("tasks");
      return tasks.size() > 0 && java.util.stream.StreamSupport.stream(tasks.spliterator(), false)
          .allMatch(task -> "PAUSED".equals(task.path("state").asText()));
    });
    Map<String, Object> kpis = atsKpis(new DuckDbFile(stack.dataDirectory().duckDbFile()));
    String asOf = (String) kpis.get("as_of");
    RenderedDashboard page = Awaits.value(Duration.ofMinutes(1), "the page at ATS_KPIS.as_of " + asOf,
        () -> render(chromium, url), p -> asOf.equals(p.asOf()));
    assertThat(page.visibleText("as-of")).isEqualTo(asOf.replace("T", " ").replace("Z", " UTC"));
    assertThat(page.visibleText("kpi-active_trains")).isEqualTo(String.format(Locale.US, "%,d", kpis.get("active_trains")));
    assertThat(page.visibleText("kpi-avg_passengers"))
        .isEqualTo(String.format(Locale.US, "%,.1f", kpis.get("avg_passengers")));
    assertThat(page.visibleText("kpi-active_alerts")).isEqualTo(String.format(Locale.US, "%,d", kpis.get("active_alerts")));
    assertThat(page.visibleText("kpi-avg_power_kw"))
        .isEqualTo(String.format(Locale.US, "%,.1f kW", kpis.get("avg_power_kw")));
  }

  /** The one row of ATS_KPIS, as_of in the snapshot's ISO form. */
  private static Map<String, Object> atsKpis(DuckDbFile file) {
    try {
      return file.read(Duration.ofSeconds(30), c -> {
        try (var rs = c.createStatement().executeQuery(
            "SELECT active_trains, avg_passengers, active_alerts, avg_power_kw, as_of FROM ATS_KPIS")) {
          rs.next();
          return Map.of("active_trains", rs.getLong(1), "avg_passengers", rs.getDouble(2), "active_alerts", rs.getLong(3),
              "avg_power_kw", rs.getDouble(4),
              "as_of", rs.getObject(5, LocalDateTime.class).atOffset(ZoneOffset.UTC).toInstant().toString());
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RenderedDashboard render(HeadlessChromium chromium, String url) {
    try {
      return new RenderedDashboard(chromium.dumpDom(url, PAGE_TIME));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode snapshot(String url) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create(url + "api/dashboard")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static QuickstartOptions options(Path dataDir) {
    Properties properties = new Properties();
    properties.putAll(System.getProperties());
    properties.setProperty("quickstart.data.dir", dataDir.toString());
    properties.setProperty("quickstart.dashboard.port", "0");
    properties.setProperty("quickstart.api.port", "0");
    properties.remove("quickstart.reset");
    return QuickstartOptions.parse(new String[0], properties);
  }
}
