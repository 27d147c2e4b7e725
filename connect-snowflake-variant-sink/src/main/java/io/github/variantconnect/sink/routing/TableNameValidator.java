package io.github.variantconnect.sink.routing;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A key naming a table the sink creates, such as an offsets table: an unquoted identifier. */
public final class TableNameValidator implements ConfigDef.Validator {

  @Override
  public void ensureValid(String name, Object value) {
    String problem = TableNames.problem(value == null ? null : value.toString().trim());
    if (problem != null) {
      throw new ConfigException(name, value, problem);
    }
  }

  @Override
  public String toString() {
    return "an unquoted identifier: letters, digits, _ and $, not starting with a digit";
  }
}
