package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;

/**
 * Checks that text is exactly one JSON document by streaming through its tokens, without building
 * a tree. The store takes JSON text as given (DuckDB's appender does not check it), so this is what
 * keeps malformed values out of the tables.
 */
public final class JsonSyntax {

  private final JsonFactory factory;

  public JsonSyntax(JsonFactory factory) {
    this.factory = factory;
  }

  /** Null when {@code text} is one valid JSON document, else why not (never quoting the payload). */
  public String problem(String text) {
    try (JsonParser parser = factory.createParser(text)) {
      return check(parser);
    } catch (IOException e) {
      return describe(e);
    }
  }

  /** As {@link #problem(String)} for UTF-8 bytes; invalid UTF-8 is a problem too. */
  public String problem(byte[] bytes, int offset, int length) {
    try (JsonParser parser = factory.createParser(bytes, offset, length)) {
      return check(parser);
    } catch (IOException e) {
      return describe(e);
    }
  }

  private static String check(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return "empty, not a JSON document";
    }
    parser.skipChildren();
    if (parser.nextToken() != null) {
      return "more than one JSON value (trailing content at " + position(parser.currentLocation()) + ")";
    }
    return null;
  }

  private static String describe(IOException e) {
    if (e instanceof StreamConstraintsException) {
      // The limits (nesting depth, string or number length) name themselves without payload.
      return "JSON exceeds a parser limit: " + e.getMessage();
    }
    if (e instanceof JsonProcessingException json && json.getLocation() != null) {
      // The parser's own message quotes the offending token: payload, which must not reach logs.
      return "not valid JSON (syntax error at " + position(json.getLocation()) + ")";
    }
    return "not valid JSON";
  }

  private static String position(JsonLocation location) {
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
