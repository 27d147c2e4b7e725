package io.github.variantconnect.http.it;

import static io.github.variantconnect.http.it.DemoFeeds.CONNECTOR_CLASS;
import static io.github.variantconnect.http.it.DemoFeeds.bounded;
import static io.github.variantconnect.http.it.DemoFeeds.connector;
import static io.github.variantconnect.http.it.DemoFeeds.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.demoapi.AuthMode;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP source on a real worker that loads it from plugin.path, with exactly-once support on,
 * against the demo clickstream API: every pagination and auth mode, several endpoints, validation.
 */
class HttpSourceIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @Test
  void pluginLoadsFromPluginPathNotFromTheTestClasspath() {
    JsonNode found = null;
    for (JsonNode plugin : CONNECT.rest().connectorPlugins()) {
      if (CONNECTOR_CLASS.equals(plugin.path("class").asText())) {
        found = plugin;
      }
    }
    assertThat(found).as("HttpSourceConnector among the worker's plugins").isNotNull();
    assertThat(found.path("type").asText()).isEqualTo("source");
    assertThat(found.path("version").asText()).isEqualTo(System.getProperty("variantconnect.project.version"));
    assertThatThrownBy(() -> Class.forName(CONNECTOR_CLASS)).isInstanceOf(ClassNotFoundException.class);
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        Arguments.of("http.url", "http//127.0.0.1:8089/v1/events", "http.url", "absolute"),
        Arguments.of("auth.type", "bearer", "auth.bearer.token", "needs a token"),
        Arguments.of("auth.type", "oauth2", "auth.oauth2.token.url", "token endpoint URL"),
        Arguments.of("records.pointer", "data[0]", "records.pointer", "JSON pointer"),
        Arguments.of("record.id.pointer", "event_id", "record.id.pointer", "JSON pointer"),
        Arguments.of("pagination.mode", "infinite-scroll", "pagination.mode", "must be one of"),
        Arguments.of("http.endpoints", "eu", "http.endpoint.eu.url", "needs a URL"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("invalidConfigs")
  void validationNamesTheKeyAtFault(String key, String value, String errorKey, String hint) {
    Map<String, String> config = with(Map.of("connector.class", CONNECTOR_CLASS, "http.url", "http://127.0.0.1:8089/v1/events",
        "auth.oauth2.client.id", "kc", "auth.oauth2.client.secret", "s"), key, value);

    Map<String, List<String>> errors = CONNECT.rest().validationErrors(CONNECTOR_CLASS, config);

    assertThat(errors).containsOnlyKeys(errorKey);
    assertThat(String.join(" ", errors.get(errorKey))).contains(hint);
  }

  @Test
  void validationHidesSecrets() {
    Map<String, String> config = Map.of("connector.class", CONNECTOR_CLASS, "http.url", "http://127.0.0.1:8089/v1/events",
        "auth.type", "bearer", "auth.bearer.token", "t0p-s3cret");

    assertThat(CONNECT.rest().validationErrors(CONNECTOR_CLASS, config)).isEmpty();
    assertThat(CONNECT.rest().validate(CONNECTOR_CLASS, config).toString()).doesNotContain("t0p-s3cret");
  }

  static Stream<Arguments> paginationModes() {
    return Stream.of(
        Arguments.of("cursor", new String[] {}),
        Arguments.of("cursor-post", new String[] {"http.method", "post", "pagination.mode", "cursor"}),
        Arguments.of("next_link", new String[] {"pagination.mode", "next_link"}),
        Arguments.of("link_header", new String[] {"pagination.mode", "link_header"}),
        Arguments.of("page", new String[] {"pagination.mode", "page"}),
        Arguments.of("offset", new String[] {"pagination.mode", "offset"}),
        // Without pagination the whole feed must fit one answer; the event time keeps the position.
        Arguments.of("none", new String[] {"pagination.mode", "none", "http.query", "limit=5000"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paginationModes")
  void everyPaginationModeDeliversEveryEventExactlyOnce(String mode, String[] settings) {
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(11, 1_500, 4_000, 2_000).build())) {
      String name = "pages-" + mode.replace('_', '-');
      Map<String, String> config = with(connector(api, name), settings);
      if (mode.equals("cursor-post")) {
        config.put("http.url", api.baseUrl() + "/v1/events/query");
      }
      CONNECT.rest().putConfig(name, config);
      api.awaitPublished(4_000, TIMEOUT);

      DeliveredEvents.assertExactlyOnce(CONNECT, api, name, DemoFeeds.truth(api), TIMEOUT);
      CONNECT.rest().delete(name);
    }
  }

  static Stream<Arguments> authModes() {
    return Stream.of(
        Arguments.of(AuthMode.BASIC, new String[] {"auth.type", "basic", "auth.basic.username", "demo",
            "auth.basic.password", "demo-secret"}),
        Arguments.of(AuthMode.BEARER, new String[] {"auth.type", "bearer", "auth.bearer.token", "demo-token"}),
        Arguments.of(AuthMode.API_KEY_HEADER, new String[] {"auth.type", "api_key", "auth.api.key", "demo-api-key"}),
        Arguments.of(AuthMode.API_KEY_QUERY, new String[] {"auth.type", "api_key", "auth.api.key", "demo-api-key",
            "auth.api.key.location", "query", "auth.api.key.name", "api_key"}),
        Arguments.of(AuthMode.OAUTH2, new String[] {"auth.type", "oauth2", "auth.oauth2.client.id", "demo-client",
            "auth.oauth2.client.secret", "demo-client-secret"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("authModes")
  void everyAuthModeDeliversEveryEventExactlyOnce(AuthMode auth, String[] settings) {
    // Tokens live 2 s while the feed runs 3 s: the connector must renew them on the way.
    DemoApiConfig demo = bounded(23, 1_000, 7_000, 2_000).auth(auth).tokenTtl(Duration.ofSeconds(2)).build();
    try (DemoClickstreamApi api = DemoClickstreamApi.start(demo)) {
      String name = "auth-" + auth.flagValue();
      Map<String, String> config = with(connector(api, name), settings);
      config.put("auth.oauth2.token.url", auth == AuthMode.OAUTH2 ? api.baseUrl() + "/oauth/token" : "");
      CONNECT.rest().putConfig(name, config);
      api.awaitPublished(7_000, TIMEOUT);

      DeliveredEvents.assertExactlyOnce(CONNECT, api, name, DemoFeeds.truth(api), TIMEOUT);
      CONNECT.rest().delete(name);
    }
  }

  @Test
  void endpointsAreSpreadOverTasksAndEachIsPolledByExactlyOneTask() throws Exception {
    int endpoints = 5;
    try (DemoClickstreamApi api = DemoClickstreamApi.start(bounded(31, 500, 2_000, 1_000).build())) {
      Map<String, String> config = connector(api, "multi-unused");
      config.put("tasks.max", "3");
      config.put("http.url", "");
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= endpoints; i++) {
        names.add("feed" + i);
        config.put("http.endpoint.feed" + i + ".url", api.baseUrl() + "/v1/events");
        config.put("http.endpoint.feed" + i + ".topic", "multi-" + i);
      }
      config.put("http.endpoints", String.join(",", names));
      CONNECT.rest().putConfig("multi", config);
      CONNECT.awaitRunning("multi", 3, TIMEOUT);

      List<String> assigned = new ArrayList<>();
      for (JsonNode task : CONNECT.rest().call("GET", "connectors/multi/tasks", null).ok().body()) {
        assigned.addAll(List.of(task.path("config").path("task.endpoints").asText().split(",")));
      }
      assertThat(assigned).containsExactlyInAnyOrderElementsOf(names);

      api.awaitPublished(2_000, TIMEOUT);
      Map<String, JsonNode> truth = DemoFeeds.truth(api);
      for (int i = 1; i <= endpoints; i++) {
        DeliveredEvents.assertExactlyOnce(CONNECT, api, "multi-" + i, truth, TIMEOUT);
      }

      // The worker runs in this JVM: its JMX beans show which task polls which endpoint.
      MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
      Set<ObjectName> beans = jmx.queryNames(new ObjectName("io.github.variantconnect.http:type=endpoint,connector=\"multi\",*"), null);
      Map<String, Object> taskOf = new HashMap<>();
      for (ObjectName bean : beans) {
        taskOf.put((String) jmx.getAttribute(bean, "Endpoint"), jmx.getAttribute(bean, "Task"));
        assertThat((Long) jmx.getAttribute(bean, "Records")).isPositive();
      }
      assertThat(taskOf).containsOnlyKeys(names);
      assertThat(Set.copyOf(taskOf.values())).hasSize(3);
      CONNECT.rest().delete("multi");
    }
  }

  /** Its rate is measured in bench/, not asserted here; here: the backlog arrives in full pages. */
  @Test
  void pagesOfAThousandRecordsFetchTheBacklogInFullPages() throws Exception {
    long events = 100_000;
    DemoApiConfig demo = bounded(47, events, events, 1_000).window((int) events).build();
    try (DemoClickstreamApi api = DemoClickstreamApi.start(demo)) {
      CONNECT.rest().putConfig("throughput", with(connector(api, "throughput"), "pagination.limit", "1000"));
      MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
      ObjectName bean = new ObjectName("io.github.variantconnect.http:type=endpoint,connector=\"throughput\",endpoint=\"default\"");
      Awaits.until(TIMEOUT, "all records", () -> records(jmx, bean) >= events);
      long requests = api.requestCount();

      assertThat(CONNECT.topicReader().awaitRecords("throughput", (int) events, TIMEOUT)).hasSize((int) events);
      // 100 full pages, plus the few polls of a caught-up source within one wait interval.
      assertThat(requests).as("requests for %,d events in pages of 1,000", events).isBetween(events / 1_000, events / 1_000 + 20);
      CONNECT.rest().delete("throughput");
    }
  }

  private static long records(MBeanServer jmx, ObjectName bean) {
    try {
      return (Long) jmx.getAttribute(bean, "Records");
    } catch (JMException e) {
      throw new IllegalStateException(e);
    }
  }
}
