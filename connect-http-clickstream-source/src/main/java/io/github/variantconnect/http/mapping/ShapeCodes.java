package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * The shape of a JSON value as a compact string: {@code s} string, {@code i} integer, {@code f}
 * float, {@code d<scale>;} decimal (an integer beyond 64 bits or a decimal a double would round), {@code b} boolean, {@code [X]} array of X, {@code {4:nameX...}} object with length-prefixed
 * field names. A null takes the type last seen at the same path (a string if never seen), so a field
 * that is sometimes null does not flip the schema. Arrays mixing types widen: integers and floats to
 * float, anything else to string.
 */
final class ShapeCodes {

  private static final int MAX_REMEMBERED_PATHS = 10_000;

  private final Map<String, String> lastSeen = new HashMap<>();

  String codeOf(JsonNode node) {
    StringBuilder code = new StringBuilder(64);
    append(node, "", code);
    return code.toString();
  }

  private void append(JsonNode node, String path, StringBuilder code) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        int start = code.length();
        code.append('{');
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          code.append(field.getKey().length()).append(':').append(field.getKey());
          append(field.getValue(), path + '/' + field.getKey(), code);
        }
        code.append('}');
        if (!path.isEmpty()) {
          remember(path, code.substring(start));
        }
      }
      case ARRAY -> {
        String element = elementCode(node, path + "/*");
        code.append('[').append(element).append(']');
        remember(path, "[" + element + "]");
      }
      case NULL, MISSING -> code.append(lastSeen.getOrDefault(path, "s"));
      default -> {
        String scalar = scalarCode(node);
        code.append(scalar);
        remember(path, scalar);
      }
    }
  }

  private String elementCode(JsonNode array, String path) {
    String merged = null;
    for (JsonNode element : array) {
      if (element.isNull()) {
        continue;
      }
      StringBuilder code = new StringBuilder();
      append(element, path, code);
      merged = merged == null ? code.toString() : widen(merged, code.toString());
    }
    return merged != null ? merged : lastSeen.getOrDefault(path, "s");
  }

  private static String widen(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    if ((a.equals("i") || a.equals("f")) && (b.equals("i") || b.equals("f"))) {
      return "f";
    }
    return "s";
  }

  private static String scalarCode(JsonNode node) {
    if (node.isBoolean()) {
      return "b";
    }
    if (node.isNumber()) {
      if (node.isBigDecimal()) {
        return "d" + node.decimalValue().scale() + ";";
      }
      return !node.isIntegralNumber() ? "f" : node.canConvertToLong() ? "i" : "d0;";
    }
    return "s";
  }

  private void remember(String path, String code) {
    if (lastSeen.size() >= MAX_REMEMBERED_PATHS && !lastSeen.containsKey(path)) {
      lastSeen.clear();
    }
    lastSeen.put(path, code);
  }

  /** The Connect schema a code stands for; nested values are optional, as JSON allows null anywhere. */
  static Schema schemaOf(String code) {
    int[] at = {0};
    Schema schema = parse(code, at, false);
    if (at[0] != code.length()) {
      throw new IllegalStateException("trailing shape code at " + at[0] + ": " + code);
    }
    return schema;
  }

  private static Schema parse(String code, int[] at, boolean optional) {
    char c = code.charAt(at[0]++);
    switch (c) {
      case 's':
        return optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
      case 'i':
        return optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA;
      case 'f':
        return optional ? Schema.OPTIONAL_FLOAT64_SCHEMA : Schema.FLOAT64_SCHEMA;
      case 'b':
        return optional ? Schema.OPTIONAL_BOOLEAN_SCHEMA : Schema.BOOLEAN_SCHEMA;
      case 'd': {
        int end = code.indexOf(';', at[0]);
        SchemaBuilder decimal = Decimal.builder(Integer.parseInt(code, at[0], end, 10));
        at[0] = end + 1;
        return (optional ? decimal.optional() : decimal).build();
      }
      case '[': {
        Schema element = parse(code, at, true);
        at[0]++; // ']'
        SchemaBuilder array = SchemaBuilder.array(element);
        return (optional ? array.optional() : array).build();
      }
      case '{': {
        SchemaBuilder struct = SchemaBuilder.struct();
        while (code.charAt(at[0]) != '}') {
          int colon = code.indexOf(':', at[0]);
          int length = Integer.parseInt(code, at[0], colon, 10);
          String name = code.substring(colon + 1, colon + 1 + length);
          at[0] = colon + 1 + length;
          struct.field(name, parse(code, at, true));
        }
        at[0]++; // '}'
        return (optional ? struct.optional() : struct).build();
      }
      default:
        throw new IllegalStateException("bad shape code at " + (at[0] - 1) + ": " + code);
    }
  }
}
