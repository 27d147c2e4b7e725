package io.github.variantconnect.quickstart.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One record as the sink lands it: RECORD_METADATA in the official Snowflake connector's shape,
 * RECORD_CONTENT the record value's JSON.
 *
 * @param eventId the event id inside {@code content}, so tests can relate deliveries to events
 */
record SinkRow(
    String topic,
    int partition,
    long offset,
    long createTimeMs,
    String key,
    Map<String, String> headers,
    String eventId,
    String content) {

  private static final ObjectMapper JSON = new ObjectMapper();

  String metadata() {
    ObjectNode node = JSON.createObjectNode();
    node.put("topic", topic);
    node.put("partition", partition);
    node.put("offset", offset);
    node.put("CreateTime", createTimeMs);
    node.put("key", key);
    if (!headers.isEmpty()) {
      ObjectNode headerNode = node.putObject("headers");
      headers.forEach(headerNode::put);
    }
    return node.toString();
  }
}
