package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DashboardServerTest {

  private static final byte[] SNAPSHOT = "{\"panels\":{}}".getBytes(StandardCharsets.UTF_8);
  private final HttpClient http = HttpClient.newHttpClient();
  private DashboardServer server;

  @BeforeEach
  void start() throws Exception {
    server = DashboardServer.start("127.0.0.1", 0, () -> SNAPSHOT);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void servesThePageWithItsScriptsAndTheChartLibraryFromTheWebJar() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("id=\"kpi-active_trains\"", "webjars/echarts/echarts.min.js", "dashboard.js");

    assertThat(get("/dashboard.js").body()).contains("api/dashboard");
    assertThat(get("/dashboard.css").statusCode()).isEqualTo(200);
    HttpResponse<String> echarts = get("/webjars/echarts/echarts.min.js");
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body()).hasSizeGreaterThan(500_000).contains("echarts");
  }

  @Test
  void servesTheLatestSnapshotUncached() throws Exception {
    HttpResponse<String> api = get("/api/dashboard");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(api.body()).isEqualTo(new String(SNAPSHOT, StandardCharsets.UTF_8));
  }

  @Test
  void servesNothingElse() throws Exception {
    assertThat(get("/META-INF/resources/webjars/echarts/5.3.1/package.json").statusCode()).isEqualTo(404);
    assertThat(get("/io/github/variantconnect/quickstart/dashboard/index.html").statusCode()).isEqualTo(404);
    assertThat(get("/%2e%2e/%2e%2e/etc/passwd").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(url("/api/dashboard"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
