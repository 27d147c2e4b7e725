package io.github.variantconnect.demoapi;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-request fault knobs: query parameters named {@code fault.<knob>} override the server's
 * {@link Faults} for that request only, so one test can provoke one fault on one call.
 */
final class FaultOverrides {
  static final String PREFIX = "fault.";

  private static final Set<String> KNOBS = new TreeSet<>(Set.of(
      "error_rate", "too_many_requests_rate", "retry_after_seconds", "slow_rate", "slow_delay_ms",
      "truncate_rate", "repeat_items", "oversize_rate", "oversize_bytes", "redirect_rate",
      "bomb_bytes", "wide_numbers"));

  private FaultOverrides() {}

  static Faults apply(Faults base, Map<String, String> params) {
    Faults.Builder faults = null;
    for (Map.Entry<String, String> param : params.entrySet()) {
      if (!param.getKey().startsWith(PREFIX)) {
        continue;
      }
      faults = faults == null ? base.toBuilder() : faults;
      String knob = param.getKey().substring(PREFIX.length());
      String value = param.getValue();
      try {
        set(faults, knob, value);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(param.getKey() + " must be a number, got '" + value + "'");
      }
    }
    if (faults == null) {
      return base;
    }
    try {
      return faults.build();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad fault override: " + e.getMessage());
    }
  }

  private static void set(Faults.Builder faults, String knob, String value) {
    switch (knob) {
      case "error_rate" -> faults.errorRate(Double.parseDouble(value));
      case "too_many_requests_rate" -> faults.tooManyRequestsRate(Double.parseDouble(value));
      case "retry_after_seconds" -> faults.retryAfterSeconds(Integer.parseInt(value));
      case "slow_rate" -> faults.slowRate(Double.parseDouble(value));
      case "slow_delay_ms" -> faults.slowDelay(Duration.ofMillis(Long.parseLong(value)));
      case "truncate_rate" -> faults.truncateRate(Double.parseDouble(value));
      case "repeat_items" -> faults.repeatItems(Integer.parseInt(value));
      case "oversize_rate" -> faults.oversizeRate(Double.parseDouble(value));
      case "oversize_bytes" -> faults.oversizeBytes(Integer.parseInt(value));
      case "redirect_rate" -> faults.redirectRate(Double.parseDouble(value));
      case "bomb_bytes" -> faults.bombBytes(Integer.parseInt(value));
      case "wide_numbers" -> faults.wideNumbers(Integer.parseInt(value) != 0);
      default -> throw ApiException.badRequest("unknown fault knob '" + PREFIX + knob
          + "'; known: " + String.join(", ", KNOBS.stream().map(k -> PREFIX + k).toList()));
    }
  }
}
