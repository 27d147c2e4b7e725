package io.github.variantconnect.demoapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The published part of the feed. The initial events exist from the start; after that event
 * {@code initial + n} is published {@code n / eventsPerSecond} after the start, until
 * {@code maxEvents}. Events are generated lazily, when someone looks, up to what the clock allows,
 * so an idle server costs nothing and a test clock fully controls what is visible.
 */
final class LiveFeed {
  /** Bounds the pause between checks while waiting for events to be published. */
  private static final long MAX_POLL_NANOS = Duration.ofMillis(20).toNanos();

  /** What is visible at one instant. */
  record Bounds(long oldestSeq, long headSeq) {}

  private final Clock clock;
  private final Instant startedAt;
  private final double eventsPerSecond;
  private final long initialEvents;
  private final long maxEvents;
  private final ClickstreamGenerator generator;
  private final EventWindow window;

  LiveFeed(DemoApiConfig config, EventTimeline timeline, Instant startedAt) {
    this.clock = config.clock();
    this.startedAt = startedAt;
    this.eventsPerSecond = config.eventsPerSecond();
    this.initialEvents = config.initialEvents();
    this.maxEvents = config.maxEvents();
    this.generator = new ClickstreamGenerator(config.seed(), config.users(), timeline);
    this.window = new EventWindow(config.window());
    bounds();
  }

  /** Publishes whatever is due, then reports the retained range. */
  synchronized Bounds bounds() {
    long due = dueCount(clock.instant());
    while (window.endSeq() < due) {
      window.append(generator.next());
    }
    return new Bounds(window.oldestSeq(), window.endSeq());
  }

  long headSeq() {
    return bounds().headSeq();
  }

  /** Events in [fromSeq, toSeq), cut at the head; throws if fromSeq has left the window. */
  synchronized List<ClickEvent> read(long fromSeq, long toSeq) {
    Bounds bounds = bounds();
    if (fromSeq < bounds.oldestSeq()) {
      throw new ExpiredPositionException(fromSeq, bounds.oldestSeq());
    }
    long end = Math.min(toSeq, bounds.headSeq());
    return end <= fromSeq ? List.of() : window.copy(fromSeq, end);
  }

  int capacity() {
    return window.capacity();
  }

  /** True once a bounded feed has published all its events. */
  boolean isComplete() {
    return maxEvents > 0 && headSeq() >= maxEvents;
  }

  /** Blocks until at least {@code count} events are published. */
  void awaitPublished(long count, Duration timeout) {
    if (maxEvents > 0 && count > maxEvents) {
      throw new IllegalArgumentException(
          "the feed stops at maxEvents=" + maxEvents + ", so " + count + " events never exist");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    long head;
    while ((head = headSeq()) < count) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new IllegalStateException("only " + head + " of " + count
            + " events were published within " + timeout);
      }
      try {
        Thread.sleep(Math.max(1, Math.min(remaining, MAX_POLL_NANOS) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + count + " events", e);
      }
    }
  }

  private long dueCount(Instant now) {
    long elapsedNanos = Math.max(0, Duration.between(startedAt, now).toNanos());
    long due = initialEvents + (long) Math.floor(elapsedNanos / 1e9 * eventsPerSecond);
    return maxEvents > 0 ? Math.min(due, maxEvents) : due;
  }
}
