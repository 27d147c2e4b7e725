package io.github.variantconnect.sink.target.duckdb;

import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.sink.routing.TableNameValidator;
import io.github.variantconnect.sink.routing.TableNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The DuckDB target's keys; they join the connector's config definition. */
public final class DuckDbConfig extends AbstractConfig {

  private static final String GROUP = "DuckDB";

  public static final String PATH = "duckdb.path";
  public static final String OFFSETS_TABLE = "duckdb.offsets.table";
  public static final String OFFSETS_TABLE_DEFAULT = "VARIANT_CONNECT_OFFSETS";
  public static final String CHECKPOINT_THRESHOLD_BYTES = "duckdb.checkpoint.threshold.bytes";
  public static final long CHECKPOINT_THRESHOLD_BYTES_DEFAULT = 1024 * 1024;

  public static final ConfigDef CONFIG_DEF = new ConfigDef()
      .define(PATH, Type.STRING, "", new PathValidator(), Importance.HIGH,
          "Absolute path of the DuckDB database file on the worker, e.g. /var/lib/variant-connect/variant.duckdb;"
              + " created with its directory if missing. Required with variant.target=duckdb. The sink holds the"
              + " file only while it writes, so other processes can read between writes.",
          GROUP, 1, Width.LONG, "DuckDB file")
      .define(OFFSETS_TABLE, Type.STRING, OFFSETS_TABLE_DEFAULT, new TableNameValidator(), Importance.LOW,
          "Table in the DuckDB file holding each partition's last written offset, per connector name; written in"
              + " the same transaction as the rows.",
          GROUP, 2, Width.MEDIUM, "Offsets table")
      .define(CHECKPOINT_THRESHOLD_BYTES, Type.LONG, CHECKPOINT_THRESHOLD_BYTES_DEFAULT,
          ConfigDef.Range.between(0, 1L << 30), Importance.LOW,
          "Committed batches stay in the file's write-ahead log (the .wal file next to it) until it holds this"
              + " many bytes; the next commit then checkpoints them into the file. Every DuckDB reader, also a"
              + " read-only one, sees the log's rows, and a crash loses nothing committed. A checkpoint on every"
              + " flush costs as much as a small batch's append; a larger log costs each opening of the file"
              + " (by the sink and by readers) its replay. 0 checkpoints on every flush.",
          GROUP, 3, Width.SHORT, "Checkpoint threshold (bytes)");

  public DuckDbConfig(Map<String, String> props) {
    super(CONFIG_DEF, props, false);
  }

  public Path path() {
    return Paths.get(getString(PATH).trim()).toAbsolutePath().normalize();
  }

  public long checkpointThresholdBytes() {
    return getLong(CHECKPOINT_THRESHOLD_BYTES);
  }

  public String offsetsTable() {
    return TableNames.normalize(getString(OFFSETS_TABLE).trim());
  }

  /** Checks that need the file system; messages by key. */
  static List<KeyError> validate(Map<String, String> props) {
    List<KeyError> problems = new ArrayList<>();
    String value = props.getOrDefault(PATH, "").trim();
    if (value.isEmpty()) {
      problems.add(new KeyError(PATH, "duckdb.path is required with variant.target=duckdb, e.g. /tmp/variant-connect/variant.duckdb"));
      return problems;
    }
    Path path = Paths.get(value);
    if (Files.isDirectory(path)) {
      problems.add(new KeyError(PATH, value + " is a directory; give the path of a database file inside it, e.g. "
          + path.resolve("variant.duckdb")));
      return problems;
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      problems.add(new KeyError(PATH, value + " exists but the worker cannot write it"));
      return problems;
    }
    Path existing = path.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      problems.add(new KeyError(PATH, "the worker cannot create " + value + ": " + (existing == null ? "no parent directory"
          : existing + " is not a writable directory")));
    }
    return problems;
  }

  /** Empty (checked once the target is known), or an absolute path DuckDB's URL can carry. */
  static final class PathValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String path = value == null ? "" : value.toString().trim();
      if (path.isEmpty()) {
        return;
      }
      if (!Paths.get(path).isAbsolute()) {
        throw new ConfigException(name, value, "must be an absolute path (the worker's working directory is not"
            + " a good place for data)");
      }
      if (path.indexOf('?') >= 0 || path.indexOf(';') >= 0) {
        throw new ConfigException(name, value, "must not contain '?' or ';', which DuckDB reads as URL options");
      }
    }

    @Override
    public String toString() {
      return "an absolute file path";
    }
  }
}
