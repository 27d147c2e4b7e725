package io.github.variantconnect.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The task against a small fake feed: pagination, resuming, value shapes. */
class HttpSourceTaskTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskHarness harness = new TaskHarness();
  private FakeApi api;

  @AfterEach
  void stop() {
    harness.close();
    if (api != null) {
      api.close();
    }
  }

  private Map<String, String> config(java.util.function.Function<FakeApi.Request, FakeApi.Reply> feed,
      String... keyValues) {
    api = FakeApi.start(feed);
    Map<String, String> config = new HashMap<>();
    config.put("name", "test");
    config.put("http.url", api.url("/events"));
    config.put("pagination.limit", "10");
    config.put("pagination.cursor.pointer", "/next_cursor");
    config.put("poll.interval", "50ms");
    for (int i = 0; i < keyValues.length; i += 2) {
      config.put(keyValues[i], keyValues[i + 1]);
    }
    return config;
  }

  private static List<String> ids(List<SourceRecord> records) {
    List<String> ids = new ArrayList<>();
    for (SourceRecord record : records) {
      ids.add((String) ((Map<?, ?>) record.value()).get("event_id"));
    }
    return ids;
  }

  private static List<String> expected(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "e" + i).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cursor", "next_link", "link_header", "offset", "page", "none"})
  void everyPaginationModeDeliversEachEventOnceInOrder(String mode) throws Exception {
    FakeFeed feed = new FakeFeed(95);
    Map<String, String> config = config(feed, "pagination.mode", mode);
    if (mode.equals("none")) {
      config.put("http.query", "limit=1000");
    }
    harness.start(config);

    List<SourceRecord> records = harness.pollUntil(95, TIMEOUT);
    assertThat(ids(records)).isEqualTo(expected(0, 95));
    assertThat(harness.pollFor(Duration.ofMillis(300))).isEmpty();

    feed.grow(17);
    assertThat(ids(harness.pollUntil(17, TIMEOUT))).isEqualTo(expected(95, 112));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cursor", "next_link", "link_header", "offset", "page"})
  void restartMidPageResumesWithoutGapOrDuplicate(String mode) throws Exception {
    FakeFeed feed = new FakeFeed(60).repeat(3);
    Map<String, String> config = config(feed, "pagination.mode", mode);
    harness.start(config);
    List<SourceRecord> first = harness.pollUntil(30, TIMEOUT);

    harness.keepCommitted(first, 24);
    harness.start(config);

    List<SourceRecord> rest = harness.pollUntil(36, TIMEOUT);
    assertThat(ids(rest)).isEqualTo(expected(24, 60));
    assertThat(harness.pollFor(Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void repeatedItemsAcrossPagesAreDeliveredOnce() throws Exception {
    harness.start(config(new FakeFeed(100).repeat(4)));

    assertThat(ids(harness.pollUntil(100, TIMEOUT))).isEqualTo(expected(0, 100));
    assertThat(harness.pollFor(Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void dedupWindowDropsItemsSeenEarlierAndSurvivesRestart() throws Exception {
    // Every page also carries e0, wherever the API feels like it.
    FakeFeed feed = new FakeFeed(40);
    api = FakeApi.start(request -> {
      FakeApi.Reply reply = feed.apply(request);
      String body = new String(reply.body(), StandardCharsets.UTF_8).replace("\"data\":[", "\"data\":[" + FakeFeed.event(0) + ",");
      return FakeApi.Reply.json(body.replace("\"data\":[" + FakeFeed.event(0) + ",]", "\"data\":[" + FakeFeed.event(0) + "]"));
    });
    Map<String, String> config = new HashMap<>(Map.of("name", "t", "http.url", api.url("/events"),
        "pagination.limit", "10", "poll.interval", "50ms", "dedup.window.size", "50"));
    harness.start(config);
    List<SourceRecord> first = harness.pollUntil(15, TIMEOUT);
    harness.keepCommitted(first, 15);
    harness.start(config);

    List<SourceRecord> rest = harness.pollUntil(25, TIMEOUT);
    assertThat(ids(first.subList(0, 15))).isEqualTo(expected(0, 15));
    assertThat(ids(rest)).isEqualTo(expected(15, 40));
    assertThat(harness.pollFor(Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void postSendsTheBodyTemplateFilledFromThePosition() throws Exception {
    FakeFeed feed = new FakeFeed(25);
    api = FakeApi.start(request -> {
      JsonNode body = parse(request.body());
      String cursor = body.path("cursor").isNull() ? "0" : body.path("cursor").asText();
      return feed.apply(new FakeApi.Request("GET", request.uri(),
          Map.of("cursor", cursor, "limit", body.path("max").asText()), request.headers(), ""));
    });
    Map<String, String> config = new HashMap<>(Map.of("name", "t", "http.url", api.url("/events/query"),
        "http.method", "post", "http.body", "{\"cursor\": ${cursor}, \"max\": ${limit}}", "pagination.limit", "10",
        "poll.interval", "50ms", "http.headers", "X-Client: test|Accept-Language: en, de"));
    harness.start(config);

    assertThat(ids(harness.pollUntil(25, TIMEOUT))).isEqualTo(expected(0, 25));
    FakeApi.Request first = api.requests().get(0);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(parse(first.body())).isEqualTo(parse("{\"cursor\": null, \"max\": 10}"));
    assertThat(parse(api.requests().get(1).body())).isEqualTo(parse("{\"cursor\": \"10\", \"max\": 10}"));
    assertThat(first.header("Content-Type")).isEqualTo("application/json");
    assertThat(first.header("X-Client")).isEqualTo("test");
    assertThat(first.header("Accept-Language")).isEqualTo("en, de");
  }

  @Test
  void keyTimestampAndSchemalessValueMirrorTheApiObject() throws Exception {
    harness.start(config(new FakeFeed(3)));
    List<SourceRecord> records = harness.pollUntil(3, TIMEOUT);

    SourceRecord record = records.get(1);
    assertThat(record.topic()).isEqualTo("clickstream-http-data");
    assertThat(record.key()).isEqualTo("s0");
    assertThat(record.timestamp()).as("wall clock by default: the producer stamps the send time").isNull();
    assertThat(record.sourcePartition()).isEqualTo(Map.of("endpoint", "default"));
    assertThat(record.valueSchema()).isNull();
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), false);
    for (int i = 0; i < 3; i++) {
      byte[] written = converter.fromConnectData("t", null, records.get(i).value());
      assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(FakeFeed.event(i));
    }
  }

  @Test
  void eventTimeBecomesTheRecordTimestampOnlyWhenAsked() throws Exception {
    harness.start(config(new FakeFeed(3), "record.timestamp", "event_time"));
    List<SourceRecord> records = harness.pollUntil(3, TIMEOUT);

    assertThat(records.get(1).timestamp()).isEqualTo(FakeFeed.START.plusMillis(10).toEpochMilli());
  }

  @Test
  void structValuesShareOneInferredSchema() throws Exception {
    harness.start(config(new FakeFeed(12), "record.value.format", "struct"));
    List<SourceRecord> records = harness.pollUntil(12, TIMEOUT);

    Struct value = (Struct) records.get(0).value();
    assertThat(value.getString("event_id")).isEqualTo("e0");
    assertThat(value.getFloat64("price")).isEqualTo(19.99);
    assertThat(((Struct) records.get(1).value()).get("price")).isNull();
    assertThat(records).allSatisfy(r -> assertThat(r.valueSchema()).isSameAs(records.get(0).valueSchema()));
  }

  @Test
  void rawValuesAreTheItemText() throws Exception {
    harness.start(config(new FakeFeed(2), "record.value.format", "raw"));

    assertThat(harness.pollUntil(2, TIMEOUT).get(1).value()).isEqualTo(FakeFeed.event(1));
  }

  @Test
  void endpointsOfOneTaskKeepSeparatePositions() throws Exception {
    FakeFeed feed = new FakeFeed(30);
    api = FakeApi.start(feed);
    Map<String, String> config = new HashMap<>(Map.of("name", "t", "http.endpoints", "a,b",
        "http.endpoint.a.url", api.url("/events"), "http.endpoint.b.url", api.url("/events"),
        "http.endpoint.b.topic", "other", "pagination.limit", "10", "poll.interval", "50ms"));
    harness.start(config);

    List<SourceRecord> records = harness.pollUntil(60, TIMEOUT);
    Map<Object, List<SourceRecord>> byEndpoint = new HashMap<>();
    records.forEach(r -> byEndpoint.computeIfAbsent(r.sourcePartition().get("endpoint"), k -> new ArrayList<>()).add(r));
    assertThat(ids(byEndpoint.get("a"))).isEqualTo(expected(0, 30));
    assertThat(ids(byEndpoint.get("b"))).isEqualTo(expected(0, 30));
    assertThat(byEndpoint.get("b")).allSatisfy(r -> assertThat(r.topic()).isEqualTo("other"));
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void offsetModeFetchesTheNextPagesWhileAPageIsHandedOver() throws Exception {
    harness.start(config(new FakeFeed(100), "pagination.mode", "offset", "pagination.pages.ahead", "2"));
    assertThat(ids(harness.pollUntil(10, TIMEOUT))).hasSize(10);

    // The task is not polled again, yet the two pages after the first are requested.
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (offsetsRequested().size() < 3 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(offsetsRequested()).contains("0", "10", "20");

    List<String> all = new ArrayList<>(ids(harness.pollUntil(90, TIMEOUT)));
    assertThat(all).containsExactlyElementsOf(IntStream.range(10, 100).mapToObj(i -> "e" + i).toList());
  }

  @Test
  void asksForCompressionAndDecodesAGzipPage() throws Exception {
    harness.start(config(request -> FakeApi.Reply.gzipJson("{\"data\":[" + FakeFeed.event(0) + "]}")));
    List<SourceRecord> records = harness.pollUntil(1, TIMEOUT);

    assertThat(ids(records)).containsExactly("e0");
    assertThat(api.requests().get(0).header("Accept-Encoding")).isEqualTo("gzip, deflate");
  }

  @Test
  void compressionCanBeSwitchedOff() throws Exception {
    harness.start(config(new FakeFeed(3), "http.accept.encoding", ""));
    harness.pollUntil(3, TIMEOUT);

    assertThat(api.requests().get(0).header("Accept-Encoding")).isNull();
  }

  private List<String> offsetsRequested() {
    return api.requests().stream().map(r -> r.query().get("offset")).filter(java.util.Objects::nonNull).toList();
  }
}
