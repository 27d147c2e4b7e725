package io.github.variantconnect.demoapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

  @Test
  void flagsSetTheConfig() {
    DemoApiConfig config = CommandLineOptions.parse(new String[] {
        "--port", "0", "--seed", "7", "--rate=25", "--initial-events", "2000", "--max-events", "0",
        "--window", "5000", "--start", "2026-01-05T00:00:00Z", "--auth", "api-key-query",
        "--api-key-name", "key", "--error-rate", "0.1", "--repeat-items", "2",
        "--slow-delay-ms", "2500", "--token-ttl", "30"}, Map.of());
    assertThat(config.port()).isZero();
    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.eventsPerSecond()).isEqualTo(25);
    assertThat(config.initialEvents()).isEqualTo(2_000);
    assertThat(config.window()).isEqualTo(5_000);
    assertThat(config.start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(config.auth()).isEqualTo(AuthMode.API_KEY_QUERY);
    assertThat(config.apiKeyName()).isEqualTo("key");
    assertThat(config.faults().errorRate()).isEqualTo(0.1);
    assertThat(config.faults().repeatItems()).isEqualTo(2);
    assertThat(config.faults().slowDelay()).isEqualTo(Duration.ofMillis(2_500));
    assertThat(config.tokenTtl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void environmentVariablesAreFallbacksForFlags() {
    Map<String, String> env = Map.of("DEMO_API_SEED", "9", "DEMO_API_RATE", "5",
        "DEMO_API_AUTH", "basic", "DEMO_API_PASSWORD", "from-env");
    DemoApiConfig config = CommandLineOptions.parse(new String[] {"--rate", "6"}, env);
    assertThat(config.seed()).isEqualTo(9);
    assertThat(config.eventsPerSecond()).isEqualTo(6);
    assertThat(config.auth()).isEqualTo(AuthMode.BASIC);
    assertThat(config.password()).isEqualTo("from-env");
    assertThat(config.port()).isEqualTo(CommandLineOptions.DEFAULT_PORT);
    assertThat(config.toString()).doesNotContain("from-env");
  }

  @Test
  void mistakesNameTheFlag() {
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--rte", "5"}, Map.of()))
        .hasMessageContaining("--rte");
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--rate", "fast"}, Map.of()))
        .hasMessageContaining("--rate").hasMessageContaining("DEMO_API_RATE");
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--auth", "kerberos"},
        Map.of())).hasMessageContaining("api-key-header");
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--error-rate", "1.5"},
        Map.of())).hasMessageContaining("errorRate");
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--seed"}, Map.of()))
        .hasMessageContaining("needs a value");
  }

  @Test
  void helpListsEveryFlagWithItsVariable() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(DemoApiMain.start(new String[] {"--help"}, Map.of(), new PrintStream(out, true,
        StandardCharsets.UTF_8))).isNull();
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help).contains("--port N", "DEMO_API_PORT", "--auth MODE", "--repeat-items K",
        "--redirect-rate P", "--help");
  }

  @Test
  void mainPrintsTheBaseUrlAndServes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DemoClickstreamApi api = DemoApiMain.start(new String[] {"--port", "0"},
        Map.of("DEMO_API_INITIAL_EVENTS", "10"), new PrintStream(out, true,
            StandardCharsets.UTF_8))) {
      assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo(api.baseUrl());
      assertThat(api.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(TestHttp.get(api.baseUrl() + "/healthz").statusCode()).isEqualTo(200);
      assertThat(api.headSeq()).isGreaterThanOrEqualTo(10);
    }
  }
}
