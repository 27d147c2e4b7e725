package io.github.variantconnect.bench.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The baseline of the sink benchmark: a hand-written loop that consumes the topic and appends the
 * same two JSON columns with DuckDB's Appender — one connection held open, a commit per batch, the
 * value bytes taken as JSON text unchecked, no offsets table, no framework.
 */
final class RawAppenderLoop {

  private static final JsonFactory JSON = new JsonFactory();

  private final String bootstrapServers;
  private final int batchRows;
  private final AtomicLong committed = new AtomicLong();

  RawAppenderLoop(String bootstrapServers, int batchRows) {
    this.bootstrapServers = bootstrapServers;
    this.batchRows = batchRows;
  }

  long committedRows() {
    return committed.get();
  }

  void copy(String topic, long records, Path file, String table) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file)) {
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE \"" + table + "\" (RECORD_METADATA JSON, RECORD_CONTENT JSON)");
      }
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      connection.setAutoCommit(false);
      DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
      long inBatch = 0;
      long done = 0;
      while (done < records) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          appender.beginRow()
              .append(metadata(record))
              .append(new String(record.value(), StandardCharsets.UTF_8))
              .endRow();
          inBatch++;
          done++;
          if (inBatch == batchRows || done == records) {
            appender.close();
            connection.commit();
            committed.addAndGet(inBatch);
            inBatch = 0;
            appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
          }
        }
      }
      appender.close();
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Raw appender loop into " + file + " failed", e);
    }
  }

  private static String metadata(ConsumerRecord<byte[], byte[]> record) throws IOException {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("topic", record.topic());
      json.writeNumberField("partition", record.partition());
      json.writeNumberField("offset", record.offset());
      json.writeNumberField("CreateTime", record.timestamp());
      json.writeStringField("key", new String(record.key(), StandardCharsets.UTF_8));
      json.writeEndObject();
    }
    return out.toString();
  }
}
