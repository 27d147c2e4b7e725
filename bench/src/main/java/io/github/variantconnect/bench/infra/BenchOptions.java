package io.github.variantconnect.bench.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What to run and how big, from {@code -Dbench.*} system properties (the pom passes the defaults). */
public record BenchOptions(
    Set<String> only,
    int rounds,
    long atsTicks,
    long httpEvents,
    int latencyEventsPerSecond,
    int latencySeconds,
    Path resultsDir,
    Path docsFile,
    String jmhClasspath) {

  public static final Set<String> ALL = Set.of("conversion", "ats", "http", "sink", "latency", "dashboard");

  public static BenchOptions fromSystemProperties() {
    String only = System.getProperty("bench.only", "all");
    return new BenchOptions(
        only.equals("all") ? ALL : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet()),
        Integer.getInteger("bench.rounds", 3),
        Long.getLong("bench.ats.ticks", 3_000),
        Long.getLong("bench.http.events", 200_000),
        Integer.getInteger("bench.latency.rate", 10_000),
        Integer.getInteger("bench.latency.seconds", 60),
        Path.of(System.getProperty("bench.results.dir", "bench/target/results")),
        Path.of(System.getProperty("bench.docs.file", "docs/benchmarks.md")),
        System.getProperty("bench.jmh.classpath", System.getProperty("java.class.path")));
  }

  public boolean runs(String benchmark) {
    return only.contains(benchmark);
  }

  /** Only a full run replaces the table in docs/benchmarks.md; a partial one writes its results only. */
  public boolean complete() {
    return only.containsAll(ALL);
  }
}
