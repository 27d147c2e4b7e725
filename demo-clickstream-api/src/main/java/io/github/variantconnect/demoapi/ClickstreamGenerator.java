package io.github.variantconnect.demoapi;

import io.github.variantconnect.common.SplitMix64;
import java.util.HexFormat;

/**
 * Produces the feed one event at a time, a pure function of the seed: a fixed number of sessions
 * are open at once and each event advances a randomly chosen one, so sessions interleave the way
 * concurrent visitors do. Each session is planned from its own random stream.
 */
final class ClickstreamGenerator {
  private static final int CONCURRENT_SESSIONS = 48;
  private static final long INTERLEAVE_STREAM = 21;
  private static final long SESSION_STREAM = 22;
  private static final long SESSION_ID_STREAM = 23;

  private final long seed;
  private final EventTimeline timeline;
  private final SessionPlanner planner;
  private final SeededRandom interleaving;
  private final long sessionIdBase;
  private final OpenSession[] open = new OpenSession[CONCURRENT_SESSIONS];
  private long nextSeq;
  private long sessionsStarted;

  private static final class OpenSession {
    final PlannedSession plan;
    int next;

    OpenSession(PlannedSession plan) {
      this.plan = plan;
    }
  }

  ClickstreamGenerator(long seed, int users, EventTimeline timeline) {
    Catalog catalog = Catalog.generate(seed);
    this.seed = seed;
    this.timeline = timeline;
    this.planner = new SessionPlanner(catalog, Shoppers.generate(seed, users, catalog.size()));
    this.interleaving = SeededRandom.forStream(seed, INTERLEAVE_STREAM, 0);
    this.sessionIdBase = SeededRandom.forStream(seed, SESSION_ID_STREAM, 0).nextLong();
  }

  /** The seq the next call to {@link #next()} returns. */
  long nextSeq() {
    return nextSeq;
  }

  ClickEvent next() {
    int slot = interleaving.nextInt(open.length);
    if (open[slot] == null) {
      open[slot] = new OpenSession(startSession());
    }
    OpenSession session = open[slot];
    PlannedClick click = session.plan.clicks().get(session.next++);
    if (session.next == session.plan.clicks().size()) {
      open[slot] = null;
    }
    long seq = nextSeq++;
    PlannedSession plan = session.plan;
    return new ClickEvent(seq, eventId(seq), plan.sessionId(), plan.userId(),
        click.type().wireName(), click.productId(), click.category(), click.price(),
        click.quantity(), click.pageUrl(), click.referrer(), plan.device(), plan.country(),
        timeline.eventTime(seq));
  }

  private PlannedSession startSession() {
    long number = sessionsStarted++;
    SeededRandom random = SeededRandom.forStream(seed, SESSION_STREAM, number);
    // mix() is a bijection, so consecutive session numbers can never share an id.
    String id = "sess-" + HexFormat.of().toHexDigits(SplitMix64.mix(sessionIdBase + number));
    return planner.plan(id, random);
  }

  private String eventId(long seq) {
    return "evt-" + seed + "-" + seq;
  }
}
