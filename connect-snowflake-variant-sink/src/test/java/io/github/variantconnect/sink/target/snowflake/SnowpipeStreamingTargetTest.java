package io.github.variantconnect.sink.target.snowflake;

import static io.github.variantconnect.sink.target.snowflake.Batches.batch;
import static io.github.variantconnect.sink.target.snowflake.Batches.row;
import static io.github.variantconnect.sink.target.snowflake.Batches.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.PartitionsRewoundException;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.snowflake.streaming.SnowpipeStreamingTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import net.snowflake.ingest.utils.ErrorCode;
import net.snowflake.ingest.utils.SFException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The streaming target against in-memory implementations of the SDK's client and channel interfaces. */
class SnowpipeStreamingTargetTest {

  static final TopicPartition P0 = new TopicPartition("ats-telemetry", 0);
  static final TopicPartition P1 = new TopicPartition("clickstream", 1);
  static final String ATS = "ATS_RAW";
  static final String CLICKS = "CLICKS";

  private final FakeSnowflake account = new FakeSnowflake();

  private SnowpipeStreamingTarget target() {
    return new SnowpipeStreamingTarget(account.streaming(), account.jdbc(), account.tables(),
        TopicTableMap.parse("ats-telemetry:ATS_RAW,clickstream:CLICKS"), "sink-a", Duration.ofSeconds(30));
  }

  @Test
  void opensAChannelPerPartitionIntoTablesItCreatesAndResumesAfterTheCommittedToken() throws Exception {
    account.createTable(ATS, Map.of("RECORD_METADATA", "VARIANT", "RECORD_CONTENT", "VARIANT"));
    account.setCommittedToken(ATS, "sink-a_ats-telemetry_0", "41");
    SnowpipeStreamingTarget target = target();

    assertThat(target.open(List.of(P0, P1))).isEqualTo(Map.of(P0, 41L));

    assertThat(account.hasTable(CLICKS)).isTrue();
    assertThat(account.jdbcLog.summary()).containsSubsequence("connect", "sql DESCRIBE", "sql DESCRIBE",
        "sql CREATE", "sql DESCRIBE", "close");
    assertThat(account.openedChannels).as("opened in parallel").extracting(FakeStreamingIngestChannel::getName)
        .containsExactlyInAnyOrder("sink-a_ats-telemetry_0", "sink-a_clickstream_1");
  }

