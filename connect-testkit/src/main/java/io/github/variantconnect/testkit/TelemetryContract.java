package io.github.variantconnect.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The ATS telemetry contract (DESIGN.md, "Data contracts") as a table of fields, and the Connect
 * schema built from it, for code that must build telemetry records without the ATS plugin on its
 * classpath (the benchmarks load plugins only from plugin.path). The ATS source's own tests check
 * that the schema it emits equals this one.
 */
public final class TelemetryContract {

  /** Field names and types, in the order the source writes them. */
  public static final Map<String, Schema> FIELDS = fields();

  public static final Schema VALUE = schema();

  private TelemetryContract() {}

  private static Map<String, Schema> fields() {
    Map<String, Schema> fields = new LinkedHashMap<>();
    for (String name : new String[] {"event_id", "train_id", "line_id"}) {
      fields.put(name, Schema.STRING_SCHEMA);
    }
    fields.put("seq", Schema.INT64_SCHEMA);
    for (String name : new String[] {"event_time", "station_id", "next_station_id"}) {
      fields.put(name, Schema.STRING_SCHEMA);
    }
    for (String name : new String[] {"latitude", "longitude", "position_km", "speed_kmh"}) {
      fields.put(name, Schema.FLOAT64_SCHEMA);
    }
    fields.put("passenger_count", Schema.INT32_SCHEMA);
    fields.put("capacity", Schema.INT32_SCHEMA);
    fields.put("power_kw", Schema.FLOAT64_SCHEMA);
    fields.put("status", Schema.STRING_SCHEMA);
    fields.put("alerts", SchemaBuilder.array(Schema.STRING_SCHEMA).build());
    return Collections.unmodifiableMap(fields);
  }

  private static Schema schema() {
    SchemaBuilder builder = SchemaBuilder.struct().name("io.github.variantconnect.ats.Telemetry").version(1);
    FIELDS.forEach(builder::field);
    return builder.build();
  }
}
