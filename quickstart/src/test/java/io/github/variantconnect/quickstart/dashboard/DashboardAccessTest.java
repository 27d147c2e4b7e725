package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DashboardAccessTest {

  static final String TOKEN = "s3cret-dashboard-token";
  private static final byte[] SNAPSHOT = "{\"panels\":{}}".getBytes(StandardCharsets.UTF_8);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anAddressBeyondLoopbackWithoutATokenIsRefusedAtStart() {
    assertThatThrownBy(() -> DashboardServer.start("0.0.0.0", 0, () -> SNAPSHOT, DashboardAccess.open()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quickstart.dashboard.host=0.0.0.0")
        .hasMessageContaining(DashboardAccess.TOKEN_PROPERTY);
  }

  @Test
  void aShortTokenIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> DashboardAccess.withToken("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DashboardAccess.TOKEN_PROPERTY)
        .hasMessageNotContaining("short");
  }

  @Test
  void withATokenThePageAndTheApiAnswer401WithoutIt() throws Exception {
    try (DashboardServer server = DashboardServer.start("0.0.0.0", 0, () -> SNAPSHOT, DashboardAccess.withToken(TOKEN))) {
      for (String path : new String[] {"/", "/index.html", "/dashboard.js", "/api/dashboard"}) {
        HttpResponse<String> anonymous = get(server, path, null);
        assertThat(anonymous.statusCode()).as("%s without credentials", path).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(anonymous.body()).doesNotContain("kpi-", "panels");
        assertThat(get(server, path, "Bearer not-the-" + TOKEN).statusCode()).as("%s with a wrong token", path).isEqualTo(401);
        assertThat(get(server, path, basic("viewer", TOKEN + "x")).statusCode()).as("%s with a wrong password", path)
            .isEqualTo(401);
      }
      HttpResponse<String> bearer = get(server, "/api/dashboard", "Bearer " + TOKEN);
      assertThat(bearer.statusCode()).isEqualTo(200);
      assertThat(bearer.body()).isEqualTo(new String(SNAPSHOT, StandardCharsets.UTF_8));
      HttpResponse<String> page = get(server, "/", basic("viewer", TOKEN));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("id=\"kpi-active_trains\"");
    }
  }

  @Test
  void onLoopbackWithoutATokenAnyoneOnThisMachineMayRead() throws Exception {
    try (DashboardServer server = DashboardServer.start("127.0.0.1", 0, () -> SNAPSHOT, DashboardAccess.open())) {
      assertThat(get(server, "/api/dashboard", null).statusCode()).isEqualTo(200);
    }
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(DashboardServer server, String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
