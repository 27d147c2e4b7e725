package io.github.variantconnect.ats.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A two-track metro line: stations in order from the first terminal, a line speed limit with optional
 * lower restrictions, and the number of trains it runs. Construction checks the invariants the
 * simulation relies on; {@link MetroNetwork#parse} reports the same problems with their JSON location.
 *
 * @param id line id, letters, digits, '_' and '-' (it prefixes train ids)
 * @param name display name
 * @param stations at least two, first at 0 km, positions strictly increasing
 * @param speedLimitKmh line speed where no restriction applies
 * @param trainCount trains in service; at most one per block, and at most half the blocks
 * @param blockLengthKm nominal fixed-block length; each direction is cut into equal blocks no longer than it
 * @param speedRestrictions lower limits over stretches of the line, in both directions
 */
public record Line(
    String id,
    String name,
    List<Station> stations,
    double speedLimitKmh,
    int trainCount,
    double blockLengthKm,
    List<SpeedRestriction> speedRestrictions) {

  public static final double DEFAULT_BLOCK_LENGTH_KM = 0.5;
  /** Shorter blocks than this could not hold a train braking from line speed (see TrainDriver). */
  public static final double MIN_BLOCK_LENGTH_KM = 0.2;
  public static final double MAX_SPEED_LIMIT_KMH = 160;

  public Line {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("line id must use letters, digits, '_' or '-', got '" + id + "'");
    }
    stations = List.copyOf(stations);
    speedRestrictions = List.copyOf(speedRestrictions);
    if (stations.size() < 2) {
      throw new IllegalArgumentException("line " + id + " needs at least 2 stations");
    }
    checkStations(id, stations);
    if (!(speedLimitKmh >= 5 && speedLimitKmh <= MAX_SPEED_LIMIT_KMH)) {
      throw new IllegalArgumentException("line " + id + ": speedLimitKmh must be within [5, 160]");
    }
    if (!(blockLengthKm >= MIN_BLOCK_LENGTH_KM) || !Double.isFinite(blockLengthKm)) {
      throw new IllegalArgumentException("line " + id + ": blockLengthKm must be >= " + MIN_BLOCK_LENGTH_KM);
    }
    double lengthKm = stations.get(stations.size() - 1).positionKm();
    for (SpeedRestriction r : speedRestrictions) {
      if (r.toKm() > lengthKm || r.limitKmh() < 5) {
        throw new IllegalArgumentException("line " + id + ": speed restriction " + r
            + " must lie within the line and allow at least 5 km/h");
      }
    }
    int blocks = blocksPerDirection(lengthKm, blockLengthKm);
    if (trainCount < 1 || trainCount > blocks) {
      throw new IllegalArgumentException("line " + id + ": trainCount must be within [1, " + blocks
          + "] (half of its " + 2 * blocks + " blocks)");
    }
  }

  /** A line without speed restrictions. */
  public Line(String id, String name, List<Station> stations, double speedLimitKmh, int trainCount,
      double blockLengthKm) {
    this(id, name, stations, speedLimitKmh, trainCount, blockLengthKm, List.of());
  }

  private static void checkStations(String lineId, List<Station> stations) {
    if (stations.get(0).positionKm() != 0) {
      throw new IllegalArgumentException("line " + lineId + ": the first station must be at 0 km");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < stations.size(); i++) {
      Station s = stations.get(i);
      if (!ids.add(s.id())) {
        throw new IllegalArgumentException("line " + lineId + ": duplicate station id " + s.id());
      }
      if (i > 0 && s.positionKm() <= stations.get(i - 1).positionKm()) {
        throw new IllegalArgumentException("line " + lineId + ": station positions must increase");
      }
    }
  }

  /** Blocks per direction: equal blocks, none longer than {@code blockLengthKm}. */
  static int blocksPerDirection(double lengthKm, double blockLengthKm) {
    // The epsilon keeps 10 km / 0.5 km at 20 blocks rather than 21 after rounding noise.
    return Math.max(1, (int) Math.ceil(lengthKm / blockLengthKm - 1e-9));
  }

  /** Train ids in train order: {@code <line>-T01}, {@code <line>-T02}, ... */
  public List<String> trainIds() {
    List<String> ids = new ArrayList<>(trainCount);
    for (int i = 1; i <= trainCount; i++) {
      ids.add(String.format("%s-T%02d", id, i));
    }
    return List.copyOf(ids);
  }

  /** Distance between the terminals. */
  public double lengthKm() {
    return stations.get(stations.size() - 1).positionKm();
  }

  /** Blocks per direction; the line has twice as many, one track each way. */
  public int blocksPerDirection() {
    return blocksPerDirection(lengthKm(), blockLengthKm);
  }

  /** The civil speed limit at a line position: the lowest restriction covering it, else the line limit. */
  public double speedLimitAtKm(double positionKm) {
    double limit = speedLimitKmh;
    for (SpeedRestriction r : speedRestrictions) {
      if (r.covers(positionKm)) {
        limit = Math.min(limit, r.limitKmh());
      }
    }
    return limit;
  }
}
