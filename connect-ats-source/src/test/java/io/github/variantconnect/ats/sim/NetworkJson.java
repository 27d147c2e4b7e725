package io.github.variantconnect.ats.sim;

/** A small valid network file whose line numbers the validation tests refer to. */
final class NetworkJson {

  private NetworkJson() {}

  /**
   * Line numbers: 4 id, 6 speedLimitKmh, 7 trainCount, 8 blockLengthKm, 9 speedRestrictions,
   * 10 stations, 11–13 the three stations.
   */
  static String valid() {
    return """
        {
          "lines": [
            {
              "id": "A",
              "name": "Line A",
              "speedLimitKmh": 80,
              "trainCount": 4,
              "blockLengthKm": 0.5,
              "speedRestrictions": [{"fromKm": 1.8, "toKm": 2.2, "limitKmh": 40}],
              "stations": [
                {"id": "A1", "name": "One", "positionKm": 0, "latitude": 47.0, "longitude": 9.0},
                {"id": "A2", "name": "Two", "positionKm": 1.5, "latitude": 47.01, "longitude": 9.01},
                {"id": "A3", "name": "Three", "positionKm": 3.0, "latitude": 47.02, "longitude": 9.02}
              ]
            }
          ]
        }
        """;
  }

  /** {@link #valid()} with one exact piece of text replaced; fails if the text is not there. */
  static String validWith(String target, String replacement) {
    String json = valid();
    if (!json.contains(target)) {
      throw new IllegalArgumentException("not in the sample network: " + target);
    }
    return json.replace(target, replacement);
  }
}
