package io.github.variantconnect.sink.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.SimulatedConsumer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every target owes the sink, run through the real sink core ({@link
 * io.github.variantconnect.sink.core.SinkWriter}) with a simulated consumer: one subclass per
 * target (DuckDB real, the Snowflake paths over their fakes). Every scenario ends by checking that
 * each record of each partition is in its table exactly once, or in the dead-letter queue exactly
 * once when the scenario says it must be — nothing lost, nothing duplicated.
 *
 * <p>A new target joins by extending this class and implementing the hooks below.
 */
public abstract class TargetContract {

  protected static final TopicPartition P0 = new TopicPartition("ats-telemetry", 0);
  protected static final TopicPartition P1 = new TopicPartition("clickstream", 1);
  protected static final String ROUTES = "ats-telemetry:ATS_RAW,clickstream:CLICKS";
  private static final ObjectMapper EXACT = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  protected final SimulatedConsumer consumer = new SimulatedConsumer();
  protected final AtomicLong clock = new AtomicLong(1_000_000);
  private final List<SinkTaskHarness> tasks = new ArrayList<>();

  /** A stored row as the store returns it. */
  public record Stored(String topic, int partition, long offset, String content) {}

  /** The target of a new task over the same store (same connector name). */
  protected abstract Target newTarget();

  /** Every row of the table, as a query would return it. */
  protected abstract List<Stored> stored(String table);

  /** The store commits what it has accepted (a streaming flush); transactional stores have nothing to do. */
  protected void storeCommits() {}

  /**
   * Makes the store lose what it holds in flight for {@code tp} (an invalidated channel, a commit
   * that fails): the next write or offset commit runs into it.
   */
  protected abstract void loseInFlight(TopicPartition tp);

  /**
   * Makes the store refuse rows whose content contains {@code marker} (a value its column cannot
   * take, found only by the store). False when the store refuses no valid JSON.
   */
  protected boolean refuseRowsContaining(String marker) {
    return false;
  }

  /** Lifts {@link #refuseRowsContaining}. */
  protected void stopRefusing() {}

  /** Whether the store refuses an object with a repeated key (Snowflake VARIANT does, DuckDB JSON does not). */
  protected abstract boolean refusesDuplicateKeys();

  /** The largest value the target takes, in UTF-8 bytes, with {@link #limitConfig()} applied. */
  protected abstract long valueLimitBytes();

  /** Config that sets the limit {@link #valueLimitBytes()} reports; empty when it is the target's own. */
  protected Map<String, String> limitConfig() {
    return Map.of();
  }

  @AfterEach
  void stopTasks() {
    tasks.forEach(SinkTaskHarness::crash);
  }

  protected SinkTaskHarness task(Map<String, String> overrides) {
    Map<String, String> props = new TreeMap<>(Map.of("topic2table.map", ROUTES));
    props.putAll(overrides);
    SinkTaskHarness task = new SinkTaskHarness(newTarget(), consumer, clock, props);
    tasks.add(task);
    return task;
  }

  protected SinkTaskHarness task() {
    return task(Map.of());
  }

  private SinkTaskHarness tolerantTask(Map<String, String> more) {
    Map<String, String> props = new TreeMap<>(Map.of("errors.tolerance", "all",
        "errors.deadletterqueue.topic.name", "dlq"));
    props.putAll(more);
    return task(props);
  }

  @Test
  void crashAndRestart() {
    consumer.produce(P0, 40);
    consumer.produce(P1, 25);
    SinkTaskHarness first = task();
    first.assign(List.of(P0, P1));
    first.poll(7);
    first.poll(7);
    storeCommits();
    first.commit();
    first.poll(7);
    first.poll(7);
    first.crash();

    SinkTaskHarness second = task();
    second.assign(List.of(P0, P1));
    drain(second);

    assertExactlyOnce(P0, "ATS_RAW", 40, List.of());
    assertExactlyOnce(P1, "CLICKS", 25, List.of());
  }

