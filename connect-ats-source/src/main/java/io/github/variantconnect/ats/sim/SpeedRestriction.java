package io.github.variantconnect.ats.sim;

/**
 * A permanent speed restriction (curve, turnout, bridge) over a stretch of a line, in both directions.
 *
 * @param fromKm where it starts, as a line position
 * @param toKm where it ends, greater than {@code fromKm}
 * @param limitKmh the limit that applies between the two
 */
public record SpeedRestriction(double fromKm, double toKm, double limitKmh) {

  public SpeedRestriction {
    if (!Double.isFinite(fromKm) || !Double.isFinite(toKm) || fromKm < 0 || toKm <= fromKm) {
      throw new IllegalArgumentException(
          "speed restriction must satisfy 0 <= fromKm < toKm, got " + fromKm + ".." + toKm);
    }
    if (!(limitKmh > 0) || !Double.isFinite(limitKmh)) {
      throw new IllegalArgumentException("speed restriction limitKmh must be > 0, got " + limitKmh);
    }
  }

  boolean covers(double positionKm) {
    return positionKm >= fromKm && positionKm < toKm;
  }
}
