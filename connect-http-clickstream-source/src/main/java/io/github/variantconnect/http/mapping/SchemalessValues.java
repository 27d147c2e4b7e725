package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * Items as schemaless maps, lists and scalars in the JSON's own field order, so JsonConverter with
 * {@code schemas.enable=false} writes the API's objects back unchanged.
 */
final class SchemalessValues implements ValueConverter {

  @Override
  public SchemaAndValue convert(JsonNode item) {
    return new SchemaAndValue(null, toJava(item));
  }

  static Object toJava(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>(capacity(node.size()));
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          map.put(field.getKey(), toJava(field.getValue()));
        }
        return map;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(toJava(element));
        }
        return list;
      }
      case STRING:
        return node.textValue();
      case BOOLEAN:
        return node.booleanValue();
      case NUMBER:
        return number(node);
      case BINARY:
        return node.asText();
      default:
        return null;
    }
  }

  private static Object number(JsonNode node) {
    if (node.isIntegralNumber()) {
      // JsonConverter writes Integer and Long alike; BigInteger beyond long range keeps its digits as text.
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue().toString();
    }
    // A schemaless BigDecimal is refused by JsonConverter ("does not have corresponding schema type"), so a
    // decimal a double would round is handed over as its exact text.
    return node.isBigDecimal() ? node.decimalValue().toString() : (Object) node.doubleValue();
  }

  private static int capacity(int size) {
    return (int) (size / 0.75f) + 1;
  }
}
