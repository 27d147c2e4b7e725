package io.github.variantconnect.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The {@code event_id} both sources put in every event. */
final class EventIds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventIds() {}

  static String of(String json) {
    try {
      JsonNode id = JSON.readTree(json).path("event_id");
      if (!id.isTextual()) {
        throw new AssertionError("event without event_id: " + json);
      }
      return id.asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
