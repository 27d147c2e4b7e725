package io.github.variantconnect.ats.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A line as its trains see it, in metres and m/s. The two tracks are modelled as one loop: the loop
 * coordinate {@code s} runs from 0 to L along the outbound track and on from L to 2L back along the
 * inbound track. A train's {@code s} therefore only grows (modulo 2L), and reversing at a terminal is
 * an ordinary stop at {@code s = L} or {@code s = 0}. Stops, fixed blocks and speed zones are laid out
 * on the loop; the line position of a loop coordinate is {@code s} outbound and {@code 2L - s} inbound.
 */
final class LineTrack {

  final Line line;
  final double lengthM;
  final double loopM;

  /** Fixed blocks: outbound {@code 0..n-1}, inbound {@code n..2n-1}, all {@link #blockM} long. */
  final int blockCount;
  final double blockM;

  /** Stops in loop order: outbound stations 0..n-1, then inbound n-2..1 (2n-2 stops). */
  final int stopCount;
  final double[] stopM;
  final int[] stopStation;
  final int[] stopBlock;
  /** Distance from the previous stop to this one. */
  final double[] approachM;

  /** Speed zones: zone z covers {@code [zoneStartM[z], zoneStartM[z+1])}; the last ends at the loop end. */
  final int zoneCount;
  final double[] zoneStartM;
  final double[] zoneLimitMs;
  final double[] zoneLimitKmh;

  private final double[] stationM;

  LineTrack(Line line) {
    this.line = line;
    List<Station> stations = line.stations();
    int n = stations.size();
    stationM = new double[n];
    for (int i = 0; i < n; i++) {
      stationM[i] = stations.get(i).positionKm() * 1000;
    }
    lengthM = stationM[n - 1];
    loopM = 2 * lengthM;
    blockCount = 2 * line.blocksPerDirection();
    blockM = loopM / blockCount;

    stopCount = 2 * n - 2;
    stopM = new double[stopCount];
    stopStation = new int[stopCount];
    for (int k = 0; k < stopCount; k++) {
      int station = k < n ? k : 2 * n - 2 - k;
      stopStation[k] = station;
      stopM[k] = k < n ? stationM[station] : loopM - stationM[station];
    }
    stopBlock = new int[stopCount];
    approachM = new double[stopCount];
    for (int k = 0; k < stopCount; k++) {
      stopBlock[k] = blockOf(stopM[k]);
      approachM[k] = distanceAhead(stopM[(k + stopCount - 1) % stopCount], stopM[k]);
    }

    List<double[]> zones = speedZones(line);
    zoneCount = zones.size();
    zoneStartM = new double[zoneCount + 1];
    zoneLimitKmh = new double[zoneCount];
    zoneLimitMs = new double[zoneCount];
    for (int z = 0; z < zoneCount; z++) {
      zoneStartM[z] = zones.get(z)[0];
      zoneLimitKmh[z] = zones.get(z)[1];
      zoneLimitMs[z] = zoneLimitKmh[z] / 3.6;
    }
    zoneStartM[zoneCount] = loopM;
  }

  /** Zones as {start, limitKmh}, adjacent zones with equal limits merged. */
  private List<double[]> speedZones(Line line) {
    TreeSet<Double> cuts = new TreeSet<>(List.of(0.0));
    for (SpeedRestriction r : line.speedRestrictions()) {
      cuts.add(r.fromKm() * 1000);
      cuts.add(r.toKm() * 1000);
      cuts.add(loopM - r.toKm() * 1000);
      cuts.add(loopM - r.fromKm() * 1000);
    }
    cuts.removeIf(c -> c >= loopM);
    List<double[]> zones = new ArrayList<>();
    Double[] starts = cuts.toArray(new Double[0]);
    for (int i = 0; i < starts.length; i++) {
      double end = i + 1 < starts.length ? starts[i + 1] : loopM;
      double mid = (starts[i] + end) / 2;
      double limit = line.speedLimitAtKm(linePositionM(mid) / 1000);
      if (zones.isEmpty() || zones.get(zones.size() - 1)[1] != limit) {
        zones.add(new double[] {starts[i], limit});
      }
    }
    return zones;
  }

  int blockOf(double s) {
    int b = (int) (s / blockM);
    return Math.min(b, blockCount - 1);
  }

  double blockStartM(int block) {
    return block * blockM;
  }

  int zoneOf(double s) {
    int z = 0;
    while (z + 1 < zoneCount && s >= zoneStartM[z + 1]) {
      z++;
    }
    return z;
  }

  /** Distance travelled going forward round the loop from {@code from} to {@code to}. */
  double distanceAhead(double from, double to) {
    double d = to - from;
    return d < 0 ? d + loopM : d;
  }

  /** Line position (distance from the first station) of a loop coordinate. */
  double linePositionM(double s) {
    return s <= lengthM ? s : loopM - s;
  }

  /** The first stop strictly ahead of {@code s}. */
  int firstStopAfter(double s) {
    for (int k = 0; k < stopCount; k++) {
      if (stopM[k] > s) {
        return k;
      }
    }
    return 0;
  }

  boolean isTerminal(int stop) {
    return stop == 0 || stop == stopCount / 2;
  }

  String stationId(int stop) {
    return line.stations().get(stopStation[stop]).id();
  }

  /** {latitude, longitude} at a line position, interpolated between the neighbouring stations. */
  double[] coordinates(double linePositionM) {
    int i = 0;
    while (i + 2 < stationM.length && linePositionM > stationM[i + 1]) {
      i++;
    }
    Station a = line.stations().get(i);
    Station b = line.stations().get(i + 1);
    double f = (linePositionM - stationM[i]) / (stationM[i + 1] - stationM[i]);
    f = Math.max(0, Math.min(1, f));
    return new double[] {
      a.latitude() + (b.latitude() - a.latitude()) * f, a.longitude() + (b.longitude() - a.longitude()) * f
    };
  }
}
