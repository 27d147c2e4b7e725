package io.github.variantconnect.ats.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Simulates every train of one line, tick by tick.
 *
 * <p>The state after tick {@code n} depends only on the line, the settings and the start instant: all
 * randomness comes from generators keyed by the seed and the line or train id, and trains are stepped
 * in a fixed order. A line is always simulated whole (its trains interact through the blocks and the
 * platforms), so however a connector splits the trains of a line across tasks, each train's events are
 * the same. Each tick is simulated in steps of at most one second.
 *
 * <p>Trains start evenly spaced round the loop (see {@link LineTrack}), those between stations already
 * moving, with typical loads for the time of day.
 *
 * <p>Not thread-safe: one thread drives an instance.
 */
public final class LineSimulation {

  private static final long MAX_STEP_MILLIS = 1000;
  /** Planning figure for the start state and for terminal regulation: about 32 km/h door to door. */
  private static final double COMMERCIAL_SPEED_MPS = 9.0;
  /** A train placed this close to a stop starts at its platform. */
  private static final double PLATFORM_SNAP_M = 1.0;

  private final Line line;
  private final SimulationSettings settings;
  private final Instant simStart;
  private final RollingStock stock = RollingStock.METRO_4_CAR;
  private final LineTrack track;
  private final BlockSignalling signalling;
  private final PassengerDemand demand;
  private final TrainDriver driver;
  private final StationOperations stations;
  private final ServiceDisruptions disruptions;
  private final TrainState[] trains;
  private final int stepsPerTick;
  private final double stepS;
  private final double startSecondOfDay;

  private long ticks;
  private long steps;

  public LineSimulation(Line line, SimulationSettings settings, Instant simStart) {
    this.line = Objects.requireNonNull(line, "line");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.simStart = Objects.requireNonNull(simStart, "simStart");
    long tickMillis = settings.tick().toMillis();
    stepsPerTick = (int) ((tickMillis + MAX_STEP_MILLIS - 1) / MAX_STEP_MILLIS);
    stepS = tickMillis / 1000.0 / stepsPerTick;
    startSecondOfDay = Math.floorMod(simStart.getEpochSecond(), 86_400L) + simStart.getNano() / 1e9;

    track = new LineTrack(line);
    signalling = new BlockSignalling(track);
    double headwayS = track.loopM / line.trainCount() / COMMERCIAL_SPEED_MPS;
    demand = new PassengerDemand(track, stock.capacity(),
        SimRandom.forKey(settings.seed(), "line", line.id()), headwayS, hourOfDay(0));
    driver = new TrainDriver(track, signalling, stock, stepS);
    disruptions = new ServiceDisruptions(settings);
    trains = new TrainState[line.trainCount()];
    stations = new StationOperations(track, demand, signalling, trains, stepS, headwayS);
    placeTrains();
  }

  private void placeTrains() {
    List<String> ids = line.trainIds();
    double spacing = track.loopM / trains.length;
    double hour = hourOfDay(0);
    for (int i = 0; i < trains.length; i++) {
      TrainState t = new TrainState(i, ids.get(i), SimRandom.forKey(settings.seed(), "train", ids.get(i)));
      double s = i * spacing;
      int stop = track.firstStopAfter(s - PLATFORM_SNAP_M);
      t.nextStop = stop;
      if (track.distanceAhead(s, track.stopM[stop]) <= PLATFORM_SNAP_M) {
        s = track.stopM[stop];
        t.atPlatform = true;
        t.passengers = demand.initialLoad(stop, hour);
        t.departAt = t.random.uniform(0, StationOperations.dwellTime(0, t.random));
      } else {
        t.passengers = demand.initialLoad((stop + track.stopCount - 1) % track.stopCount, hour);
      }
      t.s = s;
      t.zone = track.zoneOf(s);
      t.block = track.blockOf(s);
      signalling.occupy(t.block, i);
      disruptions.scheduleFirst(t, 0);
      trains[i] = t;
    }
    // Speeds need every train's block, for the authorities.
    for (TrainState t : trains) {
      if (!t.atPlatform) {
        t.v = driver.initialSpeed(t);
        t.motion = t.v > 0 ? Motion.CRUISING : Motion.STOPPED;
      }
    }
  }

