package io.github.variantconnect.sink.target.snowflake.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.snowflake.ingest.streaming.OpenChannelResult;
import com.snowflake.ingest.streaming.SFException;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Batch;
import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.PartitionsRewoundException;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.snowflake.ConnectBudget;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The high-performance target against the in-memory SDK, one behaviour per test. */
class HpaTargetTest {

  static final TopicPartition P0 = new TopicPartition("ats-telemetry", 0);
  static final TopicPartition P1 = new TopicPartition("clickstream", 1);
  static final TopicTableMap ROUTING = TopicTableMap.parse("ats-telemetry:ATS_RAW,clickstream:CLICKS");

  private final FakeHpaAccount account = new FakeHpaAccount();
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final List<Target> targets = new ArrayList<>();
  private final List<String> ensured = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private Target target(HpaClientFactory clients, Duration callTimeout) {
    ConnectBudget budget = new ConnectBudget(Duration.ofSeconds(60), Duration.ofSeconds(20),
        () -> "the probe's finding", warnings::add, clock::get);
    Target target = HpaTargetFactory.create(clients, ensured::addAll, ROUTING, PipeNames.parse(""), "conn", 0,
        budget, callTimeout);
    targets.add(target);
    return target;
  }

  private Target target() {
    return target(account.factory(), Duration.ofSeconds(10));
  }

  @AfterEach
  void closeTargets() {
    targets.forEach(Target::close);
  }

  static PartitionBatch slice(TopicPartition tp, String table, long from, int count) {
    List<Row> rows = new ArrayList<>();
    for (long offset = from; offset < from + count; offset++) {
      rows.add(row(tp, table, offset, "{\"n\":" + offset + "}"));
    }
    return new PartitionBatch(tp, rows, from + count - 1);
  }

  static Row row(TopicPartition tp, String table, long offset, String content) {
    return new Row(table, offset,
        "{\"topic\":\"" + tp.topic() + "\",\"partition\":" + tp.partition() + ",\"offset\":" + offset + "}", content);
  }

  static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  @Test
  void channelNamesOfDifferentPartitionsNeverCollide() {
    assertThat(ChannelNames.of("c", new TopicPartition("a_b", 0)))
        .isNotEqualTo(ChannelNames.of("c_a", new TopicPartition("b", 0)));
    assertThat(ChannelNames.of("c", new TopicPartition("a_1", 0)))
        .isNotEqualTo(ChannelNames.of("c", new TopicPartition("a", 10)));
  }

