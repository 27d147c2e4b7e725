package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetProvider;
import io.github.variantconnect.sink.target.TargetSettings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** {@code variant.target=duckdb}: the embedded default, a local DuckDB file. */
public final class DuckDbTargetProvider implements TargetProvider {

  public static final String NAME = "duckdb";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ConfigDef configDef() {
    return DuckDbConfig.CONFIG_DEF;
  }

  @Override
  public List<KeyError> validate(Map<String, String> connectorConfig) {
    return DuckDbConfig.validate(connectorConfig);
  }

  @Override
  public Target create(TargetSettings settings) {
    // Workers validate before starting a connector, but a task must not fall back to the working directory.
    for (KeyError error : validate(settings.config())) {
      throw new ConfigException(error.key(), settings.config().get(error.key()), error.message());
    }
    return new DuckDbTarget(new DuckDbConfig(settings.config()), settings.connectorName(), DuckDbFiles.DUCKDB);
  }
}
