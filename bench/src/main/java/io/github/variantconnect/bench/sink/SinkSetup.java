package io.github.variantconnect.bench.sink;

import java.util.List;
import java.util.Map;

/** One sink configuration the benchmark times: the shipped config with a few keys changed. */
record SinkSetup(String label, int tasks, Map<String, String> overrides, boolean judged) {

  /**
   * JSON topics can be read as text: the sink then only checks the JSON instead of the worker
   * parsing it into a Map and the sink writing it back out.
   */
  static final Map<String, String> JSON_AS_TEXT = Map.of("value.converter", "org.apache.kafka.connect.storage.StringConverter");

  static List<SinkSetup> all() {
    return List.of(
        new SinkSetup("tasks.max=1 (shipped config: JsonConverter)", 1, Map.of(), true),
        new SinkSetup("tasks.max=1, value.converter=StringConverter", 1, JSON_AS_TEXT, true),
        new SinkSetup("tasks.max=2", 2, Map.of(), false),
        new SinkSetup("tasks.max=4", 4, Map.of(), false));
  }

  String id() {
    return "t" + tasks + (overrides.isEmpty() ? "" : "-text");
  }
}
