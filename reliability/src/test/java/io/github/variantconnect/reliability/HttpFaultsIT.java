package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.demoapi.FaultType;
import io.github.variantconnect.demoapi.Faults;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HTTP source against the demo API misbehaving in one way at a time, each fault knob in its own
 * row: no event is lost or delivered twice, and every failure the source met is explained — in the
 * worker log while it retries, in the task status when it gives up. The rows run side by side on one
 * worker, each with its own API and topic.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class HttpFaultsIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final int RETRY_AFTER_SECONDS = 1;
  private static final Pattern RETRY_DELAY = Pattern.compile("; retry \\d+ of \\d+ in (\\d+) ms");

  /** One fault knob per row, the connector settings it needs, and how its failures must read. */
  enum FaultCase {
    SERVER_ERROR_BURSTS(FaultType.SERVER_ERROR, Faults.builder().errorRate(0.4).build()),
    RATE_LIMITED_WITH_RETRY_AFTER(FaultType.TOO_MANY_REQUESTS,
        Faults.builder().tooManyRequestsRate(0.3).retryAfterSeconds(RETRY_AFTER_SECONDS).build()),
    SLOW_REPLIES(FaultType.SLOW, Faults.builder().slowRate(0.2).slowDelay(Duration.ofMillis(1_500)).build(),
        "http.request.timeout", "500ms"),
    TRUNCATED_JSON(FaultType.TRUNCATED, Faults.builder().truncateRate(0.3).build()),
    REPEATED_ITEMS(FaultType.REPEATED_ITEMS, Faults.builder().repeatItems(7).build()),
    OVERSIZE_BODY(FaultType.OVERSIZE, Faults.builder().oversizeRate(0.3).oversizeBytes(2 * 1024 * 1024).build(),
        "http.max.response.bytes", Integer.toString(1024 * 1024)),
    REDIRECT_FOLLOWED_WHEN_ALLOWED(FaultType.REDIRECT, Faults.builder().redirectRate(0.3).build(),
        "http.redirects.other.hosts", "true"),
    REDIRECT_REFUSED_THEN_ALLOWED(FaultType.REDIRECT, Faults.builder().redirectRate(0.3).build());

    final FaultType injected;
    final Faults faults;
    final String[] settings;

    FaultCase(FaultType injected, Faults faults, String... settings) {
      this.injected = injected;
      this.faults = faults;
      this.settings = settings;
    }

    String topic() {
      return "faults-" + name().toLowerCase().replace('_', '-');
    }
  }

  private static final Map<FaultCase, DemoClickstreamApi> APIS = new EnumMap<>(FaultCase.class);

  /** All rows start at once and then run concurrently; each test checks one row. */
  @BeforeAll
  static void startEveryRow() {
    long seed = 100;
    for (FaultCase fault : FaultCase.values()) {
      DemoClickstreamApi api = DemoClickstreamApi.start(DemoApiConfig.builder()
          .seed(seed++).initialEvents(1_000).maxEvents(4_000).eventsPerSecond(1_000).faults(fault.faults).build());
      APIS.put(fault, api);
      CONNECT.rest().putConfig(fault.topic(), connectorConfig(api, fault));
    }
  }

  @AfterAll
  static void stopApis() {
    APIS.values().forEach(DemoClickstreamApi::close);
  }

  /** Retries quick enough for a test; the retry budget stays the default. */
  private static Map<String, String> connectorConfig(DemoClickstreamApi api, FaultCase fault) {
    return ConnectorConfigs.with(ConnectorConfigs.with(ConnectorConfigs.http(api.baseUrl(), fault.topic()),
        "pagination.limit", "200", "http.request.timeout", "2s",
        "retry.backoff.initial", "50ms", "retry.backoff.max", "1s"), fault.settings);
  }

  @ParameterizedTest
  @EnumSource(FaultCase.class)
  void nothingLostOrDuplicatedAndEveryFailureExplained(FaultCase fault) {
    DemoClickstreamApi api = APIS.get(fault);
    if (fault == FaultCase.REDIRECT_REFUSED_THEN_ALLOWED) {
      refusedRedirectFailsTheTaskSayingWhyAndResumesOnceAllowed(api, fault);
    }

    TopicAudit.assertDeliveredExactlyOnce(CONNECT, api, fault.topic(), TIMEOUT);
    CONNECT.awaitRunning(fault.topic(), 1, TIMEOUT);
    assertThat(api.faultCount(fault.injected)).as("%s faults injected", fault.injected).isPositive();

    List<String> failures = failuresLogged(api);
    switch (fault) {
      case SERVER_ERROR_BURSTS -> {
        assertThat(failures).anyMatch(line -> line.contains("failed with status 500: {\"error\":\"internal_error\""));
        assertThat(failures).anyMatch(line -> line.contains("failed with status 503: {\"error\":\"service_unavailable\""));
        assertThat(failures).as("a burst: the same request failing twice in a row").anyMatch(line -> line.contains("; retry 2 of"));
      }
      case RATE_LIMITED_WITH_RETRY_AFTER -> {
        List<String> limited = failures.stream().filter(line -> line.contains("failed with status 429")).toList();
        assertThat(limited).isNotEmpty().allMatch(line -> line.contains("retry after " + RETRY_AFTER_SECONDS + " s"));
        // Backoff alone would start at 50 ms; the waits show that Retry-After was honoured.
        assertThat(limited).allSatisfy(line -> assertThat(retryDelayMs(line)).isGreaterThanOrEqualTo(RETRY_AFTER_SECONDS * 1000L));
      }
      case SLOW_REPLIES -> assertThat(failures).isNotEmpty().allMatch(line -> line.contains("failed with timeout"));
      case TRUNCATED_JSON -> assertThat(failures).isNotEmpty()
          .allMatch(line -> line.contains("failed with bad body: body is not complete JSON"));
      case OVERSIZE_BODY -> assertThat(failures).isNotEmpty()
          .allMatch(line -> line.contains("failed with too large: response body exceeds http.max.response.bytes (1048576 bytes)"));
      case REPEATED_ITEMS, REDIRECT_FOLLOWED_WHEN_ALLOWED ->
          assertThat(failures).as("handled without a failure").isEmpty();
      case REDIRECT_REFUSED_THEN_ALLOWED -> { }
    }
    CONNECT.rest().delete(fault.topic());
  }

  /** Until allowed, a redirect to another host fails the task, and the status says which and why. */
  private static void refusedRedirectFailsTheTaskSayingWhyAndResumesOnceAllowed(DemoClickstreamApi api, FaultCase fault) {
    String trace = CONNECT.awaitTaskFailed(fault.topic(), TIMEOUT).path("tasks").get(0).path("trace").asText();
    assertThat(trace).contains("refusing to follow 127.0.0.1 to another host (localhost)")
        .contains("set http.redirects.other.hosts=true");
    CONNECT.rest().putConfig(fault.topic(),
        ConnectorConfigs.with(connectorConfig(api, fault), "http.redirects.other.hosts", "true"));
  }

  /** Retried failures the worker logged for requests to this API. */
  private static List<String> failuresLogged(DemoClickstreamApi api) {
    return new WorkerLogs(CONNECT.workerLogs())
        .lines(line -> line.contains(api.baseUrl() + "/") && line.contains(" failed with "));
  }

  private static long retryDelayMs(String line) {
    Matcher matcher = RETRY_DELAY.matcher(line);
    assertThat(matcher.find()).as("retry delay in: %s", line).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
