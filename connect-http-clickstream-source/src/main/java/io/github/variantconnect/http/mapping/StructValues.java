package io.github.variantconnect.http.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;

/**
 * Items as Structs. Each item's shape is written as a compact code ({@link ShapeCodes}); the schema
 * for a code is built once and cached, so a page of same-shaped items shares one schema instance and
 * downstream converters see a stable schema.
 */
final class StructValues implements ValueConverter {

  private final ShapeCodes shapes = new ShapeCodes();
  private final SchemaCache schemas = new SchemaCache(256);

  /** A null takes the type last seen at its path, so a schema depends on the items before it. */
  @Override
  public boolean dependsOnItemOrder() {
    return true;
  }

  @Override
  public SchemaAndValue convert(JsonNode item) {
    String code = shapes.codeOf(item);
    Schema schema = schemas.get(code);
    return new SchemaAndValue(schema, value(item, schema));
  }

  static Object value(JsonNode node, Schema schema) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    switch (schema.type()) {
      case STRUCT: {
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
          struct.put(field, value(node.get(field.name()), field.schema()));
        }
        return struct;
      }
      case ARRAY: {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
          list.add(value(element, schema.valueSchema()));
        }
        return list;
      }
      case INT64:
        return node.longValue();
      case FLOAT64:
        return node.doubleValue();
      case BOOLEAN:
        return node.booleanValue();
      case BYTES:
        // Decimal: the scale in the schema is the scale the number was written with.
        return node.isNumber() ? node.decimalValue() : node.asText();
      default:
        // Strings, and anything the shape widened to a string (mixed arrays, huge integers), as JSON text.
        return node.isTextual() ? node.textValue() : node.isIntegralNumber() ? node.asText() : node.toString();
    }
  }

  /** Least-recently-used schemas by shape code. */
  private static final class SchemaCache {
    private final Map<String, Schema> byCode;

    SchemaCache(int capacity) {
      this.byCode = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
          return size() > capacity;
        }
      };
    }

    Schema get(String code) {
      Schema schema = byCode.get(code);
      if (schema == null) {
        schema = ShapeCodes.schemaOf(code);
        byCode.put(code, schema);
      }
      return schema;
    }
  }
}
