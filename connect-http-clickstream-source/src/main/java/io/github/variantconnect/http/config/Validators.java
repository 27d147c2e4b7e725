package io.github.variantconnect.http.config;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.variantconnect.common.config.KeyedConfigException;
import io.github.variantconnect.http.mapping.TimestampFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;

/** The validators behind the keys: each names the key and says what a valid value looks like. */
public final class Validators {

  static final Pattern ENDPOINT_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9._~\\[\\]-]+");

  private Validators() {}

  /** Empty, or an absolute http(s) URL with a host. */
  public static ConfigDef.Validator httpUrl() {
    return described("empty or an absolute http:// or https:// URL", (name, value) -> {
      String text = value == null ? "" : value.toString().trim();
      if (!text.isEmpty()) {
        checkUrl(name, text);
      }
    });
  }

  /** Parses an absolute http(s) URL or throws a {@link KeyedConfigException} naming {@code key}. */
  public static URI checkUrl(String key, String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new KeyedConfigException(key, text, "is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new KeyedConfigException(key, text, "must be an absolute http:// or https:// URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new KeyedConfigException(key, text, "has no host; write e.g. https://api.example.com/v1/events");
    }
    return uri;
  }

  /** Empty (not used), or an RFC 6901 JSON pointer such as {@code /data}. */
  public static ConfigDef.Validator jsonPointer() {
    return described("empty or a JSON pointer such as /data", (name, value) -> {
      String text = value == null ? "" : value.toString().trim();
      if (!text.isEmpty()) {
        checkPointer(name, text);
      }
    });
  }

  public static JsonPointer checkPointer(String key, String text) {
    if (!text.startsWith("/")) {
      throw new KeyedConfigException(key, text, "is not a JSON pointer: it must start with '/', e.g. /data or /meta/next");
    }
    try {
      return JsonPointer.compile(text);
    } catch (IllegalArgumentException e) {
      throw new KeyedConfigException(key, text, "is not a JSON pointer: " + e.getMessage());
    }
  }

  /** A list of HTTP status codes (100-599). */
  public static ConfigDef.Validator statusCodes() {
    return described("a comma-separated list of HTTP status codes, e.g. 429,503", (name, value) -> {
      for (Object item : (List<?>) value) {
        String text = item.toString().trim();
        int code;
        try {
          code = Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw new KeyedConfigException(name, value, "'" + text + "' is not an HTTP status code");
        }
        if (code < 100 || code > 599) {
          throw new KeyedConfigException(name, value, code + " is not an HTTP status code (100-599)");
        }
      }
    });
  }

  /** {@code iso8601}, {@code epoch_millis}, {@code epoch_seconds} or a DateTimeFormatter pattern. */
  public static ConfigDef.Validator timestampFormat() {
    return described("iso8601, epoch_millis, epoch_seconds or a java.time pattern such as yyyy-MM-dd HH:mm:ss",
        (name, value) -> {
          try {
            TimestampFormat.of(String.valueOf(value));
          } catch (IllegalArgumentException e) {
            throw new KeyedConfigException(name, value, e.getMessage());
          }
        });
  }

  /** Static headers {@code Name: value}, separated by {@code |}. */
  public static ConfigDef.Validator headers() {
    return described("Name: value pairs separated by |", (name, value) -> {
      try {
        HeaderList.parse(String.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw new KeyedConfigException(name, value, e.getMessage());
      }
    });
  }

  /** Distinct endpoint names of letters, digits, '.', '_' and '-'. */
  public static ConfigDef.Validator endpointNames() {
    return described("distinct names of letters, digits, '.', '_' and '-'", (name, value) -> {
      Set<String> seen = new HashSet<>();
      for (Object item : (List<?>) value) {
        String text = item.toString().trim();
        if (!ENDPOINT_NAME.matcher(text).matches()) {
          throw new KeyedConfigException(name, value, "endpoint name '" + text + "' may hold only letters, digits, '.', '_' and '-'");
        }
        if (!seen.add(text)) {
          throw new KeyedConfigException(name, value, "endpoint name '" + text + "' appears twice");
        }
      }
    });
  }

  /** Host names, or {@code *.domain} wildcards. */
  public static ConfigDef.Validator hostPatterns() {
    return described("host names or *.domain wildcards", (name, value) -> {
      for (Object item : (List<?>) value) {
        String text = item.toString().trim();
        if (text.isEmpty() || text.contains("/") || text.contains(":") && !text.startsWith("[")) {
          throw new KeyedConfigException(name, value, "'" + text + "' is not a host name (no scheme, port or path)");
        }
      }
    });
  }

  /** A query template whose placeholders are all known. */
  public static ConfigDef.Validator queryTemplate() {
    return described("a query template such as cursor=${cursor}&limit=${limit}", (name, value) -> {
      try {
        RequestTemplate.query(String.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw new KeyedConfigException(name, value, e.getMessage());
      }
    });
  }

  /** A JSON body template whose placeholders are all known. */
  public static ConfigDef.Validator bodyTemplate() {
    return described("a JSON body template such as {\"cursor\": ${cursor}}", (name, value) -> {
      try {
        RequestTemplate.body(String.valueOf(value));
      } catch (IllegalArgumentException e) {
        throw new KeyedConfigException(name, value, e.getMessage());
      }
    });
  }

  /** Empty (parameter left out), or a query parameter name. */
  public static ConfigDef.Validator paramName() {
    return described("empty or a parameter name of letters, digits and . _ ~ - [ ]", (name, value) -> {
      String text = value == null ? "" : value.toString().trim();
      if (!text.isEmpty() && !PARAM_NAME.matcher(text).matches()) {
        throw new KeyedConfigException(name, value, "'" + text + "' is not a plain parameter name");
      }
    });
  }

  /** Empty, or a file the worker can read. */
  public static ConfigDef.Validator readableFile() {
    return described("empty or the path of a readable file on the worker", (name, value) -> {
      String text = value == null ? "" : value.toString().trim();
      if (!text.isEmpty() && !Files.isReadable(Path.of(text))) {
        throw new KeyedConfigException(name, value, "no readable file at " + text + " on this worker");
      }
    });
  }

  private interface Check {
    void ensureValid(String name, Object value);
  }

  private static ConfigDef.Validator described(String description, Check check) {
    return new ConfigDef.Validator() {
      @Override
      public void ensureValid(String name, Object value) {
        check.ensureValid(name, value);
      }

      @Override
      public String toString() {
        return description;
      }
    };
  }
}
