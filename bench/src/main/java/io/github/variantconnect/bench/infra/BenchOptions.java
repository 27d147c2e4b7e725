package io.github.variantconnect.bench.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to run and how long, from {@code -Dbench.*} system properties (the pom passes the defaults).
 * {@code -Dbench.smoke=true} is the development mode: one short round of everything, to see that
 * the benchmarks run — its figures are not results, and it never touches docs/benchmarks.md.
 */
public record BenchOptions(
    Set<String> only,
    boolean smoke,
    int rounds,
    Duration round,
    long atsTicks,
    long httpEvents,
    int latencyEventsPerSecond,
    int latencySeconds,
    boolean latencyFlightRecording,
    Path resultsDir,
    Path docsFile,
    String jmhClasspath) {

  public static final Set<String> ALL = Set.of("conversion", "memory", "ats", "http", "sink", "latency", "dashboard");

  public static BenchOptions fromSystemProperties() {
    String only = System.getProperty("bench.only", "all");
    boolean smoke = Boolean.getBoolean("bench.smoke");
    return new BenchOptions(
        only.equals("all") ? ALL : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet()),
        smoke,
        smoke ? 1 : Integer.getInteger("bench.rounds", 5),
        Duration.ofSeconds(smoke ? 2 : Integer.getInteger("bench.round.seconds", 10)),
        smoke ? 2_000 : Long.getLong("bench.ats.ticks", 20_000),
        smoke ? 20_000 : Long.getLong("bench.http.events", 200_000),
        Integer.getInteger("bench.latency.rate", 10_000),
        smoke ? 25 : Integer.getInteger("bench.latency.seconds", 60),
        Boolean.getBoolean("bench.latency.jfr"),
        Path.of(System.getProperty("bench.results.dir", "bench/target/results")),
        Path.of(System.getProperty("bench.docs.file", "docs/benchmarks.md")),
        System.getProperty("bench.jmh.classpath", System.getProperty("java.class.path")));
  }

  public boolean runs(String benchmark) {
    return only.contains(benchmark);
  }

  /**
   * Only a full run at full length replaces the table in docs/benchmarks.md; a partial or smoke run
   * writes its results only.
   */
  public boolean complete() {
    return !smoke && only.containsAll(ALL);
  }

  /** For the notes: "5 paired rounds of ≥ 10 s". */
  public String roundsText() {
    return rounds + " paired round" + (rounds == 1 ? "" : "s") + " of ≥ " + round.toSeconds() + " s";
  }
}
