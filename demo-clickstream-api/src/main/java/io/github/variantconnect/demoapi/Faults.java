package io.github.variantconnect.demoapi;

import static io.github.variantconnect.demoapi.Checks.atLeast;
import static io.github.variantconnect.demoapi.Checks.rate;

import java.time.Duration;
import java.util.Objects;

/**
 * Fault knobs for the event endpoints. Rates are probabilities per request in [0, 1], drawn from a
 * random seeded by the feed seed, so a run replays the same faults for the same request order.
 * Every fault leaves the feed untouched: retrying the request eventually returns the right page.
 */
public final class Faults {
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
  public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(5);
  public static final int DEFAULT_OVERSIZE_BYTES = 8 * 1024 * 1024;

  private static final Faults NONE = builder().build();

  private final double errorRate;
  private final double tooManyRequestsRate;
  private final int retryAfterSeconds;
  private final double slowRate;
  private final Duration slowDelay;
  private final double truncateRate;
  private final int repeatItems;
  private final double oversizeRate;
  private final int oversizeBytes;
  private final double redirectRate;
  private final int bombBytes;
  private final boolean wideNumbers;

  private Faults(Builder b) {
    this.errorRate = rate("errorRate", b.errorRate);
    this.tooManyRequestsRate = rate("tooManyRequestsRate", b.tooManyRequestsRate);
    this.retryAfterSeconds = (int) atLeast("retryAfterSeconds", b.retryAfterSeconds, 0);
    this.slowRate = rate("slowRate", b.slowRate);
    this.slowDelay = Objects.requireNonNull(b.slowDelay, "slowDelay");
    if (slowDelay.isNegative()) {
      throw new IllegalArgumentException("slowDelay must not be negative, got " + slowDelay);
    }
    this.truncateRate = rate("truncateRate", b.truncateRate);
    this.repeatItems = (int) atLeast("repeatItems", b.repeatItems, 0);
    this.oversizeRate = rate("oversizeRate", b.oversizeRate);
    this.oversizeBytes = (int) atLeast("oversizeBytes", b.oversizeBytes, 0);
    this.redirectRate = rate("redirectRate", b.redirectRate);
    this.bombBytes = (int) atLeast("bombBytes", b.bombBytes, 0);
    this.wideNumbers = b.wideNumbers;
  }

  /** No faults at all. */
  public static Faults none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .errorRate(errorRate)
        .tooManyRequestsRate(tooManyRequestsRate)
        .retryAfterSeconds(retryAfterSeconds)
        .slowRate(slowRate)
        .slowDelay(slowDelay)
        .truncateRate(truncateRate)
        .repeatItems(repeatItems)
        .oversizeRate(oversizeRate)
        .oversizeBytes(oversizeBytes)
        .redirectRate(redirectRate)
        .bombBytes(bombBytes)
        .wideNumbers(wideNumbers);
  }

  /** Share of requests answered 500 or 503. */
  public double errorRate() {
    return errorRate;
  }

  /** Share of requests answered 429 with {@code Retry-After: retryAfterSeconds}. */
  public double tooManyRequestsRate() {
    return tooManyRequestsRate;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Share of requests answered correctly but only after {@link #slowDelay()}. */
  public double slowRate() {
    return slowRate;
  }

  public Duration slowDelay() {
    return slowDelay;
  }

  /** Share of requests answered 200 with the JSON body cut in half. */
  public double truncateRate() {
    return truncateRate;
  }

  /** How many items of the previous page each page repeats at its start (0 = none). */
  public int repeatItems() {
    return repeatItems;
  }

  /** Share of requests whose page is padded to about {@link #oversizeBytes()}. */
  public double oversizeRate() {
    return oversizeRate;
  }

  public int oversizeBytes() {
    return oversizeBytes;
  }

  /** Share of requests redirected to the other loopback host name. */
  public double redirectRate() {
    return redirectRate;
  }

  /**
   * When above 0, every page is a gzip body (whatever the request accepts) that expands to this
   * many bytes of valid JSON: a compression bomb, a few kilobytes on the wire.
   */
  public int bombBytes() {
    return bombBytes;
  }

  /** Whether events carry {@link WideNumbers}: a 30-digit integer and a decimal no double holds. */
  public boolean wideNumbers() {
    return wideNumbers;
  }

  @Override
  public String toString() {
    return "Faults{errorRate=" + errorRate + ", tooManyRequestsRate=" + tooManyRequestsRate
        + ", retryAfterSeconds=" + retryAfterSeconds + ", slowRate=" + slowRate
        + ", slowDelay=" + slowDelay + ", truncateRate=" + truncateRate
        + ", repeatItems=" + repeatItems + ", oversizeRate=" + oversizeRate
        + ", oversizeBytes=" + oversizeBytes + ", redirectRate=" + redirectRate
        + ", bombBytes=" + bombBytes + ", wideNumbers=" + wideNumbers + "}";
  }

  /** Builds {@link Faults}; every knob defaults to off. */
  public static final class Builder {
    private double errorRate;
    private double tooManyRequestsRate;
    private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    private double slowRate;
    private Duration slowDelay = DEFAULT_SLOW_DELAY;
    private double truncateRate;
    private int repeatItems;
    private double oversizeRate;
    private int oversizeBytes = DEFAULT_OVERSIZE_BYTES;
    private double redirectRate;
    private int bombBytes;
    private boolean wideNumbers;

    private Builder() {}

    public Builder errorRate(double rate) {
      this.errorRate = rate;
      return this;
    }

    public Builder tooManyRequestsRate(double rate) {
      this.tooManyRequestsRate = rate;
      return this;
    }

    public Builder retryAfterSeconds(int seconds) {
      this.retryAfterSeconds = seconds;
      return this;
    }

    public Builder slowRate(double rate) {
      this.slowRate = rate;
      return this;
    }

    public Builder slowDelay(Duration delay) {
      this.slowDelay = delay;
      return this;
    }

    public Builder truncateRate(double rate) {
      this.truncateRate = rate;
      return this;
    }

    public Builder repeatItems(int items) {
      this.repeatItems = items;
      return this;
    }

    public Builder oversizeRate(double rate) {
      this.oversizeRate = rate;
      return this;
    }

    public Builder oversizeBytes(int bytes) {
      this.oversizeBytes = bytes;
      return this;
    }

    public Builder redirectRate(double rate) {
      this.redirectRate = rate;
      return this;
    }

    public Builder bombBytes(int bytes) {
      this.bombBytes = bytes;
      return this;
    }

    public Builder wideNumbers(boolean wide) {
      this.wideNumbers = wide;
      return this;
    }

    public Faults build() {
      return new Faults(this);
    }
  }
}
