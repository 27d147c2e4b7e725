package io.github.variantconnect.http.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query or body template with {@code ${name}} placeholders filled from an endpoint's position.
 * In a query, values are URL-encoded and a parameter whose value comes out empty is left out; in a
 * body, each placeholder becomes a JSON value (a quoted string, a number, or null).
 */
public final class RequestTemplate {

  public static final Set<String> PLACEHOLDERS = Set.of("cursor", "limit", "page", "offset", "since");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  private final boolean query;
  private final List<List<Object>> parts;

  private RequestTemplate(boolean query, List<List<Object>> parts) {
    this.query = query;
    this.parts = parts;
  }

  /** A query template such as {@code cursor=${cursor}&limit=${limit}}. */
  public static RequestTemplate query(String template) {
    List<List<Object>> pairs = new ArrayList<>();
    for (String pair : template.split("&")) {
      if (!pair.isBlank()) {
        pairs.add(segments(pair.trim()));
      }
    }
    return new RequestTemplate(true, pairs);
  }

  /** A JSON body template such as {@code {"cursor": ${cursor}, "limit": ${limit}}}. */
  public static RequestTemplate body(String template) {
    return new RequestTemplate(false, List.of(segments(template)));
  }

  /** Literal text stays a String; a placeholder becomes a {@link Name}. */
  private static List<Object> segments(String text) {
    List<Object> segments = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        segments.add(text.substring(last, m.start()));
      }
      String name = m.group(1).trim();
      if (!PLACEHOLDERS.contains(name)) {
        throw new IllegalArgumentException("unknown placeholder ${" + name + "}; use " + PLACEHOLDERS);
      }
      segments.add(new Name(name));
      last = m.end();
    }
    if (last < text.length()) {
      segments.add(text.substring(last));
    }
    return segments;
  }

  public boolean isEmpty() {
    return parts.isEmpty() || parts.size() == 1 && parts.get(0).isEmpty();
  }

  /** The expanded text; values missing from {@code values} count as null. */
  public String expand(Map<String, Object> values) {
    return query ? expandQuery(values) : expandBody(values);
  }

  private String expandQuery(Map<String, Object> values) {
    StringBuilder out = new StringBuilder();
    for (List<Object> pair : parts) {
      StringBuilder text = new StringBuilder();
      boolean hasPlaceholder = false;
      boolean emptyPlaceholder = false;
      for (Object segment : pair) {
        if (segment instanceof Name name) {
          hasPlaceholder = true;
          Object value = values.get(name.value());
          String string = value == null ? "" : value.toString();
          emptyPlaceholder |= string.isEmpty();
          text.append(URLEncoder.encode(string, StandardCharsets.UTF_8));
        } else {
          text.append(segment);
        }
      }
      if (hasPlaceholder && emptyPlaceholder) {
        continue;
      }
      out.append(out.length() == 0 ? "" : "&").append(text);
    }
    return out.toString();
  }

  private String expandBody(Map<String, Object> values) {
    StringBuilder out = new StringBuilder();
    for (Object segment : parts.get(0)) {
      if (segment instanceof Name name) {
        Object value = values.get(name.value());
        if (value == null) {
          out.append("null");
        } else if (value instanceof Number) {
          out.append(value);
        } else {
          out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value.toString())).append('"');
        }
      } else {
        out.append(segment);
      }
    }
    return out.toString();
  }

  private record Name(String value) {}
}
