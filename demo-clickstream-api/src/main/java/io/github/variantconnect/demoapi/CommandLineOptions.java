package io.github.variantconnect.demoapi;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The command line of {@link DemoApiMain}: {@code --flag value} or {@code --flag=value}, each flag
 * falling back to the environment variable {@code DEMO_API_<FLAG>} (e.g. {@code --error-rate} ←
 * {@code DEMO_API_ERROR_RATE}), then to the {@link DemoApiConfig} default.
 */
final class CommandLineOptions {
  static final String ENV_PREFIX = "DEMO_API_";
  static final int DEFAULT_PORT = 8089;

  private record Builders(DemoApiConfig.Builder config, Faults.Builder faults) {}

  private record Option(
      String flag, String value, String help, BiConsumer<Builders, String> apply) {
    String envVar() {
      return ENV_PREFIX + flag.toUpperCase(Locale.ROOT).replace('-', '_');
    }
  }

  private static final List<Option> OPTIONS = List.of(
      new Option("host", "ADDR", "address to bind (default 127.0.0.1; 0.0.0.0 for all)",
          (b, v) -> b.config().host(v)),
      new Option("port", "N", "port to bind, 0 = any free port (default " + DEFAULT_PORT + ")",
          (b, v) -> b.config().port(Integer.parseInt(v))),
      new Option("seed", "N", "seed of the feed and the faults (default 42)",
          (b, v) -> b.config().seed(Long.parseLong(v))),
      new Option("rate", "N", "events published per second (default 50)",
          (b, v) -> b.config().eventsPerSecond(Double.parseDouble(v))),
      new Option("initial-events", "N", "events already published at start (default 1000)",
          (b, v) -> b.config().initialEvents(Long.parseLong(v))),
      new Option("max-events", "N", "stop growing at N events, 0 = never (default 0)",
          (b, v) -> b.config().maxEvents(Long.parseLong(v))),
      new Option("window", "N", "newest events retained; older positions get 410 (default 100000)",
          (b, v) -> b.config().window(Integer.parseInt(v))),
      new Option("start", "INSTANT", "event_time of seq 0, e.g. 2026-01-05T00:00:00Z "
          + "(default: now, less the initial backlog)", (b, v) -> b.config().start(instant(v))),
      new Option("users", "N", "size of the user population (default 2000)",
          (b, v) -> b.config().users(Integer.parseInt(v))),
      new Option("threads", "N", "HTTP worker threads (default 16)",
          (b, v) -> b.config().threads(Integer.parseInt(v))),
      new Option("auth", "MODE", AuthMode.allFlagValues() + " (default none)",
          (b, v) -> b.config().auth(AuthMode.parse(v))),
      new Option("username", "NAME", "basic auth user (default demo)",
          (b, v) -> b.config().username(v)),
      new Option("password", "SECRET", "basic auth password (default demo-secret)",
          (b, v) -> b.config().password(v)),
      new Option("bearer-token", "SECRET", "static bearer token (default demo-token)",
          (b, v) -> b.config().bearerToken(v)),
      new Option("api-key", "SECRET", "API key (default demo-api-key)",
          (b, v) -> b.config().apiKey(v)),
      new Option("api-key-name", "NAME", "header or query parameter carrying the key "
          + "(default X-API-Key / api_key)", (b, v) -> b.config().apiKeyName(v)),
      new Option("client-id", "ID", "OAuth2 client id (default demo-client)",
          (b, v) -> b.config().clientId(v)),
      new Option("client-secret", "SECRET", "OAuth2 client secret (default demo-client-secret)",
          (b, v) -> b.config().clientSecret(v)),
      new Option("token-ttl", "SECONDS", "OAuth2 access token lifetime (default 3600)",
          (b, v) -> b.config().tokenTtl(Duration.ofSeconds(Long.parseLong(v)))),
      new Option("error-rate", "P", "share of 500/503 replies (default 0)",
          (b, v) -> b.faults().errorRate(Double.parseDouble(v))),
      new Option("too-many-requests-rate", "P", "share of 429 replies (default 0)",
          (b, v) -> b.faults().tooManyRequestsRate(Double.parseDouble(v))),
      new Option("retry-after", "SECONDS", "Retry-After of 429/503 replies (default 1)",
          (b, v) -> b.faults().retryAfterSeconds(Integer.parseInt(v))),
      new Option("slow-rate", "P", "share of slow replies (default 0)",
          (b, v) -> b.faults().slowRate(Double.parseDouble(v))),
      new Option("slow-delay-ms", "MS", "delay of a slow reply (default 5000)",
          (b, v) -> b.faults().slowDelay(Duration.ofMillis(Long.parseLong(v)))),
      new Option("truncate-rate", "P", "share of 200 replies with a cut JSON body (default 0)",
          (b, v) -> b.faults().truncateRate(Double.parseDouble(v))),
      new Option("repeat-items", "K",
          "each page repeats the previous page's last K items (default 0)",
          (b, v) -> b.faults().repeatItems(Integer.parseInt(v))),
      new Option("oversize-rate", "P", "share of pages padded far beyond normal size (default 0)",
          (b, v) -> b.faults().oversizeRate(Double.parseDouble(v))),
      new Option("oversize-bytes", "N", "padding added to an oversize page (default 8388608)",
          (b, v) -> b.faults().oversizeBytes(Integer.parseInt(v))),
      new Option("redirect-rate", "P", "share of replies redirecting to the other loopback name "
          + "(default 0)", (b, v) -> b.faults().redirectRate(Double.parseDouble(v))));

  private CommandLineOptions() {}

  static boolean wantsHelp(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** @throws IllegalArgumentException naming the flag (or variable) at fault */
  static DemoApiConfig parse(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Option option : OPTIONS) {
      String fromEnv = env.get(option.envVar());
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(option.flag(), fromEnv.trim());
      }
    }
    values.putAll(flags(args));
    Builders builders = new Builders(
        DemoApiConfig.builder().port(DEFAULT_PORT), Faults.builder());
    for (Option option : OPTIONS) {
      String value = values.get(option.flag());
      if (value == null) {
        continue;
      }
      try {
        option.apply().accept(builders, value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + option.flag() + " (or " + option.envVar()
            + ") expects " + option.value() + ", got '" + value + "'");
      }
    }
    return builders.config().faults(builders.faults().build()).build();
  }

  static String usage() {
    StringBuilder text = new StringBuilder(
        "Usage: java -jar demo-clickstream-api.jar [--flag value ...]\n\n"
            + "Serves a live, generated e-commerce clickstream over HTTP and prints its base URL.\n"
            + "Every flag can also come from the environment variable shown.\n\n");
    for (Option option : OPTIONS) {
      String left = "  --" + option.flag() + " " + option.value();
      text.append(
          String.format("%-34s %s%n%-34s [%s]%n", left, option.help(), "", option.envVar()));
    }
    text.append(String.format("%-34s %s%n", "  --help", "show this text"));
    return text.toString();
  }

  private static Map<String, String> flags(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument '" + arg + "'; flags start with --");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      String flag = name;
      if (OPTIONS.stream().noneMatch(o -> o.flag().equals(flag))) {
        throw new IllegalArgumentException("unknown flag --" + name + " (see --help)");
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--start expects an ISO-8601 instant such as 2026-01-05T00:00:00Z, got '" + text + "'");
    }
  }
}
