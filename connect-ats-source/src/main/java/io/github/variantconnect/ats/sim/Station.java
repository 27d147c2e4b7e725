package io.github.variantconnect.ats.sim;

import java.util.Objects;

/**
 * A stop on a line.
 *
 * @param id station id, unique within its line (interchanges may reuse a name, and ids across lines)
 * @param name display name
 * @param positionKm distance along the line from its first station
 * @param latitude WGS84 latitude in degrees
 * @param longitude WGS84 longitude in degrees
 */
public record Station(String id, String name, double positionKm, double latitude, double longitude) {

  public Station {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (!Double.isFinite(positionKm) || positionKm < 0) {
      throw new IllegalArgumentException("station " + id + ": positionKm must be >= 0, got " + positionKm);
    }
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("station " + id + ": latitude/longitude out of range");
    }
  }
}
