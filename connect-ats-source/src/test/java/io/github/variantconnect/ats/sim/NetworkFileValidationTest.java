package io.github.variantconnect.ats.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad network file must be rejected with its JSON line and the path of the field at fault. */
class NetworkFileValidationTest {

  private static NetworkFileException rejected(String json) {
    NetworkFileException e = catchThrowableOfType(NetworkFileException.class, () -> MetroNetwork.parse(json));
    assertThat(e).as("expected the network to be rejected").isNotNull();
    return e;
  }

  private static void assertRejected(String json, int line, String field, String problem) {
    NetworkFileException e = rejected(json);
    assertThat(e.getMessage()).startsWith("line " + line + ", column ").contains(field).contains(problem);
    assertThat(e.lineNumber()).isEqualTo(line);
    assertThat(e.columnNumber()).isPositive();
    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void theSampleIsValid() throws NetworkFileException {
    MetroNetwork network = MetroNetwork.parse(NetworkJson.valid());
    Line line = network.line("A").orElseThrow();
    assertThat(line.stations()).extracting(Station::id).containsExactly("A1", "A2", "A3");
    assertThat(line.speedRestrictions()).containsExactly(new SpeedRestriction(1.8, 2.2, 40));
    assertThat(line.trainIds()).containsExactly("A-T01", "A-T02", "A-T03", "A-T04");
  }

  @Test
  void missingField() {
    assertRejected(NetworkJson.validWith("\"latitude\": 47.01, ", ""), 12,
        "lines[0].stations[1].latitude", "is missing");
  }

  @Test
  void wrongType() {
    assertRejected(NetworkJson.validWith("\"trainCount\": 4", "\"trainCount\": \"4\""), 7,
        "lines[0].trainCount", "must be an integer, got the string \"4\"");
    assertRejected(NetworkJson.validWith("\"trainCount\": 4", "\"trainCount\": 4.5"), 7,
        "lines[0].trainCount", "must be an integer, got 4.5");
    assertRejected(NetworkJson.validWith("\"speedLimitKmh\": 80", "\"speedLimitKmh\": true"), 6,
        "lines[0].speedLimitKmh", "must be a number");
    assertRejected(NetworkJson.validWith("\"name\": \"Two\"", "\"name\": 2"), 12,
        "lines[0].stations[1].name", "must be a string");
  }

  @Test
  void positionsMustIncrease() {
    assertRejected(NetworkJson.validWith("\"positionKm\": 3.0", "\"positionKm\": 1.5"), 13,
        "lines[0].stations[2].positionKm", "must be greater than the previous station's (1.5)");
  }

  @Test
  void firstStationIsAtZero() {
    assertRejected(NetworkJson.validWith("\"positionKm\": 0,", "\"positionKm\": 0.2,"), 11,
        "lines[0].stations[0].positionKm", "must be 0 for the first station");
  }

  @Test
  void atLeastTwoStations() {
    String json = NetworkJson.valid().replaceAll("(?m)^.*\"id\": \"A[23]\".*\\n", "")
        .replace("\"longitude\": 9.0},", "\"longitude\": 9.0}");
    assertRejected(json, 10, "lines[0].stations", "must list at least 2 stations, got 1");
  }

  @Test
  void trainCountMustFitTheBlocks() {
    // 3 km in blocks of 0.5 km: 6 blocks each way, 12 in all, so at most 6 trains.
    assertRejected(NetworkJson.validWith("\"trainCount\": 4", "\"trainCount\": 7"), 7,
        "lines[0].trainCount", "(7) is more than half of the line's 12 blocks");
    assertRejected(NetworkJson.validWith("\"trainCount\": 4", "\"trainCount\": 0"), 7,
        "lines[0].trainCount", "must be at least 1");
  }

  @Test
  void duplicateIds() {
    assertRejected(NetworkJson.validWith("{\"id\": \"A3\"", "{\"id\": \"A1\""), 13,
        "lines[0].stations[2].id", "\"A1\" is already used by lines[0].stations[0]");
    String secondLine = NetworkJson.valid().substring(NetworkJson.valid().indexOf("    {"),
        NetworkJson.valid().lastIndexOf("    }") + 5);
    String twoLines = NetworkJson.valid().replace("    }\n  ]", "    },\n" + secondLine + "\n  ]");
    // The second copy starts on line 16, so its id is on line 17.
    assertRejected(twoLines, 17, "lines[1].id", "\"A\" is already used by lines[0]");
  }

  @Test
  void valuesOutOfRange() {
    assertRejected(NetworkJson.validWith("\"latitude\": 47.01", "\"latitude\": 95"), 12,
        "lines[0].stations[1].latitude", "must be between -90 and 90, got 95");
    assertRejected(NetworkJson.validWith("\"blockLengthKm\": 0.5", "\"blockLengthKm\": 0.05"), 8,
        "lines[0].blockLengthKm", "must be between 0.2 and 10");
    assertRejected(NetworkJson.validWith("\"speedLimitKmh\": 80", "\"speedLimitKmh\": 400"), 6,
        "lines[0].speedLimitKmh", "must be between 5 and 160");
  }

  @Test
  void speedRestrictions() {
    assertRejected(NetworkJson.validWith("\"toKm\": 2.2", "\"toKm\": 1.2"), 9,
        "lines[0].speedRestrictions[0].toKm", "must be greater than fromKm (1.8)");
    assertRejected(NetworkJson.validWith("\"toKm\": 2.2", "\"toKm\": 3.5"), 9,
        "lines[0].speedRestrictions[0].toKm", "must be between 0 and 3");
    assertRejected(NetworkJson.validWith("\"limitKmh\": 40", "\"limitKmh\": 90"), 9,
        "lines[0].speedRestrictions[0].limitKmh", "must be between 5 and 80");
  }

  @Test
  void unknownAndRepeatedFields() {
    assertRejected(NetworkJson.validWith("\"trainCount\": 4", "\"trainCont\": 4"), 7,
        "lines[0].trainCont", "is not a known field");
    assertRejected(NetworkJson.validWith("\"blockLengthKm\": 0.5", "\"name\": \"again\""), 8,
        "name", "appears twice");
  }

  @Test
  void structure() {
    assertRejected("[]", 1, "the network", "must be a JSON object");
    assertRejected("{\n  \"lines\": []\n}", 2, "lines", "must list at least one line");
    assertRejected("{\n  \"name\": \"x\"\n}", 1, "lines", "is missing");
    assertRejected(NetworkJson.validWith("[{\"fromKm\": 1.8, \"toKm\": 2.2, \"limitKmh\": 40}]", "5"), 9,
        "lines[0].speedRestrictions", "must be an array, got 5");
    assertRejected(NetworkJson.validWith("{\"id\": \"A2\", \"name\": \"Two\", \"positionKm\": 1.5, "
        + "\"latitude\": 47.01, \"longitude\": 9.01}", "\"A2\""), 12,
        "lines[0].stations[1]", "must be an object, got the string \"A2\"");
  }

  @Test
  void malformedJsonNamesTheLine() {
    NetworkFileException e = rejected(NetworkJson.validWith("\"trainCount\": 4,", "\"trainCount\": 4"));
    assertThat(e.lineNumber()).isEqualTo(8);
    assertThat(e.getMessage()).startsWith("line 8, column ").contains("malformed JSON");
    assertThat(rejected("").getMessage()).contains("empty");
    assertThat(rejected(NetworkJson.valid() + "{}").getMessage()).contains("unexpected content");
  }

  @Test
  void loadNamesTheFile(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.json");
    Files.writeString(good, NetworkJson.valid());
    assertThat(MetroNetwork.load(good)).isEqualTo(MetroNetwork.parse(NetworkJson.valid()));

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, NetworkJson.validWith("\"positionKm\": 3.0", "\"positionKm\": 1.5"));
    NetworkFileException e = catchThrowableOfType(NetworkFileException.class, () -> MetroNetwork.load(bad));
    assertThat(e.getMessage()).startsWith(bad + ": line 13, column ")
        .contains("lines[0].stations[2].positionKm");
    assertThat(e.lineNumber()).isEqualTo(13);

    Path missing = dir.resolve("missing.json");
    NetworkFileException notFound = catchThrowableOfType(NetworkFileException.class,
        () -> MetroNetwork.load(missing));
    assertThat(notFound.getMessage()).contains("cannot read network file").contains("missing.json");
  }

  @Test
  void shippedExampleIsValid() throws Exception {
    Path example = Path.of("src/connect-plugin/etc/network-example.json");
    MetroNetwork network = MetroNetwork.load(example);
    assertThat(network.lines()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(network.trainIds()).hasSize(network.trainCount()).doesNotHaveDuplicates();
  }

  @Test
  void programmaticNetworksCheckIdsToo() {
    Line line = MetroNetwork.defaultNetwork().lines().get(0);
    assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> MetroNetwork.of(List.of(line, line))))
        .hasMessageContaining("duplicate line id " + line.id());
  }
}
