package io.github.variantconnect.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpSourceConnectorTest {

  private static Map<String, String> base() {
    Map<String, String> config = new HashMap<>();
    config.put("name", "clicks");
    config.put("http.url", "http://127.0.0.1:8089/v1/events");
    return config;
  }

  private static Map<String, List<String>> errors(Map<String, String> config) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    for (ConfigValue value : new HttpSourceConnector().validate(config).configValues()) {
      if (!value.errorMessages().isEmpty()) {
        errors.put(value.name(), value.errorMessages());
      }
    }
    return errors;
  }

  private static Map<String, String> with(String... keyValues) {
    Map<String, String> config = base();
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  @Test
  void defaultsFitTheDemoApiAndValidate() {
    assertThat(errors(base())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed URL | http.url | ht!tp://nope | http.url | not a valid URL",
      "relative URL | http.url | /v1/events | http.url | absolute",
      "bearer without token | auth.type | bearer | auth.bearer.token | needs a token",
      "oauth2 without token URL | auth.type | oauth2 | auth.oauth2.token.url | token endpoint URL",
      "bad JSON pointer | records.pointer | data | records.pointer | JSON pointer",
      "unknown pagination mode | pagination.mode | scroll | pagination.mode | must be one of",
      "unknown placeholder | http.query | cursor=${next} | http.query | unknown placeholder",
      "bad status | retry.statuses | 429,abc | retry.statuses | not an HTTP status",
      "bad duration | poll.interval | soon | poll.interval | not a duration",
      "bad header | http.headers | NoColon | http.headers | Name: value",
      "authorization header | http.headers | Authorization: Bearer x | http.headers | auth.type",
      "dedup without id | dedup.window.size | 100 | dedup.window.size | record.id.pointer",
      "host not allowed | http.allowed.hosts | api.example.com | http.url | not in http.allowed.hosts",
      "bad timestamp format | record.timestamp.format | yyyy-bb | record.timestamp.format | pattern",
      "illegal topic | topic | clicks/raw | topic | not a legal topic name",
      "dot topic | topic | .. | topic | not a legal topic name",
  })
  void validationNamesTheKeyAtFault(String what, String key, String value, String errorKey, String hint) {
    Map<String, String> config = with(key, value);
    if (what.equals("dedup without id")) {
      config.put("record.id.pointer", "");
    }
    if (what.startsWith("oauth2")) {
      config.put("auth.oauth2.client.id", "kc");
      config.put("auth.oauth2.client.secret", "secret");
    }
    Map<String, List<String>> errors = errors(config);

    assertThat(errors).as(what).containsOnlyKeys(errorKey);
    assertThat(String.join(" ", errors.get(errorKey))).contains(hint);
  }

  @Test
  void oauth2WithoutClientCredentialsNamesEachMissingKey() {
    Map<String, List<String>> errors =
        errors(with("auth.type", "oauth2", "auth.oauth2.token.url", "http://127.0.0.1:8089/oauth/token"));

    assertThat(errors).containsOnlyKeys("auth.oauth2.client.id", "auth.oauth2.client.secret");
  }

  @Test
  void namedEndpointsNeedTheirOwnUrl() {
    Map<String, String> config = with("http.url", "", "http.endpoints", "a,b", "http.endpoint.a.url", "http://h/x");

    assertThat(errors(config)).containsOnlyKeys("http.endpoint.b.url");
    config.put("http.endpoint.b.url", "not a url");
    assertThat(errors(config)).containsOnlyKeys("http.endpoint.b.url");
  }

  @Test
  void anEndpointsOwnTopicMustBeALegalName() {
    Map<String, String> config = with("http.url", "", "http.endpoints", "a", "http.endpoint.a.url", "http://h/x",
        "http.endpoint.a.topic", "clicks raw");

    assertThat(errors(config)).containsOnlyKeys("http.endpoint.a.topic");
    config.put("http.endpoint.a.topic", "clicks-raw");
    assertThat(errors(config)).isEmpty();
  }

  @Test
  void noEndpointAtAllIsReportedOnHttpUrl() {
    assertThat(errors(with("http.url", ""))).containsOnlyKeys("http.url");
  }

  @Test
  void secretsNeverAppearInValidationMessages() {
    Map<String, String> config = with("auth.type", "basic", "auth.basic.password", "s3cr3t-pw");
    String all = new HttpSourceConnector().validate(config).configValues().toString();

    assertThat(all).doesNotContain("s3cr3t-pw");
  }

  @Test
  void endpointsAreSpreadOverTasksEachExactlyOnce() {
    Map<String, String> config = with("http.url", "", "http.endpoints", "e1,e2,e3,e4,e5");
    for (int i = 1; i <= 5; i++) {
      config.put("http.endpoint.e" + i + ".url", "http://127.0.0.1:8089/v1/events?source=" + i);
    }
    HttpSourceConnector connector = new HttpSourceConnector();
    connector.start(config);

    List<Map<String, String>> tasks = connector.taskConfigs(3);
    List<String> assigned = new ArrayList<>();
    tasks.forEach(t -> assigned.addAll(List.of(t.get(HttpSourceConnector.TASK_ENDPOINTS).split(","))));

    assertThat(tasks).hasSize(3);
    assertThat(assigned).containsExactlyInAnyOrder("e1", "e2", "e3", "e4", "e5");
    assertThat(connector.taskConfigs(10)).hasSize(5);
  }

  @Test
  void declaresExactlyOnceSupportAndChecksOffsetsUsersWrite() {
    HttpSourceConnector connector = new HttpSourceConnector();
    assertThat(connector.exactlyOnceSupport(base())).isEqualTo(ExactlyOnceSupport.SUPPORTED);

    Map<Map<String, ?>, Map<String, ?>> good = Map.of(Map.of("endpoint", "default"), Map.of("cursor", "abc", "skip", 0));
    assertThat(connector.alterOffsets(base(), good)).isTrue();
    Map<Map<String, ?>, Map<String, ?>> bad = Map.of(Map.of("url", "x"), Map.of("cursor", "abc"));
    assertThatThrownBy(() -> connector.alterOffsets(base(), bad)).hasMessageContaining("endpoint");
  }
}
