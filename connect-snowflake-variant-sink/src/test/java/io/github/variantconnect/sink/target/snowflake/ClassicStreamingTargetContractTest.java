package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.routing.TopicTableMap;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetContract;
import io.github.variantconnect.sink.target.snowflake.streaming.SnowpipeStreamingTarget;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** The target contract on classic Snowpipe Streaming, over the fakes of the SDK's interfaces. */
class ClassicStreamingTargetContractTest extends TargetContract {

  private final FakeSnowflake account = new FakeSnowflake();

  @Override
  protected Target newTarget() {
    return new SnowpipeStreamingTarget(account.streaming(), account.jdbc(), account.tables(),
        TopicTableMap.parse(ROUTES), "contract", Duration.ofSeconds(30));
  }

  @Override
  protected List<Stored> stored(String table) {
    return account.rows(table).stream()
        .map(r -> new Stored(r.topic(), r.partition(), r.offset(), r.content())).toList();
  }

  @Override
  protected void storeCommits() {
    account.commitAll();
  }

  @Override
  protected void loseInFlight(TopicPartition tp) {
    account.invalidate(tp.topic() + "_" + tp.partition());
  }

  @Override
  protected boolean refuseRowsContaining(String marker) {
    account.refuseRowsContaining(marker);
    return true;
  }

  @Override
  protected void stopRefusing() {
    account.refusedMarkers.clear();
  }

  @Override
  protected boolean refusesDuplicateKeys() {
    return true;
  }

  @Override
  protected long valueLimitBytes() {
    return SnowflakeVariantRules.MAX_VARIANT_BYTES;
  }
}
