package io.github.variantconnect.ats.sim;

import java.time.Instant;
import java.util.List;

/**
 * The state of one train at one simulation tick: one telemetry event.
 *
 * @param trainId stable train id, e.g. {@code L1-T01}
 * @param lineId id of the line the train runs on
 * @param seq the tick number; with the train id it identifies the event
 * @param eventTime simulation time of the tick
 * @param stationId the station the train is at, or the one it last left
 * @param nextStationId the next stop in the train's direction of travel
 * @param latitude interpolated between the neighbouring stations
 * @param longitude interpolated between the neighbouring stations
 * @param positionKm distance from the line's first station
 * @param speedKmh current speed, never above {@code speedLimitKmh}
 * @param passengerCount passengers on board, within {@code [0, capacity]}
 * @param capacity crush capacity of the train
 * @param powerKw power drawn from the third rail / catenary; negative while regenerating
 * @param status operational status
 * @param motion traction and brake state
 * @param alerts {@code OVERCROWDING} and/or {@code HIGH_POWER}; empty when none
 * @param blockIndex fixed block the train occupies, or -1 while withdrawn from the running line
 * @param speedLimitKmh the civil speed limit at the train's position
 */
public record TrainSnapshot(
    String trainId,
    String lineId,
    long seq,
    Instant eventTime,
    String stationId,
    String nextStationId,
    double latitude,
    double longitude,
    double positionKm,
    double speedKmh,
    int passengerCount,
    int capacity,
    double powerKw,
    TrainStatus status,
    Motion motion,
    List<String> alerts,
    int blockIndex,
    double speedLimitKmh) {

  public static final String OVERCROWDING = "OVERCROWDING";
  public static final String HIGH_POWER = "HIGH_POWER";

  public TrainSnapshot {
    alerts = List.copyOf(alerts);
  }
}
