package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Property checks over one simulated day of the default network: every train at every 30 s tick. */
class SimulatedDayTest {

  private static final Instant MIDNIGHT = Instant.parse("2025-06-02T00:00:00Z");
  private static final int TICKS_PER_DAY = 2880;
  private static final SimulationSettings SETTINGS = SimulationSettings.defaults(20250602L);

  private static DayStats day;

  @BeforeAll
  static void simulateDay() {
    day = DayStats.simulate(MetroNetwork.defaultNetwork(), SETTINGS, MIDNIGHT, TICKS_PER_DAY);
  }

  @Test
  void coversEveryTrainAtEveryTick() {
    assertThat(day.events).isEqualTo((long) TICKS_PER_DAY * MetroNetwork.defaultNetwork().trainCount());
    assertThat(day.violations("one snapshot per train")).isEmpty();
    assertThat(day.violations("train order")).isEmpty();
    assertThat(day.violations("seq and time")).isEmpty();
  }

  @Test
  void speedNeverExceedsTheLimitAtThePosition() {
    assertThat(day.violations("speed limit")).isEmpty();
  }

  @Test
  void neverTwoTrainsInOneBlock() {
    assertThat(day.violations("one train per block")).isEmpty();
    assertThat(day.violations("block range")).isEmpty();
  }

  @Test
  void passengersStayWithinZeroAndCapacity() {
    assertThat(day.violations("passengers within capacity")).isEmpty();
  }

  @Test
  void powerIsBoundedAndNegativeOnlyWhileBraking() {
    assertThat(day.violations("power bounded")).isEmpty();
    assertThat(day.violations("negative power only while braking")).isEmpty();
    assertThat(day.minPower).as("regenerative braking shows up").isNegative();
    assertThat(day.maxPower).as("acceleration draws megawatts").isGreaterThan(1000);
  }

  @Test
  void alertsFollowTheThresholds() {
    assertThat(day.violations("alerts match thresholds")).isEmpty();
    assertThat(day.overcrowding).isPositive();
    assertThat(day.highPower).isPositive();
  }

  @Test
  void calibrationMatchesTheDataContract() {
    assertThat(day.averagePassengers()).isBetween(30.0, 250.0);
    assertThat(day.averagePowerOfMovingTrains()).isBetween(100.0, 200.0);
    assertThat(day.alertShare()).isGreaterThan(0.0).isLessThan(0.20);
  }

  @Test
  void demandPeaksInTheMorningAndEvening() {
    double night = day.averagePassengersInHour(3);
    double midday = day.averagePassengersInHour(12);
    assertThat(day.averagePassengersInHour(8)).isGreaterThan(2 * midday).isGreaterThan(5 * night);
    assertThat(day.averagePassengersInHour(18)).isGreaterThan(2 * midday);
    assertThat(midday).isGreaterThan(night);
  }

  @Test
  void incidentsAndWithdrawalsHappen() {
    assertThat(day.count(TrainStatus.DELAYED)).isPositive();
    assertThat(day.count(TrainStatus.OUT_OF_SERVICE)).isPositive();
    assertThat(day.trainsSeenDelayed.size()).isGreaterThan(10);
    assertThat(day.trainsSeenOutOfService.size()).isLessThan(30);
  }

  @Test
  void everyStatusAndMotionOccurs() {
    for (TrainStatus status : TrainStatus.values()) {
      assertThat(day.count(status)).as(status.name()).isPositive();
    }
    for (Motion motion : Motion.values()) {
      assertThat(day.motionCounts.getOrDefault(motion, 0L)).as(motion.name()).isPositive();
    }
  }

  @Test
  void trainsAreWhereTheirStationsSayTheyAre() {
    assertThat(day.violations("station ids")).isEmpty();
    assertThat(day.violations("position on the line")).isEmpty();
    assertThat(day.violations("position between station and next station")).isEmpty();
    assertThat(day.violations("latitude interpolated between stations")).isEmpty();
    assertThat(day.violations("dwelling trains stand at their station")).isEmpty();
    assertThat(day.violations("stopped means speed 0")).isEmpty();
  }

  @Test
  void outOfServiceTrainsStandStillAndEmpty() {
    assertThat(day.violations("out-of-service trains stand still")).isEmpty();
    assertThat(day.violations("only empty out-of-service trains leave the running line")).isEmpty();
  }

  @Test
  void everyTrainReachesBothTerminals() {
    assertThat(day.terminalsVisited).hasSize(MetroNetwork.defaultNetwork().trainCount());
    assertThat(day.terminalsVisited.values()).allSatisfy(t -> assertThat(t).hasSize(2));
  }

  @Test
  void noOtherRuleIsBroken() {
    assertThat(day.rulesViolated()).isEmpty();
  }
}
