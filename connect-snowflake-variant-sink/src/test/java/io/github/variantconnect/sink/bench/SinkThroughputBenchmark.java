package io.github.variantconnect.sink.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.FakeSinkTaskContext;
import io.github.variantconnect.sink.VariantSinkTask;
import io.github.variantconnect.sink.convert.MetadataFields;
import io.github.variantconnect.sink.convert.NullValueBehavior;
import io.github.variantconnect.sink.convert.RecordConverter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records per second into DuckDB: the sink task (conversion, buffering, one transaction with
 * offsets per flush, file opened and closed per flush) against raw Appender loops over the same
 * records in the same JVM. Not part of the test suite (no *Test name); run with
 * {@code ./mvnw -pl connect-snowflake-variant-sink -am test -Dtest=SinkThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SinkThroughputBenchmark {

  private static final int RECORDS = Integer.getInteger("bench.records", 200_000);
  private static final int BATCH = 10_000;
  private static final int POLL = 500;
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void sinkVersusRawAppender() throws Exception {
    List<SinkRecord> records = atsRecords(RECORDS);
    for (int round = 1; round <= ROUNDS; round++) {
      double convert = convertOnly(records);
      double sink = sink(records, dir.resolve("sink-" + round + ".duckdb"));
      double rawPrepared = rawAppender(records, dir.resolve("raw-" + round + ".duckdb"), true, true);
      double rawJackson = rawAppender(records, dir.resolve("jackson-" + round + ".duckdb"), false, true);
      double rawOneConnection = rawAppender(records, dir.resolve("one-" + round + ".duckdb"), true, false);
      System.out.printf("round %d: conversion only %,.0f rec/s | sink task %,.0f rec/s | raw appender, JSON prepared, file per %d %,.0f rec/s"
              + " | raw appender + Jackson, file per %d %,.0f rec/s | raw appender, JSON prepared, one connection"
              + " %,.0f rec/s%n", round, convert, sink, BATCH, rawPrepared, BATCH, rawJackson, rawOneConnection);
    }
  }

  /** RECORD_METADATA and RECORD_CONTENT JSON for every record, without DuckDB. */
  private static double convertOnly(List<SinkRecord> records) {
    RecordConverter converter = new RecordConverter(MetadataFields.ALL, NullValueBehavior.DEFAULT, 16L << 20);
    long start = System.nanoTime();
    long chars = 0;
    for (SinkRecord record : records) {
      chars += converter.convert(record, "ATS_RAW_JSON").size();
    }
    long nanos = System.nanoTime() - start;
    assertThat(chars).isPositive();
    return records.size() / (nanos / 1e9);
  }

  private double sink(List<SinkRecord> records, Path file) throws Exception {
    Map<String, String> props = Map.of("name", "bench", "duckdb.path", file.toString(),
        "topic2table.map", "ats-telemetry:ATS_RAW_JSON", "buffer.count.records", Integer.toString(BATCH),
        "buffer.size.bytes", "1000000000", "buffer.flush.time", "3600");
    VariantSinkTask task = new VariantSinkTask();
    task.initialize(new FakeSinkTaskContext(props));
    task.start(props);
    task.open(List.of(new TopicPartition("ats-telemetry", 0)));
    long start = System.nanoTime();
    for (int i = 0; i < records.size(); i += POLL) {
      task.put(records.subList(i, Math.min(records.size(), i + POLL)));
    }
    long nanos = System.nanoTime() - start;
    task.stop();
    assertThat(count(file)).isEqualTo(records.size());
    return records.size() / (nanos / 1e9);
  }

  /**
   * The same rows with DuckDB's Appender and nothing else: JSON already serialised (prepared) or
   * serialised with Jackson's ObjectMapper in the loop; the file opened per batch like the sink, or
   * one connection for everything.
   */
  private double rawAppender(List<SinkRecord> records, Path file, boolean prepared, boolean filePerBatch)
      throws Exception {
    List<String[]> rows = new ArrayList<>(records.size());
    if (prepared) {
      for (SinkRecord r : records) {
        rows.add(new String[] {metadata(r), JSON.writeValueAsString(r.value())});
      }
    }
    create(file);
    long start = System.nanoTime();
    DuckDBConnection shared = filePerBatch ? null : (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
    for (int i = 0; i < records.size(); i += BATCH) {
      DuckDBConnection c = shared != null ? shared
          : (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SELECT 1");
      }
      try (DuckDBAppender appender = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "ATS_RAW_JSON")) {
        for (int j = i; j < Math.min(records.size(), i + BATCH); j++) {
          if (prepared) {
            appender.beginRow().append(rows.get(j)[0]).append(rows.get(j)[1]).endRow();
          } else {
            SinkRecord r = records.get(j);
            appender.beginRow().append(metadata(r)).append(JSON.writeValueAsString(r.value())).endRow();
          }
        }
      }
      c.commit();
      if (shared == null) {
        c.close();
      }
    }
    if (shared != null) {
      shared.close();
    }
    long nanos = System.nanoTime() - start;
    assertThat(count(file)).isEqualTo(records.size());
    return records.size() / (nanos / 1e9);
  }

  private static String metadata(SinkRecord r) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("topic", r.topic());
    m.put("partition", r.kafkaPartition());
    m.put("offset", r.kafkaOffset());
    m.put("CreateTime", r.timestamp());
    m.put("key", r.key());
    return JSON.writeValueAsString(m);
  }

  private static void create(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ATS_RAW_JSON (RECORD_METADATA JSON, RECORD_CONTENT JSON)");
    }
  }

  private static long count(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM ATS_RAW_JSON")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** ATS telemetry as the JsonConverter (schemas.enable=false) hands it to a sink: maps. */
  static List<SinkRecord> atsRecords(int count) {
    Random random = new Random(7);
    List<SinkRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String train = "L" + (i % 6 + 1) + "-T" + (i % 115);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("event_id", train + "-" + i / 115);
      v.put("train_id", train);
      v.put("line_id", "L" + (i % 6 + 1));
      v.put("seq", (long) (i / 115));
      v.put("event_time", "2026-01-05T07:" + String.format("%02d:%02d", (i / 115 / 2) % 60, (i % 2) * 30) + "Z");
      v.put("station_id", "S" + random.nextInt(40));
      v.put("next_station_id", "S" + random.nextInt(40));
      v.put("latitude", 45.7 + random.nextDouble() / 10);
      v.put("longitude", 4.8 + random.nextDouble() / 10);
      v.put("position_km", random.nextDouble() * 30);
      v.put("speed_kmh", random.nextDouble() * 80);
      v.put("passenger_count", (long) random.nextInt(900));
      v.put("capacity", 900L);
      v.put("power_kw", random.nextDouble() * 400 - 100);
      v.put("status", "RUNNING");
      v.put("alerts", random.nextInt(10) == 0 ? List.of("OVERCROWDING") : List.of());
      records.add(new SinkRecord("ats-telemetry", 0, Schema.STRING_SCHEMA, train, null, v, i,
          1_767_598_200_000L + i, TimestampType.CREATE_TIME));
    }
    return records;
  }
}
