package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.target.TargetContract;
import java.util.List;

/** The contract's hooks for the Snowflake paths, over one in-memory account. */
abstract class FakeSnowflakeContract extends TargetContract {

  protected final FakeSnowflake account = new FakeSnowflake();

  @Override
  protected List<Stored> stored(String table) {
    return account.rows(table).stream()
        .map(r -> new Stored(r.topic(), r.partition(), r.offset(), r.content())).toList();
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
