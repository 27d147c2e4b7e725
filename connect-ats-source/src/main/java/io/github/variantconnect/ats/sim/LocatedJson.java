package io.github.variantconnect.ats.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it starts in the text. Jackson's tree model drops locations, and
 * validation errors such as a non-increasing station position need to point at the value at fault.
 */
final class LocatedJson {

  enum Type {
    OBJECT("an object"),
    ARRAY("an array"),
    STRING("a string"),
    INTEGER("an integer"),
    DECIMAL("a number"),
    BOOLEAN("a boolean"),
    NULL("null");

    final String description;

    Type(String description) {
      this.description = description;
    }
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  final Type type;
  final int line;
  final int column;
  private final String text;
  private final double number;
  private final Map<String, LocatedJson> fields;
  private final List<LocatedJson> items;

  private LocatedJson(Type type, JsonLocation at, String text, double number,
      Map<String, LocatedJson> fields, List<LocatedJson> items) {
    this.type = type;
    this.line = at.getLineNr();
    this.column = at.getColumnNr();
    this.text = text;
    this.number = number;
    this.fields = fields;
    this.items = items;
  }

  static LocatedJson parse(String json) throws NetworkFileException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new NetworkFileException(1, 1, "", "the network file is empty");
      }
      LocatedJson root = read(parser, first);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new NetworkFileException(at.getLineNr(), at.getColumnNr(), "",
            "unexpected content after the end of the network object");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? -1 : at.getLineNr();
      int column = at == null ? -1 : at.getColumnNr();
      throw new NetworkFileException(line, column, "", "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new NetworkFileException("cannot read the network JSON: " + e.getMessage(), e);
    }
  }

  private static LocatedJson read(JsonParser parser, JsonToken token) throws IOException, NetworkFileException {
    JsonLocation at = parser.currentTokenLocation();
    switch (token) {
      case START_OBJECT -> {
        Map<String, LocatedJson> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonLocation nameAt = parser.currentTokenLocation();
          LocatedJson value = read(parser, parser.nextToken());
          if (fields.putIfAbsent(name, value) != null) {
            throw new NetworkFileException(nameAt.getLineNr(), nameAt.getColumnNr(), name,
                "field \"" + name + "\" appears twice in the same object");
          }
        }
        return new LocatedJson(Type.OBJECT, at, null, 0, Collections.unmodifiableMap(fields), null);
      }
      case START_ARRAY -> {
        List<LocatedJson> items = new ArrayList<>();
        JsonToken next;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(parser, next));
        }
        return new LocatedJson(Type.ARRAY, at, null, 0, null, Collections.unmodifiableList(items));
      }
      case VALUE_STRING -> {
        return new LocatedJson(Type.STRING, at, parser.getText(), 0, null, null);
      }
      case VALUE_NUMBER_INT -> {
        return new LocatedJson(Type.INTEGER, at, parser.getText(), parser.getDoubleValue(), null, null);
      }
      case VALUE_NUMBER_FLOAT -> {
        return new LocatedJson(Type.DECIMAL, at, parser.getText(), parser.getDoubleValue(), null, null);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new LocatedJson(Type.BOOLEAN, at, parser.getText(), 0, null, null);
      }
      default -> {
        return new LocatedJson(Type.NULL, at, "null", 0, null, null);
      }
    }
  }

  /** The field's value, or null when the object has no such field. */
  LocatedJson field(String name) {
    return fields.get(name);
  }

  Map<String, LocatedJson> fields() {
    return fields;
  }

  List<LocatedJson> items() {
    return items;
  }

  String text() {
    return text;
  }

  double number() {
    return number;
  }

  boolean isNumber() {
    return type == Type.INTEGER || type == Type.DECIMAL;
  }

  /** How the value reads in an error message: its JSON text, or its kind for containers. */
  String describe() {
    return switch (type) {
      case OBJECT, ARRAY -> type.description;
      case STRING -> "the string \"" + text + "\"";
      default -> text;
    };
  }
}