  @Test
  void reportsOnlyWhatSnowflakeHasCommitted() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0, P1));

    target.write(batch(slice(P0, ATS, 0, 3), slice(P1, CLICKS, 0, 2)));
    assertThat(target.committedOffsets(List.of(P0, P1))).isEmpty();
    assertThat(account.rows()).isEmpty();

    account.commitAll();

    assertThat(target.committedOffsets(List.of(P0, P1))).isEqualTo(Map.of(P0, 2L, P1, 1L));
    assertThat(account.committedToken(ATS, "sink-a_ats-telemetry_0")).isEqualTo("2");
    assertThat(account.rows(ATS)).extracting(FakeSnowflake.StoredRow::content)
        .containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void rowsAChannelAlreadyTookAreNotSentAgain() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0));

    target.write(batch(slice(P0, ATS, 0, 3)));
    target.write(batch(slice(P0, ATS, 0, 5)));
    account.commitAll();

    assertThat(offsets(ATS)).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void recordsWithoutRowsAreReportedOnceEverythingBeforeThemIsCommitted() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0));
    target.write(batch(slice(P0, ATS, 0, 2)));
    target.write(batch(new PartitionBatch(P0, List.of(), 5)));

    assertThat(target.committedOffsets(List.of(P0))).as("rows 0..1 are not committed yet").isEmpty();

    account.commitAll();
    assertThat(target.committedOffsets(List.of(P0))).isEqualTo(Map.of(P0, 5L));
    assertThat(account.committedToken(ATS, "sink-a_ats-telemetry_0")).isEqualTo("1");
  }

  @Test
  void aChannelInvalidatedMidStreamIsReopenedAndThePartitionRewoundToTheCommittedToken() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0, P1));
    target.write(batch(slice(P0, ATS, 0, 3)));
    account.commitAll();
    target.write(batch(slice(P0, ATS, 3, 3)));
    account.invalidate("ats-telemetry_0");

    assertThatThrownBy(() -> target.write(batch(slice(P0, ATS, 6, 2), slice(P1, CLICKS, 0, 2))))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).isEqualTo(Map.of(P0, 2L)));

    // The core re-reads the partition from offset 3; the other partition of the batch was taken.
    target.write(batch(slice(P0, ATS, 3, 5), slice(P1, CLICKS, 0, 2)));
    account.commitAll();
    assertThat(offsets(ATS)).containsExactlyElementsOf(range(0, 8));
    assertThat(offsets(CLICKS)).containsExactly(0L, 1L);
  }

  @Test
  void anInvalidationFoundWhileCommittingOffsetsRewindsToo() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0));
    target.write(batch(slice(P0, ATS, 0, 3)));
    account.invalidate("ats-telemetry_0");

    assertThatThrownBy(() -> target.committedOffsets(List.of(P0)))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).isEqualTo(Map.of(P0, -1L)));

    target.write(batch(slice(P0, ATS, 0, 3)));
    account.commitAll();
    assertThat(offsets(ATS)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aNewOwnerFencesTheOldOneAndEitherWayNothingIsLostOrDuplicated() throws Exception {
    SnowpipeStreamingTarget old = target();
    old.open(List.of(P0));
    old.write(batch(slice(P0, ATS, 0, 3)));
    account.commitAll();
    old.write(batch(slice(P0, ATS, 3, 3)));

    SnowpipeStreamingTarget successor = target();
    assertThat(successor.open(List.of(P0))).isEqualTo(Map.of(P0, 2L));
    account.commitAll();
    assertThat(offsets(ATS)).as("the fenced channel's rows are gone").containsExactly(0L, 1L, 2L);

    // The old task does not know yet that it lost the partition: its flush was refused, which
    // invalidated its channel; it reopens, fencing the successor in turn.
    assertThatThrownBy(() -> old.write(batch(slice(P0, ATS, 6, 1))))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).isEqualTo(Map.of(P0, 2L)));
    old.close(List.of(P0));
    // The successor's channel takes rows locally, as the SDK's does; its flush is refused.
    successor.write(batch(slice(P0, ATS, 3, 4)));
    account.commitAll();
    assertThatThrownBy(() -> successor.committedOffsets(List.of(P0)))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).isEqualTo(Map.of(P0, 2L)));

    successor.write(batch(slice(P0, ATS, 3, 4)));
    account.commitAll();
    assertThat(offsets(ATS)).containsExactlyElementsOf(range(0, 7));
  }

  @Test
  void aChannelWhoseStatusFailedIsFoundByTheSingleChannelCallOnCommitAndRewound() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0, P1));
    target.write(batch(slice(P0, ATS, 0, 3), slice(P1, CLICKS, 0, 3)));
    account.commitAll();
    assertThat(target.committedOffsets(List.of(P0, P1))).isEqualTo(Map.of(P0, 2L, P1, 2L));
    target.write(batch(slice(P0, ATS, 3, 2), slice(P1, CLICKS, 3, 2)));
    // Snowflake fails P0's channel; the batch status call only logs that, and P0 lags behind what was sent.
    account.failChannelStatus("sink-a_ats-telemetry_0");

    assertThatThrownBy(() -> target.committedOffsets(List.of(P0, P1)))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).isEqualTo(Map.of(P0, 2L)));
    target.write(batch(slice(P0, ATS, 3, 2), slice(P1, CLICKS, 3, 2)));
    account.commitAll();
    assertThat(target.committedOffsets(List.of(P0, P1))).isEqualTo(Map.of(P0, 4L, P1, 4L));
    assertThat(offsets(ATS)).containsExactlyElementsOf(range(0, 5));
    assertThat(offsets(CLICKS)).containsExactlyElementsOf(range(0, 5));
  }

  @Test
  void aClientTheSdkClosedIsReplacedAndItsPartitionsRewound() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0));
    target.write(batch(slice(P0, ATS, 0, 3)));
    account.commitAll();
    target.write(batch(slice(P0, ATS, 3, 2)));
    account.clients.get(0).close();

    assertThatThrownBy(() -> target.write(batch(slice(P0, ATS, 5, 1))))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).isEqualTo(Map.of(P0, 2L)));
    target.write(batch(slice(P0, ATS, 3, 3)));
    account.commitAll();

    assertThat(account.clientsCreated).isEqualTo(2);
    assertThat(offsets(ATS)).containsExactlyElementsOf(range(0, 6));
  }

  @Test
  void anUnknownSdkErrorOnInsertReopensThatChannelAndRewindsItWhileTheOthersKeepWhatTheyTook() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0, P1));
    account.failStreaming("insert", new SFException(ErrorCode.INTERNAL_ERROR, "boom"));

    assertThatThrownBy(() -> target.write(batch(slice(P0, ATS, 0, 2), slice(P1, CLICKS, 0, 2))))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).isEqualTo(Map.of(P0, -1L)));

    target.write(batch(slice(P0, ATS, 0, 2), slice(P1, CLICKS, 0, 2)));
    account.commitAll();
    assertThat(offsets(ATS)).containsExactly(0L, 1L);
    assertThat(offsets(CLICKS)).containsExactly(0L, 1L);
    assertThat(account.clientsCreated).as("the same client, a new channel").isEqualTo(1);
  }

  @Test
  void channelNamesOfDifferentConnectorAndTopicSplitsNeverCollide() {
    SnowpipeStreamingTarget ab = new SnowpipeStreamingTarget(account.streaming(), account.jdbc(), account.tables(),
        TopicTableMap.parse(""), "a_b", Duration.ofSeconds(30));
    SnowpipeStreamingTarget a = new SnowpipeStreamingTarget(account.streaming(), account.jdbc(), account.tables(),
        TopicTableMap.parse(""), "a", Duration.ofSeconds(30));

    assertThat(ab.channelName(new TopicPartition("c", 0))).isNotEqualTo(a.channelName(new TopicPartition("b_c", 0)));
    assertThat(a.channelName(new TopicPartition("b_c", 0))).isEqualTo("a_b_c_0");
    assertThat(ab.channelName(new TopicPartition("c", 0))).isEqualTo("a~ub_c_0");
  }

  @Test
  void aRefusedLoginIsFatalWithTheAuthenticationCode() {
    account.failStreaming("client", new SFException(ErrorCode.CLIENT_CONFIGURE_FAILURE,
        "HTTP Status: 401, JWT token is invalid"));

    assertThatThrownBy(() -> target().open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
        })
        .hasMessageContaining("Snowpipe Streaming error 0009");
  }

  @Test
  void aTableTheRoleCannotWriteIsFatalWithTheGrantsCode() {
    account.failStreaming("open", new SFException(ErrorCode.OPEN_CHANNEL_FAILURE,
        "The supplied table does not exist or is not authorized"));

    assertThatThrownBy(() -> target().open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_ACCESS_DENIED);
        });
  }

  @Test
  void aRowTheTableRejectsIsFatalWithoutQuotingIt() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0));
    account.failStreaming("insert", new SFException(ErrorCode.INVALID_VALUE_ROW, "secret-payload-value"));

    assertThatThrownBy(() -> target.write(batch(slice(P0, ATS, 0, 2))))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_ROW_REJECTED);
        })
        .hasMessageContaining("offsets 0..1")
        .hasMessageNotContaining("secret-payload-value");
  }

  @Test
  void aRowRoutedToAnotherTableThanItsPartitionsChannelIsRefused() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0));

    assertThatThrownBy(() -> target.write(batch(new PartitionBatch(P0, List.of(row(P0, "ELSEWHERE", 0)), 0))))
        .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.retriable()).isFalse())
        .hasMessageContaining("snowflake.ingestion.method=JDBC");
  }

  @Test
  void resettingAPartitionSetsItsChannelsToken() throws Exception {
    account.setCommittedToken(ATS, "sink-a_ats-telemetry_0", "100");
    account.createTable(ATS, Map.of("RECORD_METADATA", "VARIANT", "RECORD_CONTENT", "VARIANT"));
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0));

    target.resetOffsets(Map.of(P0, 0L));
    assertThat(account.committedToken(ATS, "sink-a_ats-telemetry_0")).isEqualTo("-1");
    target.write(batch(slice(P0, ATS, 0, 3)));
    account.commitAll();

    assertThat(target.committedOffsets(List.of(P0))).isEqualTo(Map.of(P0, 2L));
    assertThat(offsets(ATS)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void closingPartitionsFlushesTheirChannels() throws Exception {
    SnowpipeStreamingTarget target = target();
    target.open(List.of(P0, P1));
    target.write(batch(slice(P0, ATS, 0, 2), slice(P1, CLICKS, 0, 1)));

    target.close(List.of(P0));

    assertThat(offsets(ATS)).containsExactly(0L, 1L);
    assertThat(offsets(CLICKS)).isEmpty();
    target.close();
    assertThat(offsets(CLICKS)).containsExactly(0L);
  }

  private List<Long> offsets(String table) {
    return account.rows(table).stream().map(FakeSnowflake.StoredRow::offset).toList();
  }

  static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }
}
