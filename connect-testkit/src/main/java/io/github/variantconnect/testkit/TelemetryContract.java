package io.github.variantconnect.testkit;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The ATS telemetry contract (DESIGN.md, "Data contracts") as a Connect schema, for code that must
 * build telemetry records without the ATS plugin on its classpath (the benchmarks load plugins only
 * from plugin.path). The ATS source's own tests check its schema equals this one, field for field.
 */
public final class TelemetryContract {

  public static final Schema VALUE =
      SchemaBuilder.struct()
          .name("io.github.variantconnect.ats.Telemetry")
          .version(1)
          .field("event_id", Schema.STRING_SCHEMA)
          .field("train_id", Schema.STRING_SCHEMA)
          .field("line_id", Schema.STRING_SCHEMA)
          .field("seq", Schema.INT64_SCHEMA)
          .field("event_time", Schema.STRING_SCHEMA)
          .field("station_id", Schema.STRING_SCHEMA)
          .field("next_station_id", Schema.STRING_SCHEMA)
          .field("latitude", Schema.FLOAT64_SCHEMA)
          .field("longitude", Schema.FLOAT64_SCHEMA)
          .field("position_km", Schema.FLOAT64_SCHEMA)
          .field("speed_kmh", Schema.FLOAT64_SCHEMA)
          .field("passenger_count", Schema.INT32_SCHEMA)
          .field("capacity", Schema.INT32_SCHEMA)
          .field("power_kw", Schema.FLOAT64_SCHEMA)
          .field("status", Schema.STRING_SCHEMA)
          .field("alerts", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
          .build();

  private TelemetryContract() {}
}
