package io.github.variantconnect.sink.target.snowflake.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.SinkTaskHarness;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetContract;
import io.github.variantconnect.sink.target.snowflake.ConnectBudget;
import io.github.variantconnect.sink.target.snowflake.SnowflakeVariantRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

/**
 * The high-performance target through the shared contract, over the in-memory SDK, plus what only
 * this architecture has: validation on the server, after the append returned.
 *
 * <p>The shared server-rejection scenario does not apply: it expects the refused row to be sent
 * again after a restart, but here Snowflake's committed token moves past a refused row ({@code
 * ChannelStatus#getLastErrorOffsetTokenUpperBound}), so the task fails naming the partition and
 * offset, tested below. The rules Snowflake applies to VARIANT values (repeated keys, size) are
 * checked before buffering, so such rows go to the dead-letter queue as on the other paths.
 */
class HpaTargetContractTest extends TargetContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeHpaAccount account = new FakeHpaAccount();

  @Override
  protected Target newTarget() {
    return HpaTargetFactory.create(account.factory(), tables -> {}, TopicTableMap.parse(ROUTES), PipeNames.parse(""),
        "contract", new ConnectBudget(Duration.ofMinutes(5), Duration.ofSeconds(20), () -> "", w -> {}, clock::get));
  }

  @Override
  protected List<Stored> stored(String table) {
    return account.stored.stream().filter(r -> r.pipe().equals(table + "-STREAMING")).map(r -> {
      JsonNode metadata = parse(r.metadataText());
      return new Stored(metadata.path("topic").asText(), metadata.path("partition").asInt(),
          metadata.path("offset").asLong(), r.contentText());
    }).toList();
  }

  @Override
  protected void storeCommits() {
    account.commitAll();
  }

  @Override
  protected void loseInFlight(TopicPartition tp) {
    account.invalidate(table(tp) + "-STREAMING", ChannelNames.of("contract", tp));
  }

  @Override
  protected boolean refusesDuplicateKeys() {
    return true;
  }

  @Override
  protected long valueLimitBytes() {
    return SnowflakeVariantRules.MAX_VARIANT_BYTES;
  }

  @Test
  void aRowTheServerRejectsFailsTheTaskNamingItsPartitionAndOffset() {
    account.rejectContent = content -> content.contains("\"refused\"");
    consumer.produce(P0, 5);
    long refused = consumer.produce(P0, "{\"refused\":true}");
    consumer.produce(P0, 5);
    SinkTaskHarness task = task(Map.of("buffer.count.records", "1"));
    task.assign(List.of(P0));

    assertThatThrownBy(() -> drain(task)).isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-206]").hasMessageContaining("RECORD_CONTENT")
        .satisfies(e -> {
          Matcher range = Pattern.compile(P0.topic() + "-0 at offsets (\\d+) to (\\d+)").matcher(e.getMessage());
          assertThat(range.find()).as(e.getMessage()).isTrue();
          assertThat(refused).isBetween(Long.parseLong(range.group(1)), Long.parseLong(range.group(2)));
        });
    Long group = consumer.groupOffset(P0);
    assertThat(group == null ? 0 : group).as("Kafka is not told of offsets past the refusal")
        .isLessThanOrEqualTo(refused);
  }

  @Test
  void anInvalidationFoundOnTheOffsetCommitRewindsOnTheNextPut() {
    consumer.produce(P0, 12);
    SinkTaskHarness task = task();
    task.assign(List.of(P0));
    task.poll(6);
    storeCommits();
    task.poll(6);
    loseInFlight(P0);
    task.commit();
    task.poll(6);

    assertThat(task.context.seeks).as("P0 rewound to after its committed token").containsEntry(P0, 6L);
    drain(task);
    assertExactlyOnce(P0, "ATS_RAW", 12, List.of());
  }

  private static String table(TopicPartition tp) {
    return TopicTableMap.parse(ROUTES).tableFor(tp.topic());
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
