package io.github.variantconnect.bench;

import io.github.variantconnect.bench.conversion.ConversionRun;
import io.github.variantconnect.bench.dashboard.DashboardBenchmark;
import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.infra.Topics;
import io.github.variantconnect.bench.latency.LatencyBenchmark;
import io.github.variantconnect.bench.memory.MemoryBudgetRun;
import io.github.variantconnect.bench.report.Machine;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.bench.report.ResultsWriter;
import io.github.variantconnect.bench.sink.SinkBenchmark;
import io.github.variantconnect.bench.source.AtsSourceBenchmark;
import io.github.variantconnect.bench.source.HttpSourceBenchmark;
import io.github.variantconnect.testkit.ConnectCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the benchmarks {@code -Dbench.only} selects (all by default) and writes
 * {@code results/benchmarks.csv} and {@code results/benchmarks.md}; a complete run also replaces the
 * table in docs/benchmarks.md. The JMH conversion benchmark and the memory-budget run come first,
 * each in a JVM of its own, while the machine is quiet; the end-to-end ones then share one KRaft broker and one Connect worker in
 * this JVM, with the baselines beside them; the latency run starts a worker JVM of its own.
 */
public final class BenchSuite {

  private final BenchOptions options;
  private final List<Result> results = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  private BenchSuite(BenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.fromSystemProperties();
    Machine machine = Machine.now();
    BenchSuite suite = new BenchSuite(options);
    suite.runAll();
    suite.write(machine);
    if (!suite.failures.isEmpty()) {
      System.err.println("Failed: " + String.join("; ", suite.failures));
      System.exit(1);
    }
    // Broker and worker threads are not all daemons.
    System.exit(0);
  }

  private void runAll() throws Exception {
    if (options.runs("conversion")) {
      attempt("conversion", () -> ConversionRun.run(options));
    }
    if (options.runs("memory")) {
      attempt("memory", () -> MemoryBudgetRun.run(options));
    }
    if (options.runs("dashboard")) {
      Path dashboardData = Files.createDirectories(
          Path.of(System.getProperty("variantconnect.build.dir", "target"), "bench-data"));
      attempt("dashboard", () -> new DashboardBenchmark(options, dashboardData).run());
    }
    if (!(options.runs("ats") || options.runs("sink") || options.runs("http") || options.runs("latency"))) {
      return;
    }
    Path dataDir = Files.createDirectories(Path.of(System.getProperty("variantconnect.build.dir", "target"), "bench-data"));
    ConnectCluster cluster = ConnectCluster.builder().build().start();
    try {
      Topics topics = new Topics(cluster.kafka().bootstrapServers());
      AtsSourceBenchmark ats = new AtsSourceBenchmark(cluster, topics, options);
      if (options.runs("ats") || options.runs("sink")) {
        String telemetry = ats.produceTelemetryTopic("ats-telemetry-bench");
        if (options.runs("ats")) {
          attempt("ats", () -> ats.run(telemetry));
        }
        if (options.runs("sink")) {
          attempt("sink", () -> new SinkBenchmark(cluster, options, dataDir).run(telemetry, ats.records()));
        }
      }
      if (options.runs("http")) {
        attempt("http", () -> new HttpSourceBenchmark(cluster, topics, options).run());
      }
      if (options.runs("latency")) {
        // The latency run has a worker JVM of its own; this one would only take CPU from it.
        cluster.worker().stop();
        attempt("latency", () -> new LatencyBenchmark(topics, options, dataDir).run());
      }
    } finally {
      cluster.close();
    }
  }

  private void attempt(String benchmark, Supplier<List<Result>> run) {
    try {
      results.addAll(run.get());
    } catch (RuntimeException | LinkageError e) {
      // One broken benchmark must not cost the others of an unattended run.
      e.printStackTrace();
      failures.add(benchmark + ": " + e);
    }
  }

  private void write(Machine machine) throws Exception {
    String markdown = ResultsWriter.markdown(results, machine.describe(Machine.currentLoad()));
    ResultsWriter.writeCsv(results, options.resultsDir().resolve("benchmarks.csv"));
    Files.writeString(options.resultsDir().resolve("benchmarks.md"), markdown);
    System.out.println(markdown);
    if (options.complete() && failures.isEmpty()) {
      ResultsWriter.updateDocs(options.docsFile(), markdown);
      System.out.println("Updated " + options.docsFile());
    }
  }
}
