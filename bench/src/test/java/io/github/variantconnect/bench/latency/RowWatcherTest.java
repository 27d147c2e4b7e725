package io.github.variantconnect.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.mirror.MirrorRefresh;
import io.github.variantconnect.quickstart.sql.SqlScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on a real DuckDB file prepared as the quickstart prepares it. */
class RowWatcherTest {

  private static final Path SQL = Path.of("..", "sql", "duckdb");

  @TempDir
  Path dir;

  @Test
  void seesEachPartitionsNewOffsetsOnceInTheRawTablesAndThenInTheMirror() throws Exception {
    DuckDbFile file = new DuckDbFile(dir.resolve("variant.duckdb"));
    file.write(Duration.ZERO, c -> {
      try {
        return SqlScripts.apply(c, SQL);
      } catch (IOException e) {
        throw new SQLException(e);
      }
    });
    RowWatcher watcher = new RowWatcher(file, 10, List.of("ATS_RAW_JSON", "CLICKSTREAM_RAW"),
        List.of("MIRROR_ATS_TRANSFORMED", "MIRROR_CLICKSTREAM_EVENTS"));
    TopicPartition clicks = new TopicPartition("clicks", 0);

    land(file, 0, 5);
    watcher.read();
    land(file, 5, 8);
    watcher.read();
    watcher.read();

    assertThat(watcher.rows(RowWatcher.Stage.RAW)).isEqualTo(8);
    assertThat(watcher.rows(RowWatcher.Stage.MIRROR)).isZero();
    assertThat(watcher.sightings()).extracting(s -> s.partition() + " (" + s.from() + ", " + s.to() + "]")
        .containsExactly(clicks + " (-1, 4]", clicks + " (4, 7]");

    MirrorRefresh refresh = MirrorRefresh.load(SQL.resolve("refresh"), 1_000);
    file.write(Duration.ZERO, refresh::run);
    watcher.read();

    assertThat(watcher.rows(RowWatcher.Stage.MIRROR)).isEqualTo(8);
    assertThat(watcher.sightings()).filteredOn(s -> s.stage() == RowWatcher.Stage.MIRROR)
        .extracting(s -> s.partition() + " (" + s.from() + ", " + s.to() + "]")
        .containsExactly(clicks + " (-1, 7]");
  }

  /** Clickstream rows of offsets [from, to) in the shape the sink writes them. */
  private static void land(DuckDbFile file, int from, int to) throws Exception {
    file.write(Duration.ZERO, c -> {
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO CLICKSTREAM_RAW SELECT json_object('topic', 'clicks', 'partition', 0, 'offset', i,"
            + " 'CreateTime', 1767600000000 + i)::JSON, json_object('event_id', 'e' || i, 'session_id', 's1',"
            + " 'user_id', 'u1', 'event_type', 'page_view', 'event_time', '2026-01-05T08:00:00.000Z')::JSON"
            + " FROM range(" + from + ", " + to + ") r(i)");
      }
      return null;
    });
  }
}
