package io.github.variantconnect.ats.source;

import io.github.variantconnect.ats.sim.TrainSnapshot;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/** The ATS telemetry contract (DESIGN.md) as a Connect schema, so every converter can write it. */
public final class TelemetrySchema {

  public static final Schema ALERTS = SchemaBuilder.array(Schema.STRING_SCHEMA).build();

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
          .field("alerts", ALERTS)
          .build();

  private TelemetrySchema() {}

  /** Deterministic from train and sequence, so a replayed event keeps its id. */
  public static String eventId(String trainId, long seq) {
    return trainId + "-" + seq;
  }

  public static Struct toStruct(TrainSnapshot s) {
    return new Struct(VALUE)
        .put("event_id", eventId(s.trainId(), s.seq()))
        .put("train_id", s.trainId())
        .put("line_id", s.lineId())
        .put("seq", s.seq())
        .put("event_time", s.eventTime().toString())
        .put("station_id", s.stationId())
        .put("next_station_id", s.nextStationId())
        .put("latitude", round(s.latitude(), 1e6))
        .put("longitude", round(s.longitude(), 1e6))
        .put("position_km", round(s.positionKm(), 1e3))
        .put("speed_kmh", round(s.speedKmh(), 10))
        .put("passenger_count", s.passengerCount())
        .put("capacity", s.capacity())
        .put("power_kw", round(s.powerKw(), 10))
        .put("status", s.status().name())
        .put("alerts", s.alerts());
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }
}
