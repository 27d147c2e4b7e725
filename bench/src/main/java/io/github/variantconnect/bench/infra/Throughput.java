package io.github.variantconnect.bench.infra;

/** Records moved in a measured span of time. */
public record Throughput(long records, long nanos) {

  public double perSecond() {
    return records / (nanos / 1e9);
  }

  public double seconds() {
    return nanos / 1e9;
  }

  /** The shorter span of a connector run and its baseline, for the notes. */
  public static double shorter(Throughput a, Throughput b) {
    return Math.min(a.seconds(), b.seconds());
  }

  @Override
  public String toString() {
    return String.format("%,.0f records/s (%,d records in %.2f s)", perSecond(), records, nanos / 1e9);
  }
}