  /** The current tick: 0 right after construction, when the state is that at {@code simStart}. */
  public long ticks() {
    return ticks;
  }

  /** Simulation time of the current tick. */
  public Instant time() {
    return simStart.plus(settings.tick().multipliedBy(ticks));
  }

  public Line line() {
    return line;
  }

  /** Simulates one tick. */
  public void advance() {
    for (int i = 0; i < stepsPerTick; i++) {
      step();
    }
    ticks++;
  }

  /** Fast-forwards to {@code tick} without building snapshots, e.g. to resume from a stored offset. */
  public void advanceTo(long tick) {
    if (tick < ticks) {
      throw new IllegalArgumentException("cannot go back from tick " + ticks + " to " + tick);
    }
    while (ticks < tick) {
      advance();
    }
  }

  private void step() {
    steps++;
    double now = steps * stepS;
    double hour = hourOfDay(now);
    for (TrainState t : trains) {
      stepTrain(t, now, hour);
    }
  }

  private void stepTrain(TrainState t, double now, double hour) {
    if (now >= t.nextIncidentAt || now >= t.nextFaultAt) {
      disruptions.apply(t, now, stations);
    }
    switch (t.service) {
      case WITHDRAWN -> {
        if (now >= t.returnAt && stations.tryRejoin(t, now, hour)) {
          disruptions.afterRejoin(t, now);
        }
        return;
      }
      case DETRAINING -> {
        if (now >= t.departAt) {
          stations.withdraw(t, now, disruptions.repairTime(t));
        }
        return;
      }
      default -> {}
    }
    if (t.atPlatform) {
      if (now < t.departAt) {
        return;
      }
      stations.depart(t, now);
    }
    if (driver.drive(t, now)) {
      stations.arrive(t, now, hour);
    }
  }

  private double hourOfDay(double elapsedS) {
    double second = (startSecondOfDay + elapsedS) % 86_400;
    return second / 3600;
  }

  /** Every train of the line at the current tick, in train order. */
  public List<TrainSnapshot> snapshots() {
    Instant time = time();
    double now = steps * stepS;
    List<TrainSnapshot> out = new ArrayList<>(trains.length);
    for (TrainState t : trains) {
      out.add(snapshot(t, time, now));
    }
    return List.copyOf(out);
  }

  private TrainSnapshot snapshot(TrainState t, Instant time, double now) {
    int stopsInLoop = track.stopCount;
    int at = t.atPlatform ? t.nextStop : (t.nextStop + stopsInLoop - 1) % stopsInLoop;
    int next = t.atPlatform ? (t.nextStop + 1) % stopsInLoop : t.nextStop;
    double positionM = track.linePositionM(t.s);
    double[] coordinates = track.coordinates(positionM);
    boolean inService = t.service == TrainState.Service.IN_SERVICE;
    double powerKw = t.service == TrainState.Service.WITHDRAWN
        ? stock.standbyPowerKw()
        : stock.powerKw(t.v, t.a, t.motion, t.passengers);
    powerKw = Math.round(powerKw * 10) / 10.0;
    List<String> alerts = new ArrayList<>(2);
    if (t.passengers > settings.passengerAlertThreshold()) {
      alerts.add(TrainSnapshot.OVERCROWDING);
    }
    if (powerKw > settings.powerAlertThresholdKw()) {
      alerts.add(TrainSnapshot.HIGH_POWER);
    }
    return new TrainSnapshot(t.id, line.id(), ticks, time,
        track.stationId(at), track.stationId(next),
        round(coordinates[0], 1e6), round(coordinates[1], 1e6), round(positionM / 1000, 1e3),
        // Rounded down so rounding can never lift a speed over its limit.
        Math.floor(t.v * 3.6 * 100) / 100,
        t.passengers, stock.capacity(), powerKw, t.status(now),
        inService ? t.motion : Motion.STOPPED, alerts, t.block, track.zoneLimitKmh[t.zone]);
  }

  private static double round(double value, double scale) {
    return Math.round(value * scale) / scale;
  }
}
