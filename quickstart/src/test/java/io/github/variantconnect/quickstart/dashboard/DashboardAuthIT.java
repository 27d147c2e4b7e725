package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard served beyond loopback, in headless Chromium: without the token the page and its
 * JSON API answer 401 and the browser shows none of the figures; with it — given as the password of
 * the page's address, which the browser answers the Basic challenge with — the tiles show them.
 */
class DashboardAuthIT {

  private static final Duration PAGE_TIME = Duration.ofSeconds(5);
  private static final byte[] SNAPSHOT = ("{\"refresh_ms\":1000,\"panels\":{\"kpis\":{\"rows\":[{\"active_trains\":87,"
      + "\"avg_passengers\":123.45,\"active_alerts\":3,\"avg_power_kw\":456.7,\"reporting_trains\":115,"
      + "\"as_of\":\"2026-01-05T08:00:00Z\"}]}}}").getBytes(StandardCharsets.UTF_8);
  private static final Map<String, Double> KPIS =
      Map.of("active_trains", 87.0, "avg_passengers", 123.45, "active_alerts", 3.0, "avg_power_kw", 456.7);

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path temp;

  @Test
  void offLoopbackTheBrowserGets401WithoutTheTokenAndTheFiguresWithIt() throws Exception {
    HeadlessChromium.requireOrSkip();
    HeadlessChromium chromium = new HeadlessChromium(Files.createDirectories(temp.resolve("chromium")));
    try (DashboardServer server = DashboardServer.start("0.0.0.0", 0, () -> SNAPSHOT,
        DashboardAccess.withToken(DashboardAccessTest.TOKEN))) {
      String base = "http://127.0.0.1:" + server.port() + "/";

      for (String path : new String[] {"", "api/dashboard"}) {
        HttpResponse<String> anonymous = get(base + path, null);
        assertThat(anonymous.statusCode()).as("/%s without the token", path).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as("/%s asks the browser for it", path)
            .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic "));
        assertThat(anonymous.body()).doesNotContain("87", "123.45");
        assertThat(get(base + path, "Bearer " + DashboardAccessTest.TOKEN).statusCode())
            .as("/%s with the token as a bearer token", path).isEqualTo(200);
        assertThat(get(base + path, "Bearer wrong-" + DashboardAccessTest.TOKEN).statusCode())
            .as("/%s with another token", path).isEqualTo(401);
      }

      RenderedDashboard anonymous = new RenderedDashboard(chromium.dumpDom(base, PAGE_TIME));
      assertThat(anonymous.kpis()).as("tiles shown without the token").isEmpty();
      assertThat(anonymous.dom()).doesNotContain("kpi-active_trains", "123.5");

      String withToken = "http://viewer:" + DashboardAccessTest.TOKEN + "@127.0.0.1:" + server.port() + "/";
      RenderedDashboard shown = new RenderedDashboard(chromium.dumpDom(withToken, PAGE_TIME));
      assertThat(shown.kpis()).as("tiles shown with the token").isEqualTo(KPIS);
      assertThat(shown.visibleText("kpi-active_trains")).as("the tile as a person reads it").isEqualTo("87");
      assertThat(shown.refreshes()).as("snapshots the page fetched by itself with the token").isGreaterThanOrEqualTo(2);
    }
  }

  private static HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
