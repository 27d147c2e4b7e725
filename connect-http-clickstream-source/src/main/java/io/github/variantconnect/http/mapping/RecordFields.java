package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.http.config.MappingSettings;

/** Reads an item's key, event id and event time through the configured JSON pointers. */
public final class RecordFields {

  private final JsonPointer key;
  private final JsonPointer id;
  private final JsonPointer timestamp;
  private final TimestampFormat format;

  public RecordFields(MappingSettings settings) {
    this.key = settings.key();
    this.id = settings.eventId();
    this.timestamp = settings.timestamp();
    this.format = settings.timestampFormat();
  }

  public boolean hasIds() {
    return id != null;
  }

  public boolean hasTimestamps() {
    return timestamp != null;
  }

  /** The record key, or null when not configured or absent. */
  public String key(JsonNode item) {
    return scalar(item, key);
  }

  public String id(JsonNode item) {
    return scalar(item, id);
  }

  /** The event time as the API wrote it, or null. */
  public String timestampText(JsonNode item) {
    return scalar(item, timestamp);
  }

  /**
   * The event time in epoch millis, or null when not configured or absent. Throws {@link
   * IllegalArgumentException} when present but not in the configured format.
   */
  public Long timestampMillis(JsonNode item) {
    if (timestamp == null) {
      return null;
    }
    JsonNode node = item.at(timestamp);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return format.toEpochMillis(node);
  }

  private static String scalar(JsonNode item, JsonPointer pointer) {
    if (pointer == null) {
      return null;
    }
    JsonNode node = item.at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
