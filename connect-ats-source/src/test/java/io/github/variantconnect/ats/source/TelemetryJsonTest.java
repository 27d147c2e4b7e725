package io.github.variantconnect.ats.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.ats.sim.LineSimulation;
import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.sim.Motion;
import io.github.variantconnect.ats.sim.SimulationSettings;
import io.github.variantconnect.ats.sim.TrainSnapshot;
import io.github.variantconnect.ats.sim.TrainStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** The json value format against the converter it stands in for, event by event. */
class TelemetryJsonTest {

  private final JsonConverter converter = converter();
  private final TelemetryJson json = new TelemetryJson();

  private static JsonConverter converter() {
    JsonConverter converter = new JsonConverter();
    converter.configure(Map.of("schemas.enable", "false"), false);
    return converter;
  }

  private String viaConverter(TrainSnapshot s) {
    return new String(converter.fromConnectData("t", TelemetrySchema.VALUE, TelemetrySchema.toStruct(s)),
        StandardCharsets.UTF_8);
  }

  private String direct(TrainSnapshot s) {
    return new String(json.write(s), StandardCharsets.UTF_8);
  }

  @Test
  void simulatedEventsAreByteForByteWhatTheJsonConverterWrites() {
    MetroNetwork network = MetroNetwork.defaultNetwork();
    int compared = 0;
    int withAlerts = 0;
    // Morning peak (overcrowding), night, and frequent incidents (delays, withdrawn trains).
    List<SimulationSettings> settings = List.of(SimulationSettings.defaults(42),
        SimulationSettings.defaults(7).withIncidentRates(60, 12));
    for (SimulationSettings setting : settings) {
      for (String start : List.of("2026-01-05T07:30:00Z", "2026-01-05T23:50:00.250Z")) {
        for (var line : network.lines()) {
          LineSimulation sim = new LineSimulation(line, setting, Instant.parse(start));
          for (int tick = 0; tick < 150; tick++) {
            for (TrainSnapshot s : sim.snapshots()) {
              assertThat(direct(s)).as("%s-%d", s.trainId(), s.seq()).isEqualTo(viaConverter(s));
              compared++;
              withAlerts += s.alerts().isEmpty() ? 0 : 1;
            }
            sim.advance();
          }
        }
      }
    }
    assertThat(compared).isEqualTo(4 * 150 * network.trainCount());
    assertThat(withAlerts).isPositive();
  }

  @Test
  void textIsEscapedAsTheJsonConverterEscapesIt() {
    List<String> texts = List.of("plain", "quote \" and backslash \\", "tab\tnewline\nreturn\r", "\u0001\u001f\u007f",
        "slash / <tag>", "Zürich Hauptbahnhof", "東京", "emoji \ud83d\ude86", "");
    for (String text : texts) {
      TrainSnapshot s = snapshot(text, text, text, 1, 47.123456, 8.5, 1.5, 40.5, 123.4, List.of("OVERCROWDING", text));
      assertThat(direct(s)).as(text).isEqualTo(viaConverter(s));
    }
  }

  @Test
  void numbersOfEveryMagnitudeAreWrittenAsTheJsonConverterWritesThem() {
    Random random = new Random(3);
    double[] special = {0, -0.0, 0.0004, -0.0004, 0.000999, 0.001, 0.0015, 9_999_999.94, 9_999_999.96, 1e7, 1.5e12,
        -1e7, 123456.789, 0.1, 0.2, 0.3, 1e-7, -3e-6, Double.NaN, Double.POSITIVE_INFINITY};
    List<double[]> values = new ArrayList<>();
    for (double v : special) {
      values.add(new double[] {v, v, v, v, v});
    }
    for (int i = 0; i < 20_000; i++) {
      double scale = Math.pow(10, random.nextInt(16) - 7);
      values.add(new double[] {(random.nextDouble() * 180 - 90) * scale, (random.nextDouble() * 360 - 180) * scale,
          random.nextDouble() * 100 * scale, random.nextDouble() * 160, (random.nextDouble() - 0.3) * 2000 * scale});
    }
    for (double[] v : values) {
      TrainSnapshot s = snapshot("S1", "S2", "L1-T01", random.nextInt(Integer.MAX_VALUE), v[0], v[1], v[2], v[3], v[4],
          List.of());
      assertThat(direct(s)).isEqualTo(viaConverter(s));
    }
  }

  private static TrainSnapshot snapshot(String station, String next, String train, long seq, double latitude,
      double longitude, double positionKm, double speedKmh, double powerKw, List<String> alerts) {
    return new TrainSnapshot(train, "L\"1", seq, Instant.parse("2026-01-05T07:30:00Z").plusMillis(seq), station, next,
        latitude, longitude, positionKm, speedKmh, 400, 1100, powerKw, TrainStatus.DELAYED, Motion.BRAKING, alerts, 3,
        80);
  }
}
