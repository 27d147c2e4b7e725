package io.github.variantconnect.sink.target.snowflake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.variantconnect.sink.convert.RecordConverter;
import io.github.variantconnect.sink.errors.RecordRejectedException;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * What Snowflake refuses in a VARIANT value, checked for every Snowflake path alike before a row is
 * buffered, so such a record is dead-lettered instead of failing a batch:
 *
 * <ul>
 *   <li>a repeated key in one object: {@code PARSE_JSON} rejects it unless called with {@code 'd'}
 *       (https://docs.snowflake.com/en/sql-reference/functions/parse_json, "Error parsing JSON:
 *       duplicate object attribute"), and the streaming SDK's parser does too
 *       (net.snowflake.ingest.streaming.internal.DataValidationUtil#validateAndParseSemiStructured,
 *       "Not a valid JSON: duplicate field", after stripping trailing NUL characters of the key);
 *   <li>more than 16 MiB − 64 bytes of UTF-8 once the value is re-serialised minified, numbers as
 *       their text (DataValidationUtil#MAX_SEMI_STRUCTURED_LENGTH, #validateAndParseVariantNew).
 * </ul>
 *
 * <p>Re-serialising never makes valid JSON longer (whitespace goes, escapes of printable characters
 * become the characters), so the exact size is computed only for values above the limit.
 */
public final class SnowflakeVariantRules {

  /** DataValidationUtil#MAX_SEMI_STRUCTURED_LENGTH: 16 MiB less a margin for server-side encoding. */
  public static final long MAX_VARIANT_BYTES = 16L * 1024 * 1024 - 64;
  /** Raw input above this is refused by the core before parsing: no minifying brings it under the limit cheaply. */
  public static final long MAX_INPUT_BYTES = 4 * 16L * 1024 * 1024;

  private final JsonFactory factory = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength((int) MAX_INPUT_BYTES).build())
      .build();

  /** The reason Snowflake would refuse the row, or null when it takes it. */
  public RecordRejectedException refusal(Row row) {
    String problem = duplicateKey(row.metadata());
    if (problem != null) {
      return new RecordRejectedException(SinkErrorCode.INVALID_JSON, "RECORD_METADATA (headers or key) has "
          + problem + ", which Snowflake's VARIANT refuses");
    }
    problem = duplicateKey(row.content());
    if (problem != null) {
      return new RecordRejectedException(SinkErrorCode.INVALID_JSON, "the value has " + problem
          + ", which Snowflake's VARIANT refuses");
    }
    long size = variantBytes(row.content());
    if (size > MAX_VARIANT_BYTES) {
      return new RecordRejectedException(SinkErrorCode.CONTENT_TOO_LARGE, size + " bytes as Snowflake stores it"
          + " (minified), the VARIANT limit is " + MAX_VARIANT_BYTES);
    }
    return null;
  }

  /** A description of the first repeated key ("a repeated key at line 1, column 12"), or null. */
  String duplicateKey(String json) {
    try (JsonParser parser = factory.createParser(json)) {
      Deque<Set<String>> objects = new ArrayDeque<>();
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_OBJECT) {
          objects.push(new HashSet<>());
        } else if (token == JsonToken.END_OBJECT) {
          objects.pop();
        } else if (token == JsonToken.FIELD_NAME && !objects.peek().add(stripTrailingNuls(parser.currentName()))) {
          // The key itself is payload; its position is enough to find it.
          return "a repeated object key at line " + parser.currentLocation().getLineNr() + ", column "
              + parser.currentLocation().getColumnNr();
        }
      }
      return null;
    } catch (IOException e) {
      // The core admits only valid JSON; anything else is for the store to report.
      return null;
    }
  }

  /** UTF-8 bytes of the value as the SDK re-serialises it; exact only above the limit. */
  long variantBytes(String json) {
    long upper = utf8Bytes(json);
    if (upper <= MAX_VARIANT_BYTES) {
      return upper;
    }
    CountingStream counter = new CountingStream();
    try (JsonParser parser = factory.createParser(json); JsonGenerator generator = factory.createGenerator(counter)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token.isNumeric()) {
          generator.writeNumber(parser.getText());
        } else {
          generator.copyCurrentEvent(parser);
        }
      }
    } catch (IOException e) {
      return upper;
    }
    return counter.count;
  }

  /** Utils#stripTrailingNulls of the SDK: the server ignores trailing NULs in keys. */
  private static String stripTrailingNuls(String key) {
    int end = key.length();
    while (end > 0 && key.charAt(end - 1) == '\u0000') {
      end--;
    }
    return end == key.length() ? key : key.substring(0, end);
  }

  public static long utf8Bytes(String s) {
    return RecordConverter.utf8Length(s);
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
