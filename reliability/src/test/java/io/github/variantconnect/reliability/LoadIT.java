package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sustained load: the ATS source (three quarters) and the HTTP source (one quarter) offer 10,000
 * events/s together, for 2 minutes in CI or {@code -Dreliability.load.minutes=30} for the bench run,
 * while the sink lands everything in DuckDB. Every two seconds the sink's consumer lag, the events
 * produced and the worker's heap are sampled. The sources must really produce the offered rate (at
 * least {@value #PRODUCED_SHARE} of it, measured while sampled); the lag must stay bounded — not grow
 * over the second half of the run by more than a tenth of the offered rate — and drain to
 * {@value #DRAINED} offsets once the sources end; everything lands exactly once. The samples go to
 * {@code target/reliability-results/}.
 */
class LoadIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final double MINUTES = Double.parseDouble(System.getProperty("reliability.load.minutes", "2"));
  private static final double RATE = Double.parseDouble(System.getProperty("reliability.load.rate", "10000"));
  private static final double ATS_SHARE = 0.75;
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(2);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  /** Drained lag: at most a few transaction markers per partition are left. */
  private static final long DRAINED = 100;
  /**
   * Share of the offered rate the sources must produce: the first sample falls while the tasks
   * still warm up, and transaction markers count as offsets too, so not quite all of it.
   */
  private static final double PRODUCED_SHARE = 0.9;

  @Test
  void offeredLoadLandsWithBoundedLag() throws InterruptedException {
    Results results = Results.named("load");
    double seconds = MINUTES * 60;
    double atsRate = RATE * ATS_SHARE;
    double clicksRate = RATE - atsRate;
    double ticksPerSecond = atsRate / ConnectorConfigs.ATS_TRAINS;
    long ticks = Math.round(seconds * ticksPerSecond);
    long clicks = 1_000 + Math.round(seconds * clicksRate);
    // Each ATS task may run a fifth above its share, to catch up after a pause without bursting.
    try (Pipeline pipeline = Pipeline.builder("load").ats(ticks, ticksPerSecond, 2).atsMaxEventsPerSecond(atsRate / 2 * 1.2)
        .clicks(1, 1_000, clicksRate, clicks).build()) {
      results.line(String.format("offered: %,.0f events/s for %.1f min (ATS %,.0f/s: %,d trains x %,d ticks; HTTP %,.0f/s: %,d events)",
          RATE, MINUTES, atsRate, ConnectorConfigs.ATS_TRAINS, ticks, clicksRate, clicks));
      pipeline.start(CONNECT);
      pipeline.awaitRunning(CONNECT, TIMEOUT);

      LoadSamples samples = sample(pipeline, seconds);
      samples.writeCsv(results.file().resolveSibling("load-samples.csv"));

      long drainStart = System.nanoTime();
      pipeline.awaitAllRows(TIMEOUT);
      double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
      pipeline.assertExactlyOnce();
      long drainedLag = drainedLag(pipeline);
      double slope = samples.lagSlopeSecondHalf();
      results.lines(List.of(
          String.format("input: %,.0f offsets/s produced while sampled", samples.inputRate()),
          String.format("sink lag: max %,d, at the end of the load %,d, trend over the second half %+,.0f offsets/s",
              samples.maxLag(), samples.lastLag(), slope),
          String.format("HTTP source behind the API's head: max %,d events", samples.maxHttpBehind()),
          String.format("worker heap used: max %,.0f MB, mean %,.0f MB", samples.maxHeapBytes() / 1048576.0,
              samples.meanHeapBytes() / 1048576.0),
          String.format("after the sources ended, the rest landed in %.1f s; %,d events landed once each",
              drainSeconds, pipeline.expectedEvents()),
          String.format("sink lag once drained: %,d offsets", drainedLag),
          "lag bounded: " + (slope <= RATE / 10 ? "yes" : "no")));

      assertThat(samples.inputRate()).as("offsets produced per second: the load was really offered")
          .isGreaterThanOrEqualTo(RATE * PRODUCED_SHARE);
      assertThat(slope).as("growth of the sink lag over the second half, offsets/s").isLessThanOrEqualTo(RATE / 10);
      assertThat(drainedLag).as("sink lag after everything landed").isLessThanOrEqualTo(DRAINED);
    }
  }

  /** The sink's lag once its commits caught up with the rows it landed (fails the wait if never). */
  private static long drainedLag(Pipeline pipeline) {
    List<String> topics = List.of(pipeline.atsTopic(), pipeline.clicksTopic());
    try (ConsumerLag lag = new ConsumerLag(CONNECT.kafka().clientProps())) {
      return Awaits.value(TIMEOUT, "sink lag down to " + DRAINED + " offsets",
          () -> lag.lag("connect-" + pipeline.sinkConnector(), topics), value -> value <= DRAINED);
    }
  }

  /** Samples until the sources have offered their whole stream. */
  private static LoadSamples sample(Pipeline pipeline, double seconds) throws InterruptedException {
    LoadSamples samples = new LoadSamples();
    List<String> topics = List.of(pipeline.atsTopic(), pipeline.clicksTopic());
    String group = "connect-" + pipeline.sinkConnector();
    DemoClickstreamApi api = pipeline.apis().get(0);
    long start = System.nanoTime();
    try (WorkerHeap heap = WorkerHeap.attach(CONNECT.worker().pid());
        ConsumerLag lag = new ConsumerLag(CONNECT.kafka().clientProps())) {
      long next = start;
      while (System.nanoTime() - start < seconds * 1e9) {
        next += SAMPLE_EVERY.toNanos();
        long clicksProduced = lag.endOffsets(List.of(pipeline.clicksTopic()));
        samples.add(new LoadSamples.Sample((System.nanoTime() - start) / 1e9, lag.endOffsets(topics), lag.lag(group, topics),
            heap.usedBytes(), Math.max(0, api.headSeq() - clicksProduced)));
        // Sampling is periodic by design: the wait is the sampling interval, not a condition.
        Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
      }
    }
    return samples;
  }
}
