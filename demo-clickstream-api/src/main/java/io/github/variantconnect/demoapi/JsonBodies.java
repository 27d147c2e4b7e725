package io.github.variantconnect.demoapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders every JSON body the server sends; events field by field, in contract order. */
final class JsonBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonBodies() {}

  static byte[] object(Map<String, ?> fields) {
    try {
      return MAPPER.writeValueAsBytes(fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] error(String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    return object(body);
  }

  /** {@code {"data":[events...], <fields...>}}. */
  static byte[] page(List<ClickEvent> data, Map<String, ?> fields) {
    return page(data, fields, false);
  }

  /** As {@link #page(List, Map)}; with {@code wideNumbers} each event also carries {@link WideNumbers}. */
  static byte[] page(List<ClickEvent> data, Map<String, ?> fields, boolean wideNumbers) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + data.size() * 400);
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("data");
      for (ClickEvent event : data) {
        writeEvent(json, event, wideNumbers);
      }
      json.writeEndArray();
      for (Map.Entry<String, ?> field : fields.entrySet()) {
        json.writeFieldName(field.getKey());
        json.writeObject(field.getValue());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static JsonNode parse(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeEvent(JsonGenerator json, ClickEvent e, boolean wideNumbers) throws IOException {
    json.writeStartObject();
    json.writeStringField("event_id", e.eventId());
    json.writeStringField("session_id", e.sessionId());
    json.writeStringField("user_id", e.userId());
    json.writeStringField("event_type", e.eventType());
    writeNullableString(json, "product_id", e.productId());
    writeNullableString(json, "category", e.category());
    if (e.price() == null) {
      json.writeNullField("price");
    } else {
      json.writeNumberField("price", e.price());
    }
    if (e.quantity() == null) {
      json.writeNullField("quantity");
    } else {
      json.writeNumberField("quantity", e.quantity());
    }
    json.writeStringField("page_url", e.pageUrl());
    writeNullableString(json, "referrer", e.referrer());
    json.writeStringField("device", e.device());
    json.writeStringField("country", e.country());
    json.writeStringField("event_time", e.eventTimeText());
    if (wideNumbers) {
      json.writeNumberField(WideNumbers.ORDER_REF, WideNumbers.orderRef(e.seq()));
      json.writeNumberField(WideNumbers.AMOUNT_EXACT, WideNumbers.amountExact(e.seq()));
    }
    json.writeEndObject();
  }

  private static void writeNullableString(JsonGenerator json, String name, String value)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeStringField(name, value);
    }
  }
}
