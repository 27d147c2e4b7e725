package io.github.variantconnect.demoapi;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens issued by {@code POST /oauth/token} and their expiry times. */
final class OAuthTokens {
  enum Status { VALID, EXPIRED, UNKNOWN }

  /** Keeps a client that fetches tokens in a loop from growing the table without bound. */
  private static final int MAX_TOKENS = 10_000;

  private final Clock clock;
  private final Duration ttl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

  OAuthTokens(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  Duration ttl() {
    return ttl;
  }

  synchronized String issue() {
    Instant now = clock.instant();
    expiries.values().removeIf(expiry -> !now.isBefore(expiry));
    if (expiries.size() >= MAX_TOKENS) {
      expiries.entrySet().stream()
          .min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> expiries.remove(oldest.getKey()));
    }
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String token = "at-" + HexFormat.of().formatHex(bytes);
    expiries.put(token, now.plus(ttl));
    return token;
  }

  Status check(String token) {
    Instant expiry = token == null ? null : expiries.get(token);
    if (expiry == null) {
      return Status.UNKNOWN;
    }
    return clock.instant().isBefore(expiry) ? Status.VALID : Status.EXPIRED;
  }
}
