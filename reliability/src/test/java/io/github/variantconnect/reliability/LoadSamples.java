package io.github.variantconnect.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Measurements taken at intervals during a load run, and what they add up to. */
final class LoadSamples {

  /** One measurement: seconds since the start, offsets produced, sink lag, worker heap in use. */
  record Sample(double seconds, long produced, long sinkLag, long heapBytes, long httpBehind) {}

  private final List<Sample> samples = new ArrayList<>();

  void add(Sample sample) {
    samples.add(sample);
  }

  /** Offsets produced per second between the first and the last sample. */
  double inputRate() {
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    return (last.produced() - first.produced()) / (last.seconds() - first.seconds());
  }

  /**
   * How fast the sink lag grew over the second half of the run, in offsets per second (least
   * squares): near 0 when the sink keeps up, the shortfall in throughput when it does not.
   */
  double lagSlopeSecondHalf() {
    List<Sample> half = samples.subList(samples.size() / 2, samples.size());
    double n = half.size();
    double meanT = half.stream().mapToDouble(Sample::seconds).average().orElseThrow();
    double meanLag = half.stream().mapToDouble(Sample::sinkLag).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (Sample s : half) {
      covariance += (s.seconds() - meanT) * (s.sinkLag() - meanLag);
      variance += (s.seconds() - meanT) * (s.seconds() - meanT);
    }
    return n < 2 || variance == 0 ? 0 : covariance / variance;
  }

  long maxLag() {
    return samples.stream().mapToLong(Sample::sinkLag).max().orElse(0);
  }

  long lastLag() {
    return samples.get(samples.size() - 1).sinkLag();
  }

  long maxHttpBehind() {
    return samples.stream().mapToLong(Sample::httpBehind).max().orElse(0);
  }

  long maxHeapBytes() {
    return samples.stream().mapToLong(Sample::heapBytes).max().orElse(0);
  }

  double meanHeapBytes() {
    return samples.stream().mapToLong(Sample::heapBytes).average().orElse(0);
  }

  void writeCsv(Path file) {
    List<String> lines = new ArrayList<>();
    lines.add("seconds,produced_offsets,sink_lag_offsets,worker_heap_used_mb,http_events_behind_api_head");
    for (Sample s : samples) {
      lines.add(String.format("%.1f,%d,%d,%.1f,%d", s.seconds(), s.produced(), s.sinkLag(), s.heapBytes() / 1048576.0,
          s.httpBehind()));
    }
    try {
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
