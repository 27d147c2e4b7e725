package io.github.variantconnect.ats.sim;

import java.util.List;

/**
 * Passengers of one line: people arrive on each platform at a rate that follows the time of day, board
 * the next train with room, and leave it at a station chosen in proportion to the stations' weights
 * (a gravity model), so loads build towards the city centre and fall away towards the terminals.
 *
 * <p>Calibration: {@link #PEAK_BOARDINGS_PER_HOUR} is set so that over a day the fleet averages on the
 * order of a hundred passengers per train, while at the height of the peaks the trains through the
 * busiest central stations run above the 600-passenger alert level for a few percent of the day.
 */
final class PassengerDemand {

  /** Boardings per hour, both directions, at a station of weight 1 when {@link #profile} is 1. */
  static final double PEAK_BOARDINGS_PER_HOUR = 1300;
  /** People give up or are turned away at the gates beyond this many waiting on one platform. */
  private static final double MAX_WAITING = 2500;

  private final int stationCount;
  private final int capacity;
  private final SimRandom random;
  private final double[] boardingRate;
  private final double[] alightingShare;
  private final double[] meanLoad;
  private final double[] waiting;
  private final double[] updatedAt;

  /**
   * @param headwayS expected time between trains, used for the state at the simulation start
   * @param startHour UTC hour of day at the simulation start
   */
  PassengerDemand(LineTrack track, int capacity, SimRandom random, double headwayS, double startHour) {
    this.stationCount = track.line.stations().size();
    this.capacity = capacity;
    this.random = random;
    double[] weight = stationWeights(track.line, random);
    int stops = track.stopCount;
    double[] stopWeight = new double[stops + 1];
    for (int k = 0; k <= stops; k++) {
      stopWeight[k] = weight[track.stopStation[k % stops]];
    }
    double total = 0;
    for (double w : weight) {
      total += w;
    }
    boardingRate = new double[stops];
    alightingShare = new double[stops];
    for (int k = 0; k < stops; k++) {
      double ahead = 0;
      for (int j = k + 1; j <= endOfRunFrom(k); j++) {
        ahead += stopWeight[j];
      }
      boardingRate[k] = PEAK_BOARDINGS_PER_HOUR / 3600 * stopWeight[k] * ahead / (total - stopWeight[k]);
      double remaining = 0;
      for (int j = k; j <= endOfRunInto(k); j++) {
        remaining += stopWeight[j];
      }
      alightingShare[k] = k == 0 || k == stationCount - 1 ? 1 : stopWeight[k] / remaining;
    }
    meanLoad = new double[stops];
    double load = 0;
    for (int k = 0; k < stops; k++) {
      load = load * (1 - alightingShare[k]) + boardingRate[k] * headwayS;
      meanLoad[k] = Math.min(capacity, load);
    }
    waiting = new double[stops];
    updatedAt = new double[stops];
    for (int k = 0; k < stops; k++) {
      waiting[k] = boardingRate[k] * profile(startHour) * headwayS / 2;
    }
  }

  /**
   * Weights of the stations: busier towards the middle of the line, where radial lines cross the
   * centre, busier at the terminals (bus and park-and-ride interchanges), and varied per station.
   */
  private static double[] stationWeights(Line line, SimRandom random) {
    List<Station> stations = line.stations();
    double length = line.lengthKm();
    double[] w = new double[stations.size()];
    for (int i = 0; i < w.length; i++) {
      double x = (stations.get(i).positionKm() - length / 2) / (0.25 * length);
      double centrality = 0.5 + 2.0 * StrictMath.exp(-x * x);
      double terminal = i == 0 || i == w.length - 1 ? 1.5 : 1.0;
      w[i] = centrality * terminal * random.uniform(0.6, 1.4);
    }
    return w;
  }

  /** Last stop index (in the extended 0..stopCount range) of the run a train starts at stop k. */
  private int endOfRunFrom(int k) {
    return k < stationCount - 1 ? stationCount - 1 : 2 * stationCount - 2;
  }

  /** Last stop index of the run a train is on when it arrives at stop k (k > 0). */
  private int endOfRunInto(int k) {
    return k <= stationCount - 1 ? stationCount - 1 : 2 * stationCount - 2;
  }

  /**
   * Relative demand by UTC hour: a night trough, a day level, a sharp morning peak at 08:00 and a
   * broader evening peak around 17:45.
   */
  static double profile(double hour) {
    double day = 0.05 + 0.30 * ramp(hour, 5.0, 7.0) * (1 - ramp(hour, 21.0, 24.0));
    return day + 1.0 * bump(hour, 8.0, 0.9) + 0.85 * bump(hour, 17.75, 1.2);
  }

  private static double ramp(double x, double from, double to) {
    return x <= from ? 0 : x >= to ? 1 : (x - from) / (to - from);
  }

  private static double bump(double x, double mean, double sd) {
    double z = (x - mean) / sd;
    return StrictMath.exp(-0.5 * z * z);
  }

  /** Typical load of a train that has just left stop k, at the simulation start. */
  int initialLoad(int stop, double hour) {
    return (int) Math.round(Math.min(capacity, meanLoad[stop] * profile(hour)));
  }

  /** Passengers leaving a train of {@code onboard} at stop k; everyone at a terminal. */
  int alight(int stop, int onboard, SimRandom r) {
    if (alightingShare[stop] >= 1) {
      return onboard;
    }
    int n = (int) Math.floor(onboard * alightingShare[stop] + r.nextDouble());
    return Math.min(onboard, n);
  }

  /** Passengers boarding at stop k, as many as are waiting and fit. */
  int board(int stop, int onboard, double now, double hourNow) {
    accumulate(stop, now, hourNow);
    int n = (int) Math.min(Math.floor(waiting[stop]), capacity - onboard);
    n = Math.max(0, n);
    waiting[stop] -= n;
    return n;
  }

  /** Passengers put off a failed train wait on the platform for the next one. */
  void strand(int stop, int passengers) {
    waiting[stop] = Math.min(MAX_WAITING, waiting[stop] + passengers);
  }

  private void accumulate(int stop, double now, double hourNow) {
    double elapsed = now - updatedAt[stop];
    if (elapsed <= 0) {
      return;
    }
    double midHour = hourNow - elapsed / 7200;
    midHour = midHour < 0 ? midHour + 24 : midHour;
    double mean = boardingRate[stop] * profile(midHour) * elapsed;
    double arrivals = Math.max(0, mean + Math.sqrt(mean) * random.gaussian());
    waiting[stop] = Math.min(MAX_WAITING, waiting[stop] + arrivals);
    updatedAt[stop] = now;
  }
}
