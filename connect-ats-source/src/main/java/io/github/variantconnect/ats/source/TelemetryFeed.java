package io.github.variantconnect.ats.source;

import io.github.variantconnect.ats.sim.Line;
import io.github.variantconnect.ats.sim.LineSimulation;
import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.sim.SimulationSettings;
import io.github.variantconnect.ats.sim.TrainSnapshot;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Drives the simulations of the lines a task's trains run on and hands out their events in tick
 * order, paced against the wall clock. Each line is simulated in full (trains interact through
 * block signalling), but only the task's own trains are emitted. A line is rebuilt from its stored
 * start and replayed up to the earliest unsent tick, so a restart neither skips nor repeats.
 */
public final class TelemetryFeed {

  /** One event and the source offset that records it. */
  public record Event(TrainSnapshot snapshot, TrainOffset offset) {}

  private final List<LineRun> runs = new ArrayList<>();
  private final long maxTicks;

  /**
   * @param offsets stored offset per train id, or null for a train never emitted
   * @param defaultStart simulated start for lines without any stored offset
   * @param defaultAnchorMs wall-clock instant matching {@code defaultStart}
   */
  public TelemetryFeed(
      MetroNetwork network,
      List<String> trainIds,
      SimulationSettings settings,
      double speedup,
      long maxTicks,
      Instant defaultStart,
      long defaultAnchorMs,
      Function<String, TrainOffset> offsets) {
    this.maxTicks = maxTicks;
    Set<String> mine = new HashSet<>(trainIds);
    double wallMsPerTick = settings.tick().toMillis() / speedup;
    for (Line line : network.lines()) {
      Set<String> trains = new HashSet<>();
      for (String id : line.trainIds()) {
        if (mine.contains(id)) {
          trains.add(id);
        }
      }
      if (!trains.isEmpty()) {
        runs.add(LineRun.resume(line, trains, settings, wallMsPerTick, defaultStart, defaultAnchorMs, offsets));
      }
    }
  }

  /** Up to {@code max} events whose tick is due at {@code nowMs}, oldest tick first. */
  public List<Event> due(long nowMs, int max) {
    List<Event> out = new ArrayList<>(Math.min(max, 4096));
    while (out.size() < max) {
      LineRun run = earliest();
      if (run == null || !run.load(nowMs)) {
        break;
      }
      run.drainInto(out, max);
    }
    return out;
  }

  /** Milliseconds until the next tick is due; {@link Long#MAX_VALUE} once every line is done. */
  public long millisUntilDue(long nowMs) {
    LineRun run = earliest();
    return run == null ? Long.MAX_VALUE : Math.max(0, run.dueMs() - nowMs);
  }

  public boolean finished() {
    return earliest() == null;
  }

  private LineRun earliest() {
    LineRun best = null;
    for (LineRun run : runs) {
      boolean done = maxTicks > 0 && run.sim.ticks() >= maxTicks && run.pending.isEmpty();
      if (!done && (best == null || run.sim.ticks() < best.sim.ticks())) {
        best = run;
      }
    }
    return best;
  }

  /** One line's simulation and the position of the task's trains on it. */
  private static final class LineRun {
    final LineSimulation sim;
    final Set<String> trains;
    final Map<String, Long> nextSeq;
    final long simStartMs;
    final long anchorMs;
    final double wallMsPerTick;
    final ArrayDeque<TrainSnapshot> pending = new ArrayDeque<>();
    boolean loaded;

    private LineRun(LineSimulation sim, Set<String> trains, Map<String, Long> nextSeq, long simStartMs, long anchorMs, double wallMsPerTick) {
      this.sim = sim;
      this.trains = trains;
      this.nextSeq = nextSeq;
      this.simStartMs = simStartMs;
      this.anchorMs = anchorMs;
      this.wallMsPerTick = wallMsPerTick;
    }

    static LineRun resume(
        Line line,
        Set<String> trains,
        SimulationSettings settings,
        double wallMsPerTick,
        Instant defaultStart,
        long defaultAnchorMs,
        Function<String, TrainOffset> offsets) {
      Map<String, Long> nextSeq = new HashMap<>();
      TrainOffset stored = null;
      for (String train : trains) {
        TrainOffset offset = offsets.apply(train);
        nextSeq.put(train, offset == null ? 0L : offset.seq() + 1);
        if (offset != null && stored == null) {
          stored = offset;
        }
      }
      long simStartMs = stored != null ? stored.simStartMs() : defaultStart.toEpochMilli();
      long anchorMs = stored != null ? stored.anchorMs() : defaultAnchorMs;
      LineSimulation sim = new LineSimulation(line, settings, Instant.ofEpochMilli(simStartMs));
      sim.advanceTo(nextSeq.values().stream().mapToLong(Long::longValue).min().orElse(0));
      return new LineRun(sim, trains, nextSeq, simStartMs, anchorMs, wallMsPerTick);
    }

    long dueMs() {
      return anchorMs + (long) (sim.ticks() * wallMsPerTick);
    }

    /** Fills {@link #pending} with the current tick's events if that tick is due. */
    boolean load(long nowMs) {
      if (loaded) {
        return true;
      }
      if (dueMs() > nowMs) {
        return false;
      }
      for (TrainSnapshot s : sim.snapshots()) {
        if (trains.contains(s.trainId()) && s.seq() >= nextSeq.get(s.trainId())) {
          pending.add(s);
        }
      }
      loaded = true;
      return true;
    }

    void drainInto(List<Event> out, int max) {
      while (!pending.isEmpty() && out.size() < max) {
        TrainSnapshot s = pending.poll();
        out.add(new Event(s, new TrainOffset(s.seq(), simStartMs, anchorMs)));
      }
      if (pending.isEmpty()) {
        sim.advance();
        loaded = false;
      }
    }
  }
}
