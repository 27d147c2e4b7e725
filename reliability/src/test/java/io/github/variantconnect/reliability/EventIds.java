package io.github.variantconnect.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The {@code event_id} both sources put in every event, and the {@code seq} of a train's. */
final class EventIds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventIds() {}

  static String of(String json) {
    JsonNode id = field(json, "event_id");
    if (!id.isTextual()) {
      throw new AssertionError("event without event_id: " + json);
    }
    return id.asText();
  }

  /** The tick number of an ATS telemetry event. */
  static long atsSeq(String json) {
    JsonNode seq = field(json, "seq");
    if (!seq.canConvertToLong()) {
      throw new AssertionError("telemetry event without seq: " + json);
    }
    return seq.asLong();
  }

  private static JsonNode field(String json, String name) {
    try {
      return JSON.readTree(json).path(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