  @Test
  void rowsGoThroughTheTablesDefaultPipeAndCommitOnlyWhatSnowflakeCommitted() throws Exception {
    Target target = target();
    assertThat(target.open(List.of(P0))).isEmpty();
    assertThat(ensured).containsExactly("ATS_RAW");
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 0, 5))));

    assertThat(target.committedOffsets(List.of(P0))).as("accepted, not yet committed").isEmpty();
    account.commitAll();
    assertThat(target.committedOffsets(List.of(P0))).containsEntry(P0, 4L);
    assertThat(account.stored).extracting(FakeHpaAccount.StoredRow::pipe).containsOnly("ATS_RAW-STREAMING");
    assertThat(account.offsets(P0.topic(), 0)).containsExactlyElementsOf(range(0, 5));
  }

  @Test
  void openResumesAfterTheCommittedToken() throws Exception {
    account.channel("ATS_RAW-STREAMING", ChannelNames.of("conn", P0)).committedToken = "41";
    assertThat(target().open(List.of(P0))).containsEntry(P0, 41L);
  }

  @Test
  void aReopenedChannelFencesTheOldOwnerWhoseRowsNeverLand() throws Exception {
    Target old = target();
    old.open(List.of(P0));
    old.write(new Batch(List.of(slice(P0, "ATS_RAW", 0, 3))));
    account.commitAll();
    old.write(new Batch(List.of(slice(P0, "ATS_RAW", 3, 3))));

    Target successor = target();
    assertThat(successor.open(List.of(P0))).containsEntry(P0, 2L);
    assertThatThrownBy(() -> old.write(new Batch(List.of(slice(P0, "ATS_RAW", 6, 2)))))
        .as("the old owner's handle is fenced").isInstanceOf(PartitionsRewoundException.class);
    old.close(List.of(P0));
    // The zombie's reopen fenced the successor in turn: it rewinds too, then resends from the token.
    assertThatThrownBy(() -> successor.write(new Batch(List.of(slice(P0, "ATS_RAW", 3, 5)))))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).containsEntry(P0, 2L));
    successor.write(new Batch(List.of(slice(P0, "ATS_RAW", 3, 5))));
    account.commitAll();
    assertThat(account.offsets(P0.topic(), 0)).as("the fenced owner's rows 3-5 never landed")
        .containsExactlyElementsOf(range(0, 8));
  }

  @Test
  void anInvalidatedChannelIsReopenedAndRewoundToItsCommittedToken() throws Exception {
    Target target = target();
    target.open(List.of(P0, P1));
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 0, 4), slice(P1, "CLICKS", 0, 4))));
    account.commitAll();
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 4, 4))));
    account.invalidate("ATS_RAW-STREAMING", ChannelNames.of("conn", P0));

    assertThatThrownBy(() -> target.committedOffsets(List.of(P0, P1)))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).containsExactly(Map.entry(P0, 3L)));
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 4, 4))));
    account.commitAll();
    assertThat(account.offsets(P0.topic(), 0)).containsExactlyElementsOf(range(0, 8));
  }

  @Test
  void aRowTheServerRejectsFailsTheTaskNamingPartitionAndOffset() throws Exception {
    account.rejectContent = content -> content.contains("\"bad\"");
    Target target = target();
    target.open(List.of(P0));
    target.write(new Batch(List.of(new PartitionBatch(P0, List.of(row(P0, "ATS_RAW", 0, "{\"n\":0}"),
        row(P0, "ATS_RAW", 1, "{\"bad\":true}"), row(P0, "ATS_RAW", 2, "{\"n\":2}")), 2))));
    account.commitAll();

    assertThatThrownBy(() -> target.committedOffsets(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_ROW_REJECTED);
          assertThat(e.getMessage()).contains("ats-telemetry-0", "at offsets 0 to 2", "RECORD_CONTENT");
        });
  }

  @Test
  void thirtyDigitDecimalsAndEveryCharacterArriveAsWritten() throws Exception {
    String content = "{\"price\":123456789012345678901234567890.123456789,\"small\":1E-40,"
        + "\"text\":\"caf\u00e9 \u4e2d\u6587 \ud83d\ude80 \u2028 tab\\t quote\\\" nul\\u0000 lone\\ud800\"}";
    Target target = target();
    target.open(List.of(P0));
    target.write(new Batch(List.of(new PartitionBatch(P0, List.of(row(P0, "ATS_RAW", 0, content)), 0))));
    account.commitAll();

    assertThat(account.stored).singleElement().extracting(FakeHpaAccount.StoredRow::contentText).isEqualTo(content);
  }

  @Test
  void channelsOfARebalanceAreOpenedInParallel() throws Exception {
    int partitions = 6;
    CountDownLatch allAsked = new CountDownLatch(partitions);
    HpaClientFactory factory = account.factory();
    // Each open waits until every open has started: one by one, the first would never return.
    HpaClientFactory gated = (name, pipe) -> new DelegatingClient(factory.create(name, pipe)) {
      @Override
      public OpenChannelResult openChannel(String channelName) {
        allAsked.countDown();
        try {
          allAsked.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.openChannel(channelName);
      }
    };
    List<TopicPartition> assigned = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      assigned.add(new TopicPartition("ats-telemetry", p));
    }
    target(gated, Duration.ofSeconds(30)).open(assigned);
    assertThat(allAsked.getCount()).isZero();
    assertThat(account.opens).isEqualTo(partitions);
  }

  @Test
  void aStuckClientIsReplacedAndTheTaskCarriesOn() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    HpaClientFactory factory = account.factory();
    int[] created = {0};
    HpaClientFactory firstHangs = (name, pipe) -> {
      if (created[0]++ == 0) {
        return new DelegatingClient(factory.create(name, pipe)) {
          @Override
          public OpenChannelResult openChannel(String channelName) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("interrupted");
          }
        };
      }
      return factory.create(name, pipe);
    };
    Target target = target(firstHangs, Duration.ofMillis(300));
    assertThatThrownBy(() -> target.open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isTrue();
          assertThat(e.getMessage()).contains("no answer from Snowflake");
        });
    release.countDown();
    assertThat(target.open(List.of(P0))).isEmpty();
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 0, 2))));
    account.commitAll();
    assertThat(target.committedOffsets(List.of(P0))).containsEntry(P0, 1L);
  }

  @Test
  void aClientClosedByTheSdkIsRebuiltAndItsPartitionsRewound() throws Exception {
    Target target = target();
    target.open(List.of(P0));
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 0, 3))));
    account.commitAll();
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 3, 3))));
    account.clients.forEach(FakeHpaClient::close);

    assertThatThrownBy(() -> target.write(new Batch(List.of(slice(P0, "ATS_RAW", 6, 1)))))
        .isInstanceOfSatisfying(PartitionsRewoundException.class,
            e -> assertThat(e.committed()).containsEntry(P0, 2L));
    target.write(new Batch(List.of(slice(P0, "ATS_RAW", 3, 4))));
    account.commitAll();
    assertThat(account.offsets(P0.topic(), 0)).containsExactlyElementsOf(range(0, 7));
  }

  @Test
  void anUnresolvableAccountIsRetriedNamingTheHostThenFailsPastTheConnectBudget() {
    account.connectFailure = new IllegalStateException("login failed",
        new UnknownHostException("nosuch.snowflakecomputing.com"));
    Target target = target();
    assertThatThrownBy(() -> target.open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isTrue();
          assertThat(e.getMessage()).contains("nosuch.snowflakecomputing.com", "does not resolve",
              "snowflake.url.name");
        });
    clock.addAndGet(61_000);
    assertThatThrownBy(() -> target.open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_UNREACHABLE);
          assertThat(e.getMessage()).contains("kept failing for 61 s", "does not resolve", "the probe's finding");
        });
  }

  @Test
  void aRejectedKeyFailsAtOnceWithTheAuthCode() {
    account.connectFailure = new SFException("Unauthorized", "JWT token is invalid", 401, "Unauthorized");
    assertThatThrownBy(() -> target().open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.retriable()).isFalse();
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
        });
  }

  @Test
  void aMissingGrantOnThePipeFailsWithTheAccessCode() {
    account.connectFailure = new SFException("PipeNotFound", "Pipe does not exist or not authorized", 404,
        "Not Found");
    assertThatThrownBy(() -> target().open(List.of(P0)))
        .isInstanceOfSatisfying(TargetException.class, e -> {
          assertThat(e.code()).isEqualTo(SinkErrorCode.SNOWFLAKE_ACCESS_DENIED);
          assertThat(e.getMessage()).contains("OPERATE");
        });
  }

  @Test
  void aConfiguredPipeReplacesTheDefaultOne() {
    assertThat(PipeNames.parse("ATS_RAW:ATS_PIPE").pipeFor("ATS_RAW")).isEqualTo("ATS_PIPE");
    assertThat(PipeNames.parse("ATS_RAW:ATS_PIPE").pipeFor("CLICKS")).isEqualTo("CLICKS-STREAMING");
    assertThatThrownBy(() -> PipeNames.parse("ATS_RAW")).hasMessageContaining("TABLE:PIPE");
  }
}
