package io.github.variantconnect.sink.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code topic2table.map} in the official Snowflake connector's syntax: {@code
 * topic1:table1,topic2:table2}. A topic entry matches a topic of the same name first; otherwise it
 * is read as a regular expression that must match the whole topic (e.g. {@code ats-.*:ATS_RAW}),
 * the first such entry in the order written winning. Unrouted topics get {@link
 * TableNames#fromTopic} names.
 */
public final class TopicTableMap {

  private final Map<String, String> exact;
  private final List<Map.Entry<Pattern, String>> patterns;
  private final Map<String, String> resolved = new HashMap<>();

  private TopicTableMap(Map<String, String> exact, List<Map.Entry<Pattern, String>> patterns) {
    this.exact = exact;
    this.patterns = patterns;
  }

  /**
   * Parses the map, or throws {@link IllegalArgumentException} with a message that names the
   * offending entry.
   */
  public static TopicTableMap parse(String text) {
    Map<String, String> exact = new LinkedHashMap<>();
    List<Map.Entry<Pattern, String>> patterns = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return new TopicTableMap(exact, patterns);
    }
    for (String entry : text.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      // Topics cannot contain ':', table names cannot either: the last ':' separates them.
      int colon = trimmed.lastIndexOf(':');
      if (colon <= 0 || colon == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "entry '" + trimmed + "' is not of the form topic:table (e.g. ats-telemetry:ATS_RAW_JSON)");
      }
      String topic = trimmed.substring(0, colon).trim();
      String table = trimmed.substring(colon + 1).trim();
      String problem = TableNames.problem(table);
      if (problem != null) {
        throw new IllegalArgumentException("entry '" + trimmed + "': " + problem);
      }
      if (exact.containsKey(topic)) {
        throw new IllegalArgumentException("topic '" + topic + "' is mapped more than once");
      }
      Pattern pattern;
      try {
        pattern = Pattern.compile(topic);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "entry '" + trimmed + "': topic '" + topic + "' is neither a topic name nor a valid regular expression: "
                + e.getDescription());
      }
      String normalized = TableNames.normalize(table);
      exact.put(topic, normalized);
      patterns.add(Map.entry(pattern, normalized));
    }
    return new TopicTableMap(exact, patterns);
  }

  /** The table for a topic; the answer is cached, as every record asks. */
  public String tableFor(String topic) {
    String table = resolved.get(topic);
    if (table == null) {
      table = resolve(topic);
      resolved.put(topic, table);
    }
    return table;
  }

  private String resolve(String topic) {
    String table = exact.get(topic);
    if (table != null) {
      return table;
    }
    for (Map.Entry<Pattern, String> entry : patterns) {
      if (entry.getKey().matcher(topic).matches()) {
        return entry.getValue();
      }
    }
    return TableNames.fromTopic(topic);
  }
}
