package io.github.variantconnect.bench.sink;

import java.util.List;
import java.util.Map;

/**
 * One sink configuration the benchmark times: the shipped config with a few keys changed, run as
 * {@code files} connectors of {@code tasks} tasks each, every connector reading the whole topic into
 * a DuckDB file of its own.
 */
record SinkSetup(String id, String label, int tasks, int files, Map<String, String> overrides, boolean judged) {

  SinkSetup(String id, String label, int tasks, Map<String, String> overrides, boolean judged) {
    this(id, label, tasks, 1, overrides, judged);
  }

  /** Values parsed by the worker into a Map and written back out by the sink, instead of checked as text. */
  static final Map<String, String> JSON_CONVERTER = Map.of(
      "value.converter", "org.apache.kafka.connect.json.JsonConverter",
      "value.converter.schemas.enable", "false");

  static List<SinkSetup> all() {
    return List.of(
        new SinkSetup("t1", "tasks.max=1 (shipped config: StringConverter)", 1, Map.of(), true),
        new SinkSetup("t1-json", "tasks.max=1, value.converter=JsonConverter", 1, JSON_CONVERTER, false),
        new SinkSetup("t1-ckpt", "tasks.max=1, duckdb.checkpoint.threshold.bytes=0 (checkpoint every flush)", 1,
            Map.of("duckdb.checkpoint.threshold.bytes", "0"), false),
        new SinkSetup("t2", "tasks.max=2", 2, Map.of(), true),
        new SinkSetup("t4", "tasks.max=4", 4, Map.of(), true),
        new SinkSetup("f2", "two files: two connectors of tasks.max=1 in one worker, a file each, each reading"
            + " the whole topic", 1, 2, Map.of(), false));
  }
}
