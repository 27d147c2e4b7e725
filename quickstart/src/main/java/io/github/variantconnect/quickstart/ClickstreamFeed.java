package io.github.variantconnect.quickstart;

import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;

/**
 * The demo clickstream API, resumable: the number of events it has published is saved in the data
 * directory, and the next run publishes exactly those events again at once and continues with the
 * following ones. Event ids ({@code evt-<seed>-<seq>}), sessions and users are a function of the
 * seed and the position, so the HTTP source, resuming from its stored cursor, reads the same feed
 * on: nothing is skipped however long the stack was stopped, and nothing new is invented twice.
 * The feed's clock is shifted instead, so that new events carry the current time.
 */
final class ClickstreamFeed implements AutoCloseable {

  static final long SEED = 42;
  static final double EVENTS_PER_SECOND = 50;

  private static final String PUBLISHED = "published";
  private static final String SEED_KEY = "seed";

  private final DemoClickstreamApi api;
  private final Path stateFile;

  private ClickstreamFeed(DemoClickstreamApi api, Path stateFile) {
    this.api = api;
    this.stateFile = stateFile;
  }

  /** Starts the API on {@code port} (0 picks a free one), resuming from {@code stateFile}. */
  static ClickstreamFeed start(Path stateFile, int port, Clock clock) throws IOException {
    DemoApiConfig.Builder config =
        DemoApiConfig.builder().port(port).seed(SEED).eventsPerSecond(EVENTS_PER_SECOND).clock(clock);
    long published = readPublished(stateFile);
    if (published > 0) {
      // Event n happens at start + n / rate: choose the start so that event `published` is now.
      long elapsedMillis = (long) Math.floor(published * 1000.0 / EVENTS_PER_SECOND);
      config.initialEvents(published).start(Instant.ofEpochMilli(clock.millis() - elapsedMillis));
    }
    ClickstreamFeed feed = new ClickstreamFeed(DemoClickstreamApi.start(config.build()), stateFile);
    feed.savePosition();
    return feed;
  }

  String baseUrl() {
    return api.baseUrl();
  }

  long published() {
    return api.headSeq();
  }

  /**
   * Saves how far the feed got. Called every few seconds and at shutdown; after a crash the next
   * run starts slightly behind, which is harmless: the source's cursor is then ahead of the feed
   * and it simply waits for the feed to catch up.
   */
  void savePosition() {
    Properties state = new Properties();
    state.setProperty(SEED_KEY, Long.toString(SEED));
    state.setProperty(PUBLISHED, Long.toString(api.headSeq()));
    try {
      Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
      try (Writer out = Files.newBufferedWriter(temp)) {
        state.store(out, "Position of the demo clickstream feed");
      }
      Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the clickstream position to " + stateFile, e);
    }
  }

  private static long readPublished(Path stateFile) throws IOException {
    if (!Files.exists(stateFile)) {
      return 0;
    }
    Properties state = new Properties();
    try (Reader in = Files.newBufferedReader(stateFile)) {
      state.load(in);
    }
    if (!Long.toString(SEED).equals(state.getProperty(SEED_KEY))) {
      throw new IOException(stateFile + " belongs to another feed (seed "
          + state.getProperty(SEED_KEY) + "); run with --reset to start over");
    }
    try {
      return Math.max(0, Long.parseLong(state.getProperty(PUBLISHED, "0").trim()));
    } catch (NumberFormatException e) {
      throw new IOException(stateFile + " has an unreadable position; run with --reset", e);
    }
  }

  @Override
  public void close() {
    try {
      savePosition();
    } finally {
      api.close();
    }
  }
}
