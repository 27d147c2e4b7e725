package io.github.variantconnect.bench.conversion;

import io.github.variantconnect.testkit.TelemetryContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sink records shaped like the two seeds: ATS telemetry as the source emits it (a {@link Struct}
 * with the telemetry schema) and clickstream events as the JsonConverter with {@code
 * schemas.enable=false} hands them to a sink (a {@link Map} without schema). Seeded, so both
 * converters see identical inputs.
 */
public final class ConversionFixtures {

  /** The ATS telemetry contract, field for field, from the testkit (the ATS plugin is not on this classpath). */
  public static final Schema TELEMETRY = TelemetryContract.VALUE;

  private static final String[] STATUSES = {"RUNNING", "DWELLING", "DELAYED", "RUNNING"};
  private static final String[] EVENT_TYPES = {"page_view", "page_view", "search", "add_to_cart", "checkout", "purchase"};
  private static final String[] CATEGORIES = {"books", "electronics", "garden", "toys", "fashion"};

  private ConversionFixtures() {}

  public static List<SinkRecord> telemetryStructs(int count) {
    Random random = new Random(42);
    List<SinkRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String line = "L" + (i % 6 + 1);
      String train = line + "-T" + String.format("%02d", i % 20);
      long seq = i / 115;
      Struct value = new Struct(TELEMETRY)
          .put("event_id", train + "-" + seq)
          .put("train_id", train)
          .put("line_id", line)
          .put("seq", seq)
          .put("event_time", "2026-01-05T07:" + String.format("%02d:%02d", (seq / 2) % 60, (seq % 2) * 30) + "Z")
          .put("station_id", line + "-S" + random.nextInt(20))
          .put("next_station_id", line + "-S" + random.nextInt(20))
          .put("latitude", Math.round((45.70 + random.nextDouble() / 10) * 1e6) / 1e6)
          .put("longitude", Math.round((4.80 + random.nextDouble() / 10) * 1e6) / 1e6)
          .put("position_km", Math.round(random.nextDouble() * 30_000) / 1e3)
          .put("speed_kmh", Math.round(random.nextDouble() * 800) / 10.0)
          .put("passenger_count", random.nextInt(900))
          .put("capacity", 900)
          .put("power_kw", Math.round((random.nextDouble() * 400 - 100) * 10) / 10.0)
          .put("status", STATUSES[random.nextInt(STATUSES.length)])
          .put("alerts", random.nextInt(10) == 0 ? List.of("OVERCROWDING") : List.of());
      records.add(record("ats-telemetry", train, TELEMETRY, value, i));
    }
    return records;
  }

  public static List<SinkRecord> clickstreamMaps(int count) {
    Random random = new Random(42);
    List<SinkRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String session = "sess-" + Long.toHexString(random.nextLong() >>> 1);
      String type = EVENT_TYPES[random.nextInt(EVENT_TYPES.length)];
      String product = String.format("prod-%05d", random.nextInt(500));
      boolean priced = !type.equals("search");
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("event_id", "evt-42-" + i);
      value.put("session_id", session);
      value.put("user_id", String.format("user-%05d", random.nextInt(2000)));
      value.put("event_type", type);
      value.put("product_id", product);
      value.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
      value.put("price", priced ? Math.round(random.nextDouble() * 20_000) / 100.0 : null);
      value.put("quantity", priced ? (long) (1 + random.nextInt(3)) : null);
      value.put("page_url", "https://shop.example.com/products/" + product);
      value.put("referrer", random.nextBoolean() ? "https://shop.example.com/" : null);
      value.put("device", random.nextBoolean() ? "mobile" : "desktop");
      value.put("country", random.nextBoolean() ? "US" : "FR");
      value.put("event_time", "2026-01-05T00:00:" + String.format("%02d.%03dZ", (i / 50) % 60, (i * 20) % 1000));
      records.add(record("clickstream-http-data", session, null, value, i));
    }
    return records;
  }

  private static SinkRecord record(String topic, String key, Schema schema, Object value, long offset) {
    return new SinkRecord(topic, 0, Schema.STRING_SCHEMA, key, schema, value, offset,
        1_767_598_200_000L + offset, TimestampType.CREATE_TIME);
  }
}