  @Test
  void invalidation() {
    consumer.produce(P0, 30);
    consumer.produce(P1, 30);
    SinkTaskHarness task = task();
    task.assign(List.of(P0, P1));
    task.poll(6);
    storeCommits();
    task.poll(6);
    loseInFlight(P0);
    task.poll(6);
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 30, List.of());
    assertExactlyOnce(P1, "CLICKS", 30, List.of());
  }

  @Test
  void rebalance() {
    consumer.produce(P0, 30);
    consumer.produce(P1, 30);
    SinkTaskHarness a = task();
    a.assign(List.of(P0, P1));
    a.poll(8);
    a.poll(8);
    storeCommits();
    a.poll(8);
    a.revoke(List.of(P1));
    SinkTaskHarness b = task();
    b.assign(List.of(P1));
    drain(a);
    drain(b);

    assertExactlyOnce(P0, "ATS_RAW", 30, List.of());
    assertExactlyOnce(P1, "CLICKS", 30, List.of());
  }

  @Test
  void topicRecreated() {
    consumer.produce(P0, 50);
    SinkTaskHarness old = task();
    old.assign(List.of(P0));
    drain(old);
    old.close();
    consumer.recreate(P0);
    consumer.produce(P0, 10);

    SinkTaskHarness failing = task();
    failing.assign(List.of(P0));
    assertThatThrownBy(() -> failing.poll(10)).isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-203]");
    failing.crash();

    SinkTaskHarness reset = task(Map.of("variant.offsets.ahead.of.log.policy", "RESET_TO_KAFKA"));
    reset.assign(List.of(P0));
    drain(reset);

    List<Long> offsets = offsets(P0, "ATS_RAW");
    assertThat(offsets).as("the old topic's 50 rows, then the new topic's 10, each once")
        .containsExactlyElementsOf(LongStream.concat(LongStream.range(0, 50), LongStream.range(0, 10)).boxed()
            .toList());
  }

  @Test
  void poisonRecord() {
    consumer.produce(P0, 5);
    long poison = consumer.produce(P0, "{\"unterminated\": ");
    consumer.produce(P0, 5);
    SinkTaskHarness task = tolerantTask(Map.of());
    task.assign(List.of(P0));
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 11, List.of(poison));
    assertDeadLettered(task, List.of(poison), "VS-101");
  }

  @Test
  void serverRejectedRow() {
    assumeTrue(refuseRowsContaining("\"refused\""), "this store refuses no valid JSON");
    consumer.produce(P0, 5);
    long refused = consumer.produce(P0, "{\"refused\":true}");
    consumer.produce(P0, 5);
    SinkTaskHarness task = task(Map.of("buffer.count.records", "1"));
    task.assign(List.of(P0));

    assertThatThrownBy(() -> drain(task)).isInstanceOf(ConnectException.class)
        .hasMessageContaining(P0.topic()).hasMessageContaining("offset " + refused);
    task.crash();

    // The table is fixed and the task restarted: it goes on from what the store committed.
    stopRefusing();
    SinkTaskHarness restarted = task();
    restarted.assign(List.of(P0));
    drain(restarted);
    assertExactlyOnce(P0, "ATS_RAW", 11, List.of());
  }

  @Test
  void valueOverTheLimit() {
    long limit = valueLimitBytes();
    consumer.produce(P0, 3);
    long over = consumer.produce(P0, stringOfBytes(limit + 1));
    long atLimit = consumer.produce(P0, stringOfBytes(limit));
    consumer.produce(P0, 3);
    SinkTaskHarness task = tolerantTask(limitConfig());
    task.assign(List.of(P0));
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 8, List.of(over));
    assertDeadLettered(task, List.of(over), "VS-102");
    assertThat(content(P0, "ATS_RAW", atLimit).path("s").asText()).hasSize((int) (limit - "{\"s\":\"\"}".length()));
  }

  @Test
  void duplicateKeys() {
    consumer.produce(P0, 3);
    long repeated = consumer.produce(P0, "{\"a\":1,\"b\":{\"c\":1,\"c\":2}}");
    long distinct = consumer.produce(P0, "{\"a\":1,\"b\":{\"c\":1,\"d\":2}}");
    SinkTaskHarness task = tolerantTask(Map.of());
    task.assign(List.of(P0));
    drain(task);

    List<Long> refused = refusesDuplicateKeys() ? List.of(repeated) : List.of();
    assertExactlyOnce(P0, "ATS_RAW", 5, refused);
    assertDeadLettered(task, refused, "VS-101");
    assertThat(content(P0, "ATS_RAW", distinct).path("b").path("d").asInt()).isEqualTo(2);
  }

  @Test
  void thirtyDigitDecimals() {
    String decimal = "123456789012345678901.234567891";
    String small = "-0.000000000000000000000000000001";
    long offset = consumer.produce(P0, "{\"d\":" + decimal + ",\"e\":" + small + ",\"i\":123456789012345678901234567890}");
    SinkTaskHarness task = task();
    task.assign(List.of(P0));
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 1, List.of());
    JsonNode stored = content(P0, "ATS_RAW", offset);
    assertThat(stored.path("d").decimalValue()).isEqualByComparingTo(new BigDecimal(decimal));
    assertThat(stored.path("e").decimalValue()).isEqualByComparingTo(new BigDecimal(small));
    assertThat(stored.path("i").bigIntegerValue()).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
  }

  @Test
  void unicode() {
    String json = "{\"text\":\"Grüße, 東京, Ελληνικά, עברית, 😀🚆, \\u0000 \\\" \\\\ \\u2028 \\ud83d\\ude80\",\"ключ😀\":\"v\"}";
    long offset = consumer.produce(P0, json);
    SinkTaskHarness task = task();
    task.assign(List.of(P0));
    drain(task);

    assertExactlyOnce(P0, "ATS_RAW", 1, List.of());
    assertThat(content(P0, "ATS_RAW", offset)).isEqualTo(parse(json));
  }

  /** Polls, lets the store commit and commits offsets until the task has taken everything there is. */
  protected void drain(SinkTaskHarness task) {
    for (int round = 0; round < 200; round++) {
      task.poll(7);
      clock.addAndGet(1_000);
      task.poll(7);
      storeCommits();
      task.commit();
      if (caughtUp(task)) {
        return;
      }
    }
    throw new AssertionError("the task did not catch up");
  }

  private boolean caughtUp(SinkTaskHarness task) {
    Map<TopicPartition, OffsetAndMetadata> committed = task.writer.preCommit();
    consumer.commit(committed);
    for (TopicPartition tp : task.context.assignment) {
      OffsetAndMetadata offset = committed.get(tp);
      Long group = consumer.groupOffset(tp);
      long done = offset != null ? offset.offset() : group == null ? -1 : group;
      if (done < consumer.endOffset(tp)) {
        return false;
      }
    }
    return true;
  }

  protected List<Long> offsets(TopicPartition tp, String table) {
    return stored(table).stream().filter(r -> r.topic().equals(tp.topic()) && r.partition() == tp.partition())
        .map(Stored::offset).toList();
  }

  /** Offsets 0..count-1 of the partition are each in the table once, except {@code absent}, which are not. */
  protected void assertExactlyOnce(TopicPartition tp, String table, int count, List<Long> absent) {
    List<Long> expected = LongStream.range(0, count).filter(o -> !absent.contains(o)).boxed().toList();
    assertThat(offsets(tp, table)).as(tp + " in " + table).containsExactlyElementsOf(expected);
  }

  private static void assertDeadLettered(SinkTaskHarness task, List<Long> offsets, String code) {
    List<Long> dead = task.context.deadLetters.stream().map(SinkRecord::kafkaOffset).collect(Collectors.toList());
    assertThat(dead).as("dead-lettered once each").containsExactlyElementsOf(offsets);
    task.context.deadLetterErrors.forEach(e -> assertThat(e.getMessage()).contains(code));
  }

  private JsonNode content(TopicPartition tp, String table, long offset) {
    List<Stored> rows = stored(table).stream()
        .filter(r -> r.topic().equals(tp.topic()) && r.partition() == tp.partition() && r.offset() == offset)
        .toList();
    assertThat(rows).as("offset " + offset + " stored once").hasSize(1);
    return parse(rows.get(0).content());
  }

  private static JsonNode parse(String json) {
    try {
      return EXACT.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {"s":"xxx…"} of exactly {@code bytes} UTF-8 bytes, already minified. */
  private static String stringOfBytes(long bytes) {
    return "{\"s\":\"" + "x".repeat((int) (bytes - "{\"s\":\"\"}".length())) + "\"}";
  }
}
