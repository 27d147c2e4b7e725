package io.github.variantconnect.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.convert.RecordConverterTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task as a worker drives it, against a real DuckDB file. */
class VariantSinkTaskTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TopicPartition ATS = new TopicPartition("ats-telemetry", 0);

  @TempDir
  Path dir;

  @Test
  void landsStructsAndJsonTextInRoutedDuckDbTablesAndResumesAfterRestart() throws Exception {
    Path file = dir.resolve("variant.duckdb");
    Map<String, String> props = Map.of("name", "task-test", "duckdb.path", file.toString(),
        "topic2table.map", "ats-.*:ATS_RAW_JSON", "buffer.count.records", "2");

    VariantSinkTask task = new VariantSinkTask();
    FakeSinkTaskContext context = new FakeSinkTaskContext(props);
    task.initialize(context);
    task.start(props);
    task.open(List.of(ATS));
    task.put(List.of(Records.value("ats-telemetry", 0, 0, RecordConverterTest.eventSchema(), RecordConverterTest.eventStruct()),
        Records.json("ats-telemetry", 0, 1, "{\"train_id\":\"T2\"}"), Records.json("ats-telemetry", 0, 2, "{}")));
    assertThat(task.preCommit(Map.of())).containsExactly(Map.entry(ATS, new OffsetAndMetadata(3)));
    task.close(List.of(ATS));
    task.stop();

    List<String> contents = query(file, "SELECT RECORD_CONTENT FROM ATS_RAW_JSON ORDER BY RECORD_METADATA->>'$.offset'");
    assertThat(contents).hasSize(3);
    assertThat(JSON.readTree(contents.get(0))).isEqualTo(JSON.readTree(RecordConverterTest.EVENT_JSON));
    assertThat(contents.get(1)).isEqualTo("{\"train_id\":\"T2\"}");

    VariantSinkTask restarted = new VariantSinkTask();
    FakeSinkTaskContext second = new FakeSinkTaskContext(props);
    restarted.initialize(second);
    restarted.start(props);
    restarted.open(List.of(ATS));
    assertThat(second.seeks).containsExactly(Map.entry(ATS, 3L));
    restarted.stop();
  }

  static List<String> query(Path file, String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
