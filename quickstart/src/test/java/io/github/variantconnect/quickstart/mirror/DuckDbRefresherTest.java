package io.github.variantconnect.quickstart.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.RepositoryPaths;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import io.github.variantconnect.quickstart.sql.SqlScripts;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresher on a real DuckDB file: catching up in bounded transactions, and its command line. */
class DuckDbRefresherTest {

  @TempDir
  Path temp;

  @Test
  void catchesUpOnABacklogOneBatchAtATime() throws Exception {
    DuckDbFile file = new DuckDbFile(temp.resolve("variant.duckdb"));
    file.write(Duration.ZERO, c -> {
      try {
        SqlScripts.apply(c, RepositoryPaths.duckDbSql());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO ATS_RAW_JSON SELECT json_object('topic', 't', 'partition', 0, 'offset', i)::JSON,"
            + " json_object('event_id', 'e' || i, 'train_id', 'T' || (i % 7), 'seq', i)::JSON FROM range(2500) r(i)");
      }
      return null;
    });
    DuckDbRefresher refresher = new DuckDbRefresher(file,
        MirrorRefresh.load(RepositoryPaths.duckDbSql().resolve("refresh"), 1_000), Duration.ofSeconds(1));

    assertThat(refresher.refreshUntilCaughtUp()).isEqualTo(2_500);
    assertThat(refresher.refreshUntilCaughtUp()).isZero();
    assertThat(refresher.transactions().count()).as("1,000 + 1,000 + 500 rows, then an empty one").isEqualTo(4);
    String mirrored = file.read(Duration.ZERO, c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*), (SELECT count(*) FROM ATS_LATEST_STATUS) FROM ATS_TRANSFORMED")) {
        rs.next();
        return rs.getLong(1) + " events, " + rs.getLong(2) + " trains";
      }
    });
    assertThat(mirrored).isEqualTo("2500 events, 7 trains");
  }

  @Test
  void commandLineNamesWhatIsWrong() {
    DuckDbRefresher.RefresherArgs args = DuckDbRefresher.RefresherArgs.parse(
        new String[] {"f.duckdb", "--target-lag=5s", "--batch-rows=10", "--once"});
    assertThat(args.targetLag()).isEqualTo(Duration.ofSeconds(5));
    assertThat(args.batchRows()).isEqualTo(10);
    assertThat(args.once()).isTrue();
    assertThat(DuckDbRefresher.RefresherArgs.parse(new String[] {"f.duckdb"}).targetLag())
        .as("Snowflake's scripts use 1 minute").isEqualTo(Duration.ofMinutes(1));

    assertThatThrownBy(() -> DuckDbRefresher.RefresherArgs.parse(new String[0]))
        .hasMessageContaining("DuckDB file");
    assertThatThrownBy(() -> DuckDbRefresher.RefresherArgs.parse(new String[] {"f", "--batch-rows=0"}))
        .hasMessageContaining("--batch-rows");
    assertThatThrownBy(() -> DuckDbRefresher.RefresherArgs.parse(new String[] {"f", "--lag=1s"}))
        .hasMessageContaining("--lag");
  }
}
