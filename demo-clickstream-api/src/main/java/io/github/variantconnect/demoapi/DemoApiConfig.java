package io.github.variantconnect.demoapi;

import static io.github.variantconnect.demoapi.Checks.atLeast;
import static io.github.variantconnect.demoapi.Checks.between;
import static io.github.variantconnect.demoapi.Checks.requireText;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a {@link DemoClickstreamApi} needs: where to listen, the feed (seed, rate, size,
 * retention window), the auth mode with its credentials, and the fault knobs. Immutable; the
 * defaults give a small, open, fault-free feed on a free loopback port.
 */
public final class DemoApiConfig {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_EVENTS_PER_SECOND = 50;
  public static final double MAX_EVENTS_PER_SECOND = 1_000_000;
  public static final long DEFAULT_INITIAL_EVENTS = 1_000;
  public static final int DEFAULT_WINDOW = 100_000;
  public static final int DEFAULT_USERS = 2_000;
  public static final int DEFAULT_THREADS = 16;
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 5_000;
  public static final String DEFAULT_API_KEY_HEADER = "X-API-Key";
  public static final String DEFAULT_API_KEY_QUERY_PARAM = "api_key";
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);

  private final String host;
  private final int port;
  private final long seed;
  private final double eventsPerSecond;
  private final long initialEvents;
  private final long maxEvents;
  private final int window;
  private final Instant start;
  private final int users;
  private final int threads;
  private final AuthMode auth;
  private final String username;
  private final String password;
  private final String bearerToken;
  private final String apiKey;
  private final String apiKeyName;
  private final String clientId;
  private final String clientSecret;
  private final Duration tokenTtl;
  private final Faults faults;
  private final Clock clock;

  private DemoApiConfig(Builder b) {
    this.host = requireText("host", b.host);
    this.port = between("port", b.port, 0, 65_535);
    this.seed = b.seed;
    if (!(b.eventsPerSecond > 0 && b.eventsPerSecond <= MAX_EVENTS_PER_SECOND)) {
      throw new IllegalArgumentException("eventsPerSecond must be above 0 and at most "
          + (long) MAX_EVENTS_PER_SECOND + ", got " + b.eventsPerSecond);
    }
    this.eventsPerSecond = b.eventsPerSecond;
    this.initialEvents = atLeast("initialEvents", b.initialEvents, 0);
    this.maxEvents = atLeast("maxEvents", b.maxEvents, 0);
    this.window = between("window", b.window, 1, 50_000_000);
    this.start = b.start;
    this.users = between("users", b.users, 1, 10_000_000);
    this.threads = between("threads", b.threads, 1, 256);
    this.auth = Objects.requireNonNull(b.auth, "auth");
    this.username = requireText("username", b.username);
    this.password = requireText("password", b.password);
    this.bearerToken = requireText("bearerToken", b.bearerToken);
    this.apiKey = requireText("apiKey", b.apiKey);
    this.apiKeyName = b.apiKeyName == null ? defaultApiKeyName(auth) : requireToken(b.apiKeyName);
    this.clientId = requireText("clientId", b.clientId);
    this.clientSecret = requireText("clientSecret", b.clientSecret);
    this.tokenTtl = Objects.requireNonNull(b.tokenTtl, "tokenTtl");
    if (tokenTtl.isZero() || tokenTtl.isNegative()) {
      throw new IllegalArgumentException("tokenTtl must be positive, got " + tokenTtl);
    }
    this.faults = Objects.requireNonNull(b.faults, "faults");
    this.clock = Objects.requireNonNull(b.clock, "clock");
  }

  public static Builder builder() {
    return new Builder();
  }

  public String host() {
    return host;
  }

  /** The port to bind; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Same seed, same events (ids, sessions, users, times given the same start) and same faults. */
  public long seed() {
    return seed;
  }

  public double eventsPerSecond() {
    return eventsPerSecond;
  }

  /** Events already published when the server starts. */
  public long initialEvents() {
    return initialEvents;
  }

  /** The feed stops growing at this many events; 0 = never. */
  public long maxEvents() {
    return maxEvents;
  }

  /** How many of the newest events are retained; older positions answer 410. */
  public int window() {
    return window;
  }

  /**
   * The event time of seq 0, or null for the default: the server start rounded down to the second,
   * less the time the initial events would have taken, so the backlog lies in the past and live
   * events carry about the wall-clock time at which they appear.
   */
  public Instant start() {
    return start;
  }

  /** Size of the user population; a few users account for many sessions. */
  public int users() {
    return users;
  }

  /** Size of the HTTP worker pool. */
  public int threads() {
    return threads;
  }

  public AuthMode auth() {
    return auth;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public String bearerToken() {
    return bearerToken;
  }

  public String apiKey() {
    return apiKey;
  }

  /** The header (API_KEY_HEADER) or query parameter (API_KEY_QUERY) that carries the API key. */
  public String apiKeyName() {
    return apiKeyName;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  /** Lifetime of OAuth2 access tokens. */
  public Duration tokenTtl() {
    return tokenTtl;
  }

  public Faults faults() {
    return faults;
  }

  /** Drives publication of live events and token expiry; tests pass a clock they move by hand. */
  public Clock clock() {
    return clock;
  }

  /** Secrets are left out on purpose: this string ends up in logs. */
  @Override
  public String toString() {
    return "DemoApiConfig{host=" + host + ", port=" + port + ", seed=" + seed
        + ", eventsPerSecond=" + eventsPerSecond + ", initialEvents=" + initialEvents
        + ", maxEvents=" + maxEvents + ", window=" + window + ", start=" + start
        + ", users=" + users + ", threads=" + threads + ", auth=" + auth.flagValue()
        + ", apiKeyName=" + apiKeyName + ", tokenTtl=" + tokenTtl + ", faults=" + faults + "}";
  }

  private static String defaultApiKeyName(AuthMode auth) {
    return auth == AuthMode.API_KEY_QUERY ? DEFAULT_API_KEY_QUERY_PARAM : DEFAULT_API_KEY_HEADER;
  }

  private static String requireToken(String name) {
    if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      throw new IllegalArgumentException(
          "apiKeyName must be a valid header/parameter name such as X-API-Key, got '" + name + "'");
    }
    return name;
  }

  /** Builds a {@link DemoApiConfig}; credentials default to demo values for every auth mode. */
  public static final class Builder {
    private String host = DEFAULT_HOST;
    private int port;
    private long seed = DEFAULT_SEED;
    private double eventsPerSecond = DEFAULT_EVENTS_PER_SECOND;
    private long initialEvents = DEFAULT_INITIAL_EVENTS;
    private long maxEvents;
    private int window = DEFAULT_WINDOW;
    private Instant start;
    private int users = DEFAULT_USERS;
    private int threads = DEFAULT_THREADS;
    private AuthMode auth = AuthMode.NONE;
    private String username = "demo";
    private String password = "demo-secret";
    private String bearerToken = "demo-token";
    private String apiKey = "demo-api-key";
    private String apiKeyName;
    private String clientId = "demo-client";
    private String clientSecret = "demo-client-secret";
    private Duration tokenTtl = DEFAULT_TOKEN_TTL;
    private Faults faults = Faults.none();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder eventsPerSecond(double eventsPerSecond) {
      this.eventsPerSecond = eventsPerSecond;
      return this;
    }

    public Builder initialEvents(long initialEvents) {
      this.initialEvents = initialEvents;
      return this;
    }

    public Builder maxEvents(long maxEvents) {
      this.maxEvents = maxEvents;
      return this;
    }

    public Builder window(int window) {
      this.window = window;
      return this;
    }

    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    public Builder users(int users) {
      this.users = users;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder auth(AuthMode auth) {
      this.auth = auth;
      return this;
    }

    public Builder username(String username) {
      this.username = username;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public Builder bearerToken(String bearerToken) {
      this.bearerToken = bearerToken;
      return this;
    }

    public Builder apiKey(String apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    public Builder apiKeyName(String apiKeyName) {
      this.apiKeyName = apiKeyName;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder tokenTtl(Duration tokenTtl) {
      this.tokenTtl = tokenTtl;
      return this;
    }

    public Builder faults(Faults faults) {
      this.faults = faults;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Validates every value; an {@link IllegalArgumentException} names the one at fault. */
    public DemoApiConfig build() {
      return new DemoApiConfig(this);
    }
  }
}
