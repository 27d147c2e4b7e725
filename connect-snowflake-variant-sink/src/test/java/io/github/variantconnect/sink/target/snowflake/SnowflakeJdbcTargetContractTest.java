package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetContract;
import io.github.variantconnect.sink.target.snowflake.jdbc.JdbcTimeouts;
import io.github.variantconnect.sink.target.snowflake.jdbc.SnowflakeJdbcTarget;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** The target contract on the JDBC path, over the recording JDBC fake. */
class SnowflakeJdbcTargetContractTest extends TargetContract {

  private final FakeSnowflake account = new FakeSnowflake();

  @Override
  protected Target newTarget() {
    return new SnowflakeJdbcTarget(account.jdbc(), account.tables(), SnowflakeIdentifier.of("VARIANT_CONNECT_OFFSETS"),
        "contract", JdbcTimeouts.DEFAULT);
  }

  @Override
  protected List<Stored> stored(String table) {
    return account.rows(table).stream()
        .map(r -> new Stored(r.topic(), r.partition(), r.offset(), r.content())).toList();
  }

  @Override
  protected void loseInFlight(TopicPartition tp) {
    account.failJdbc("commit", new SQLException("JDBC driver encountered communication error", "08006", 200008));
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
