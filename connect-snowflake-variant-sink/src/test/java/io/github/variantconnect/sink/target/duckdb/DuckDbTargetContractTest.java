package io.github.variantconnect.sink.target.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetContract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.io.TempDir;

/** The target contract on a real DuckDB file. */
class DuckDbTargetContractTest extends TargetContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long LIMIT = 4096;

  @TempDir
  Path dir;

  private final AtomicBoolean failNextCommit = new AtomicBoolean();

  private Path file() {
    return dir.resolve("contract.duckdb");
  }

  @Override
  protected Target newTarget() {
    return new DuckDbTarget(new DuckDbConfig(Map.of("duckdb.path", file().toString())), "contract",
        path -> failingCommit(DuckDbFiles.DUCKDB.open(path)));
  }

  /** A commit lost with the connection: DuckDB rolls the transaction back. */
  private Connection failingCommit(Connection real) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("commit") && failNextCommit.getAndSet(false)) {
            real.close();
            throw new SQLException("IO Error: connection lost before commit");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  protected List<Stored> stored(String table) {
    List<Stored> rows = new ArrayList<>();
    if (!Files.exists(file())) {
      return rows;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT CAST(RECORD_METADATA AS VARCHAR), CAST(RECORD_CONTENT AS VARCHAR) FROM "
            + table + " ORDER BY rowid")) {
      while (rs.next()) {
        JsonNode meta = JSON.readTree(rs.getString(1));
        rows.add(new Stored(meta.path("topic").asText(), meta.path("partition").asInt(), meta.path("offset").asLong(),
            rs.getString(2)));
      }
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("does not exist")) {
        return rows;
      }
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  @Override
  protected void loseInFlight(TopicPartition tp) {
    failNextCommit.set(true);
  }

  @Override
  protected boolean refusesDuplicateKeys() {
    return false;
  }

  @Override
  protected long valueLimitBytes() {
    return LIMIT;
  }

  @Override
  protected Map<String, String> limitConfig() {
    return Map.of("variant.max.content.bytes", Long.toString(LIMIT));
  }
}
