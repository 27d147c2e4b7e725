package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RollingStockTest {

  private static final RollingStock STOCK = RollingStock.METRO_4_CAR;
  private static final double KMH = 1 / 3.6;

  @Test
  void cruisingDrawsAFewHundredKilowattsAtMost() {
    assertThat(STOCK.powerKw(50 * KMH, 0, Motion.CRUISING, 200)).isBetween(80.0, 150.0);
    assertThat(STOCK.powerKw(85 * KMH, 0, Motion.CRUISING, 200)).isBetween(150.0, 300.0);
  }

  @Test
  void acceleratingDrawsMegawatts() {
    double v = 30 * KMH;
    double power = STOCK.powerKw(v, STOCK.maxAcceleration(v, 300), Motion.ACCELERATING, 300);
    assertThat(power).isBetween(1000.0, 2000.0);
  }

  @Test
  void standingAndCoastingTrainsDrawOnlyAuxiliaries() {
    assertThat(STOCK.powerKw(0, 0, Motion.STOPPED, 500)).isEqualTo(45.0);
    assertThat(STOCK.powerKw(60 * KMH, -0.04, Motion.COASTING, 500)).isEqualTo(45.0);
    assertThat(STOCK.standbyPowerKw()).isPositive().isLessThan(45.0);
  }

  @Test
  void brakingRegeneratesExceptAtWalkingPace() {
    assertThat(STOCK.powerKw(60 * KMH, -0.9, Motion.BRAKING, 300)).isLessThan(-200.0);
    assertThat(STOCK.powerKw(3 * KMH, -0.9, Motion.BRAKING, 300)).isEqualTo(45.0);
  }

  @Test
  void tractionFadesWithSpeedAndLoad() {
    assertThat(STOCK.maxAcceleration(0, 0)).isEqualTo(1.1);
    assertThat(STOCK.maxAcceleration(80 * KMH, 0)).isLessThan(STOCK.maxAcceleration(40 * KMH, 0));
    assertThat(STOCK.maxAcceleration(60 * KMH, 1100)).isLessThan(STOCK.maxAcceleration(60 * KMH, 0));
  }

  @Test
  void runningResistanceGrowsWithSpeed() {
    double mass = STOCK.massKg(200);
    assertThat(STOCK.resistanceN(0, mass)).isZero();
    assertThat(STOCK.resistanceN(20, mass)).isGreaterThan(STOCK.resistanceN(10, mass));
    assertThat(STOCK.coastingDeceleration(20, 200)).isBetween(0.01, 0.1);
  }
}
