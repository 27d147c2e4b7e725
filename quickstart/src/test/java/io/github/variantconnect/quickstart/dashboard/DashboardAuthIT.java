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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard served beyond loopback, in headless Chromium: without the token the page and its
 * JSON API answer 401 and the browser shows none of the figures; with it they answer.
 */
class DashboardAuthIT {

  private static final Duration PAGE_TIME = Duration.ofSeconds(5);
  private static final byte[] SNAPSHOT = ("{\"refresh_ms\":1000,\"panels\":{\"kpis\":{\"rows\":[{\"active_trains\":87,"
      + "\"avg_passengers\":123.45,\"active_alerts\":3,\"avg_power_kw\":456.7,\"reporting_trains\":115,"
      + "\"as_of\":\"2026-01-05T08:00:00Z\"}]}}}").getBytes(StandardCharsets.UTF_8);

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
      // Without the token: 401 for the page and the JSON API, and the browser shows none of it.
      for (String path : new String[] {"", "api/dashboard"}) {
        HttpResponse<String> anonymousRequest = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(anonymousRequest.statusCode()).as("/%s without the token", path).isEqualTo(401);
      }
      String anonymous = chromium.dumpDom(base, PAGE_TIME);
      assertThat(anonymous).doesNotContain("kpi-active_trains", "87", "123.5");

      // With the token the page and the API answer; the browser is not given it here (headless
      // Chromium does not send user:password from the URL), so the tiles are checked in DashboardIT.
      for (String path : new String[] {"", "api/dashboard"}) {
        HttpResponse<String> withToken = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + DashboardAccessTest.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as("/%s with the token", path).isEqualTo(200);
      }
    }
  }
}
