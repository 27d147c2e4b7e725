package io.github.variantconnect.sink.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.FakeSinkTaskContext;
import io.github.variantconnect.sink.InMemoryTarget;
import io.github.variantconnect.sink.Records;
import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import io.github.variantconnect.sink.target.PartitionsRewoundException;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SinkWriterTest {

  private static final TopicPartition P0 = new TopicPartition("ats", 0);
  private static final TopicPartition P1 = new TopicPartition("ats", 1);

  private final InMemoryTarget target = new InMemoryTarget();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final List<SinkMetrics> metrics = new ArrayList<>();
  private FakeSinkTaskContext context;

  @AfterEach
  void unregisterMetrics() {
    metrics.forEach(SinkMetrics::close);
  }

  private SinkWriter writer(Map<String, String> overrides) {
    Map<String, String> props = new HashMap<>(Map.of(
        "name", "writer-test", "duckdb.path", "/tmp/unused.duckdb", "buffer.count.records", "3",
        "buffer.flush.time", "2", "target.retry.backoff.ms", "100", "target.retry.timeout.ms", "5000"));
    props.putAll(overrides);
    VariantSinkConfig config = new VariantSinkConfig(props);
    context = new FakeSinkTaskContext();
    context.assignment.addAll(List.of(P0, P1));
    SinkMetrics m = new SinkMetrics("writer-test-" + metrics.size(), 0);
    metrics.add(m);
    return new SinkWriter(config, target, context,
        new RecordErrors(config.toleratesErrors(), context.errantRecordReporter()), m, clock::get);
  }

  private SinkWriter writer() {
    return writer(Map.of());
  }

  @Test
  void opensPartitionsAtTheTargetsCommittedOffsetPlusOne() {
    target.offsets.put(P0, 41L);
    SinkWriter writer = writer();

    writer.open(List.of(P0, P1));

    assertThat(context.seeks).containsExactly(Map.entry(P0, 42L));
  }

  @Test
  void writesWhenAPartitionReachesTheRecordCountAndCommitsOnlyWhatTheTargetHolds() {
    SinkWriter writer = writer();
    writer.open(List.of(P0, P1));

    writer.put(records(P0, 0, 2));
    assertThat(target.rows).isEmpty();
    assertThat(writer.preCommit()).isEmpty();

    writer.put(records(P0, 2, 1));
    assertThat(target.rows).extracting(Row::offset).containsExactly(0L, 1L, 2L);
    assertThat(writer.preCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void aQuietPartitionIsWrittenOnTimeThroughTheWorkersPollTimeout() {
    SinkWriter writer = writer();
    writer.open(List.of(P0));

    writer.put(records(P0, 0, 1));
    assertThat(context.timeout).isEqualTo(2000);

    clock.addAndGet(1500);
    writer.put(List.of());
    assertThat(target.rows).isEmpty();
    assertThat(context.timeout).isEqualTo(500);

    clock.addAndGet(500);
    writer.put(List.of());
    assertThat(target.rows).hasSize(1);
  }

  @Test
  void recordsAlreadyTakenAreNotTakenAgain() {
    target.offsets.put(P0, 4L);
    SinkWriter writer = writer();
    writer.open(List.of(P0));

    writer.put(records(P0, 5, 2));
    writer.put(records(P0, 5, 4));
    clock.addAndGet(5000);
    writer.put(List.of());

    assertThat(target.rows).extracting(Row::offset).containsExactly(5L, 6L, 7L, 8L);
  }

  @Test
  void aTopicRecreatedBehindTheCommittedOffsetFailsInsteadOfSkippingSilently() {
    target.offsets.put(P0, 100L);
    SinkWriter writer = writer();
    writer.open(List.of(P0));

    assertThatThrownBy(() -> writer.put(records(P0, 0, 3)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-203]")
        .hasMessageContaining("sought to 101")
        .hasMessageContaining("next record is at 0");
  }

  @Test
  void withResetToKafkaARecreatedTopicResetsTheTargetAndIsIngestedFromTheConsumersPosition() {
    target.offsets.put(P0, 100L);
    SinkWriter writer = writer(Map.of("variant.offsets.ahead.of.log.policy", "reset_to_kafka"));
    writer.open(List.of(P0));

    writer.put(records(P0, 0, 3));

    assertThat(target.offsets).containsEntry(P0, 2L);
    assertThat(target.rows).extracting(Row::offset).containsExactly(0L, 1L, 2L);
    assertThat(writer.preCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void aTargetsOwnErrorCodeIsWhatTheTaskFailsWith() {
    SinkWriter writer = writer();
    writer.open(List.of(P0));
    target.failures.add(TargetException.fatal(SinkErrorCode.SNOWFLAKE_AUTH_FAILED, "JWT token is invalid", null));

    assertThatThrownBy(() -> writer.put(records(P0, 0, 3)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-204]")
        .hasMessageContaining("JWT token is invalid")
        .hasMessageContaining("RSA_PUBLIC_KEY");
  }

  @Test
  void aLossReportedOnAnOffsetCommitIsRewoundOnTheNextPutUnlessThePartitionIsClosedFirst() {
    SinkWriter writer = writer(Map.of("buffer.count.records", "100"));
    writer.open(List.of(P0, P1));
    writer.put(records(P0, 0, 2));
    target.committedFailures.add(new PartitionsRewoundException("channel invalidated", Map.of(P0, -1L, P1, 4L), null));

    assertThat(writer.preCommit()).isEmpty();
    assertThat(context.seeks).as("no seek while the worker may be revoking").isEmpty();

    writer.close(List.of(P1));
    writer.put(records(P0, 2, 1));

    assertThat(context.seeks).containsExactly(Map.entry(P0, 0L));
    clock.addAndGet(5000);
    writer.put(List.of());
    assertThat(target.rows).as("the dropped buffer is not written").isEmpty();
  }

  @Test
  void aCrashedWritersBufferIsReadAgainByTheNextWithoutLossOrDuplicate() {
    SinkWriter first = writer();
    first.open(List.of(P0));
    first.put(records(P0, 0, 4));
    first.put(records(P0, 4, 1));
    // The first writer dies here: 0..3 are written, 4 only buffered.
    long committed = target.offsets.get(P0);
    assertThat(committed).isEqualTo(3);

    SinkWriter second = writer();
    second.open(List.of(P0));
    assertThat(context.seeks).containsEntry(P0, committed + 1);
    second.put(records(P0, committed + 1, 10 - (int) (committed + 1)));
    clock.addAndGet(5000);
    second.put(List.of());

    assertThat(target.rows).extracting(Row::offset).containsExactlyElementsOf(LongStream.range(0, 10).boxed().toList());
  }

  @Test
  void badRecordsGoToTheDeadLetterQueueAndStillMoveTheOffset() {
    SinkWriter writer = writer(Map.of("errors.tolerance", "all"));
    writer.open(List.of(P0));

    writer.put(List.of(Records.json("ats", 0, 0, "{}"), Records.json("ats", 0, 1, "nope"),
        Records.json("ats", 0, 2, "{\"ok\":1}")));
    clock.addAndGet(5000);
    writer.put(List.of());

    assertThat(context.deadLetters).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
    assertThat(context.deadLetterErrors.get(0).getMessage()).contains("VS-101");
    assertThat(target.rows).extracting(Row::offset).containsExactly(0L, 2L);
    assertThat(target.offsets).containsEntry(P0, 2L);
  }

  @Test
  void withoutToleranceABadRecordFailsTheTaskWithItsCoordinates() {
    SinkWriter writer = writer();
    writer.open(List.of(P0));

    assertThatThrownBy(() -> writer.put(List.of(Records.json("ats", 0, 7, "nope"))))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("ats/0@7")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void ignoredTombstonesAdvanceTheCommittedOffsetWithoutRows() {
    SinkWriter writer = writer(Map.of("behavior.on.null.values", "ignore"));
    writer.open(List.of(P0));

    writer.put(List.of(Records.json("ats", 0, 0, null), Records.json("ats", 0, 1, null)));
    clock.addAndGet(5000);
    writer.put(List.of());

    assertThat(target.rows).isEmpty();
    assertThat(writer.preCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
  }

  @Test
  void anOutagePausesConsumptionRetriesWithBackoffAndResumes() {
    SinkWriter writer = writer();
    writer.open(List.of(P0, P1));
    target.failures.add(TargetException.retriable("file locked", null));

    writer.put(records(P0, 0, 3));

    assertThat(target.rows).isEmpty();
    assertThat(context.paused).containsExactlyInAnyOrder(P0, P1);
    assertThat(context.timeout).isBetween(80L, 120L);
    assertThat(writer.preCommit()).isEmpty();

    clock.addAndGet(200);
    writer.put(List.of());

    assertThat(target.rows).hasSize(3);
    assertThat(context.paused).isEmpty();
    assertThat(writer.preCommit()).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
  }

  @Test
  void aBusyTargetIsRetriedSoonerThanAnOutage() {
    SinkWriter writer = writer(Map.of("target.retry.backoff.ms", "500"));
    writer.open(List.of(P0, P1));
    target.failures.add(TargetException.busy("file locked by a reader", null));

    writer.put(records(P0, 0, 3));

    assertThat(target.rows).isEmpty();
    assertThat(context.timeout).isBetween(16L, 24L);

    clock.addAndGet(25);
    writer.put(List.of());

    assertThat(target.rows).hasSize(3);
    assertThat(context.paused).isEmpty();
  }

  @Test
  void anOutageLongerThanTheBudgetFailsTheTaskWithTheCause() {
    SinkWriter writer = writer();
    writer.open(List.of(P0));
    for (int i = 0; i < 100; i++) {
      target.failures.add(TargetException.retriable("No space left on device", null));
    }
    writer.put(records(P0, 0, 3));

    assertThatThrownBy(() -> {
      for (int i = 0; i < 100; i++) {
        clock.addAndGet(1000);
        writer.put(List.of());
      }
    }).isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-201]")
        .hasMessageContaining("No space left on device");
    assertThat(target.rows).isEmpty();
  }

  @Test
  void aFatalTargetErrorFailsTheTaskAtOnce() {
    SinkWriter writer = writer();
    writer.open(List.of(P0));
    target.failures.add(TargetException.fatal("table has other columns", null));

    assertThatThrownBy(() -> writer.put(records(P0, 0, 3)))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-202]")
        .hasMessageContaining("table has other columns");
  }

  @Test
  void openRetriesAnUnavailableTargetThenFailsClearly() {
    target.failures.add(TargetException.retriable("file locked", null));
    SinkWriter writer = writer();
    writer.open(List.of(P0));
    assertThat(metrics.get(0).getTargetRetries()).isEqualTo(1);

    target.failures.add(TargetException.fatal("cannot read offsets table", null));
    assertThatThrownBy(() -> writer(Map.of()).open(List.of(P1)))
        .hasMessageContaining("[VS-202]")
        .hasMessageContaining("cannot read offsets table");
  }

  @Test
  void aRewindDropsThePartitionsBufferSeeksBackAndWritesTheOthers() {
    SinkWriter writer = writer(Map.of("buffer.count.records", "100"));
    writer.open(List.of(P0, P1));
    writer.put(records(P0, 0, 2));
    writer.put(records(P1, 0, 2));
    target.failures.add(new PartitionsRewoundException("channel invalidated", Map.of(P0, -1L), null));
    clock.addAndGet(5000);

    writer.put(List.of());
    assertThat(context.seeks).containsEntry(P0, 0L);
    assertThat(context.timeout).as("the other partition is written at once").isEqualTo(1);
    assertThat(target.rows).isEmpty();

    // The worker has sought P0 back to 0 and delivers it again.
    writer.put(records(P0, 0, 2));

    assertThat(target.rows).extracting(r -> r.metadata().contains("\"partition\":0") + "@" + r.offset())
        .containsExactlyInAnyOrder("true@0", "true@1", "false@0", "false@1");
  }

  @Test
  void revokedPartitionsAreDroppedNotWritten() {
    SinkWriter writer = writer();
    writer.open(List.of(P0, P1));
    writer.put(records(P0, 0, 2));

    writer.close(List.of(P0));
    clock.addAndGet(5000);
    writer.put(List.of());

    assertThat(target.rows).isEmpty();
    assertThat(writer.preCommit()).isEmpty();
  }

  @Test
  void routesEachRecordToItsTable() {
    SinkWriter writer = writer(Map.of("topic2table.map", "ats:ATS_RAW,click.*:CLICKS"));
    writer.open(List.of(P0, new TopicPartition("clickstream", 0)));

    writer.put(List.of(Records.json("ats", 0, 0, "{}"), Records.json("clickstream", 0, 0, "{}"),
        Records.json("other-topic", 0, 0, "{}")));
    clock.addAndGet(5000);
    writer.put(List.of());

    assertThat(target.rows).extracting(Row::table).containsExactlyInAnyOrder("ATS_RAW", "CLICKS",
        io.github.variantconnect.sink.routing.TableNames.fromTopic("other-topic"));
  }

  private static List<SinkRecord> records(TopicPartition tp, long from, int count) {
    List<SinkRecord> records = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      records.add(Records.json(tp.topic(), tp.partition(), offset, "{\"n\":" + offset + "}"));
    }
    return records;
  }
}
