package io.github.variantconnect.ats.source;

import io.github.variantconnect.ats.sim.TrainSnapshot;
import org.apache.kafka.connect.data.Field;
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

  /** Decimals kept on the wire: 0.1 m of position, 1 m along the line, 0.1 km/h, 0.1 kW. */
  static final int COORDINATE_DECIMALS = 6;
  static final int POSITION_DECIMALS = 3;
  static final int SPEED_DECIMALS = 1;
  static final int POWER_DECIMALS = 1;

  // Struct.put(String, ...) looks each field up by name; these are looked up once.
  private static final Field EVENT_ID = VALUE.field("event_id");
  private static final Field TRAIN_ID = VALUE.field("train_id");
  private static final Field LINE_ID = VALUE.field("line_id");
  private static final Field SEQ = VALUE.field("seq");
  private static final Field EVENT_TIME = VALUE.field("event_time");
  private static final Field STATION_ID = VALUE.field("station_id");
  private static final Field NEXT_STATION_ID = VALUE.field("next_station_id");
  private static final Field LATITUDE = VALUE.field("latitude");
  private static final Field LONGITUDE = VALUE.field("longitude");
  private static final Field POSITION_KM = VALUE.field("position_km");
  private static final Field SPEED_KMH = VALUE.field("speed_kmh");
  private static final Field PASSENGER_COUNT = VALUE.field("passenger_count");
  private static final Field CAPACITY = VALUE.field("capacity");
  private static final Field POWER_KW = VALUE.field("power_kw");
  private static final Field STATUS = VALUE.field("status");
  private static final Field ALERTS_FIELD = VALUE.field("alerts");

  private TelemetrySchema() {}

  /** Deterministic from train and sequence, so a replayed event keeps its id. */
  public static String eventId(String trainId, long seq) {
    return trainId + "-" + seq;
  }

  public static Struct toStruct(TrainSnapshot s) {
    return new Struct(VALUE)
        .put(EVENT_ID, eventId(s.trainId(), s.seq()))
        .put(TRAIN_ID, s.trainId())
        .put(LINE_ID, s.lineId())
        .put(SEQ, s.seq())
        .put(EVENT_TIME, s.eventTime().toString())
        .put(STATION_ID, s.stationId())
        .put(NEXT_STATION_ID, s.nextStationId())
        .put(LATITUDE, DecimalText.round(s.latitude(), COORDINATE_DECIMALS))
        .put(LONGITUDE, DecimalText.round(s.longitude(), COORDINATE_DECIMALS))
        .put(POSITION_KM, DecimalText.round(s.positionKm(), POSITION_DECIMALS))
        .put(SPEED_KMH, DecimalText.round(s.speedKmh(), SPEED_DECIMALS))
        .put(PASSENGER_COUNT, s.passengerCount())
        .put(CAPACITY, s.capacity())
        .put(POWER_KW, DecimalText.round(s.powerKw(), POWER_DECIMALS))
        .put(STATUS, s.status().name())
        .put(ALERTS_FIELD, s.alerts());
  }
}
