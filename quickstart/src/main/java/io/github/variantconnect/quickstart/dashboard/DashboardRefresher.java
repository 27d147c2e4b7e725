package io.github.variantconnect.quickstart.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads every panel's query from a {@link PanelSource} (the DuckDB file, or Snowflake) on one
 * connection per round, and keeps the answers as a ready JSON document: page requests never touch
 * the database, however many tabs are open. A panel whose query fails keeps its last good answer
 * (with the error beside it), so the page never goes blank while the sink holds the file, a view is
 * still missing or the account is unreachable.
 *
 * <p>The sink cannot flush the DuckDB file while we read, and every Snowflake round costs warehouse
 * time. Rounds are therefore spaced at least {@value #PAUSE_FACTOR} times as long as the last one
 * took: as the data grows and the views get slower, the dashboard refreshes less often instead of
 * starving the writer.
 */
public final class DashboardRefresher implements AutoCloseable {

  static final int PAUSE_FACTOR = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PanelSource source;
  private final Duration interval;
  private final Clock clock;
  private final Map<DashboardQuery, Panel> panels = new EnumMap<>(DashboardQuery.class);
  private final AtomicReference<byte[]> snapshot = new AtomicReference<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-refresh");
        thread.setDaemon(true);
        return thread;
      });
  private long round;
  private Instant lastRead;
  private long lastReadMillis;
  private String lastRoundError;

  /** The last good answer of one query, and why the latest attempt failed, if it did. */
  record Panel(List<Map<String, Object>> rows, Instant updatedAt, String error) {}

  public DashboardRefresher(DuckDbFile file, Duration interval, Clock clock) {
    this(new DuckDbPanelSource(file), interval, clock);
  }

  /** Refreshes from {@code source}, which it closes when closed. */
  public DashboardRefresher(PanelSource source, Duration interval, Clock clock) {
    this.source = source;
    this.interval = interval;
    this.clock = clock;
    publish();
  }

  /** Starts refreshing in the background; the first round runs at once. */
  public DashboardRefresher start() {
    scheduler.execute(this::refreshAndReschedule);
    return this;
  }

  /** The latest snapshot as UTF-8 JSON. */
  public byte[] snapshotJson() {
    return snapshot.get();
  }

  /** The latest row of the four headline figures, if one was read yet. */
  public synchronized Optional<Map<String, Object>> kpis() {
    Panel panel = panels.get(DashboardQuery.KPIS);
    return panel == null || panel.rows().isEmpty() ? Optional.empty() : Optional.of(panel.rows().get(0));
  }

  public Duration interval() {
    return interval;
  }

  private void refreshAndReschedule() {
    long started = System.nanoTime();
    try {
      refresh();
    } catch (RuntimeException e) {
      lastRoundError = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    long tookMs = (System.nanoTime() - started) / 1_000_000;
    long pauseMs = Math.max(interval.toMillis(), PAUSE_FACTOR * tookMs);
    if (!scheduler.isShutdown()) {
      scheduler.schedule(this::refreshAndReschedule, pauseMs, TimeUnit.MILLISECONDS);
    }
  }

  /** One round: every due query on one read-only connection, then a new snapshot. */
  synchronized void refresh() throws InterruptedException {
    Map<DashboardQuery, Object> answers;
    long started = System.nanoTime();
    try {
      answers = source.read(this::runDueQueries);
      lastReadMillis = (System.nanoTime() - started) / 1_000_000;
      lastRead = clock.instant();
      lastRoundError = null;
    } catch (SQLException e) {
      lastRoundError = source.explain(e);
      publish();
      return;
    }
    Instant now = clock.instant();
    answers.forEach((query, answer) -> {
      Panel previous = panels.get(query);
      if (answer instanceof SQLException e) {
        panels.put(query, previous == null
            ? new Panel(List.of(), null, e.getMessage())
            : new Panel(previous.rows(), previous.updatedAt(), e.getMessage()));
      } else {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer;
        panels.put(query, new Panel(rows, now, null));
      }
    });
    round++;
    publish();
  }

  /** The rows of each due query, or the SQLException it raised: one bad panel spoils no other. */
  private Map<DashboardQuery, Object> runDueQueries(Connection connection) {
    Map<DashboardQuery, Object> answers = new EnumMap<>(DashboardQuery.class);
    for (DashboardQuery query : DashboardQuery.values()) {
      Panel panel = panels.get(query);
      boolean answered = panel != null && panel.updatedAt() != null && !panel.rows().isEmpty();
      if (answered && !query.dueIn(round)) {
        continue;
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery(query.sql())) {
        answers.put(query, ResultRows.read(rs));
      } catch (SQLException e) {
        answers.put(query, e);
      }
    }
    return answers;
  }

  private void publish() {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("generated_at", clock.instant().toString());
    document.put("read_at", lastRead == null ? null : lastRead.toString());
    document.put("read_ms", lastReadMillis);
    document.put("refresh_ms", interval.toMillis());
    document.put("error", lastRoundError);
    Map<String, Object> byKey = new LinkedHashMap<>();
    for (DashboardQuery query : DashboardQuery.values()) {
      Panel panel = panels.getOrDefault(query, new Panel(List.of(), null, null));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("rows", panel.rows());
      json.put("updated_at", panel.updatedAt() == null ? null : panel.updatedAt().toString());
      json.put("error", panel.error());
      byKey.put(query.key(), json);
    }
    document.put("panels", byKey);
    try {
      snapshot.set(JSON.writeValueAsBytes(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("dashboard snapshot is not serialisable", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }
}
