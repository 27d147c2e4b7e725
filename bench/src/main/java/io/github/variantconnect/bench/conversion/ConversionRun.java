package io.github.variantconnect.bench.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.report.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ConversionBenchmark} under JMH in a JVM of its own: it needs the sink's classes and
 * the official connector on its classpath, which the suite's JVM (hosting a Connect worker) must
 * not have.
 */
public final class ConversionRun {

  private static final String COMMAND =
      "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=conversion";

  private ConversionRun() {}

  public static List<Result> run(BenchOptions options) {
    Path json = options.resultsDir().resolve("conversion-jmh.json");
    runJmh(options.jmhClasspath(), json);
    Map<String, Double> nanos = scores(json);
    List<Result> results = new ArrayList<>();
    for (String input : List.of("struct", "map")) {
      double ours = nanos.get("variantSink/" + input);
      double official = nanos.get("officialConnector/" + input);
      String what = input.equals("struct") ? "Struct (ATS telemetry, 16 fields)" : "Map (clickstream, 13 fields)";
      results.add(new Result("Record → JSON conversion, " + what, "≤ 0.5× official connector's cost", ours / official,
          ours, official, "ns/record", "snowflake-kafka-connector 2.5.0 RecordService (streaming)",
          ours / official <= 0.5, COMMAND, "JMH average time per record, median of 2 forks × 8 one-second"
              + " iterations (after 3 s of warm-up each); both produce RECORD_METADATA and RECORD_CONTENT JSON text"));
    }
    return results;
  }

  private static void runJmh(String classpath, Path json) {
    try {
      Files.createDirectories(json.getParent());
      Process jmh = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", classpath, "org.openjdk.jmh.Main", ConversionBenchmark.class.getName(),
          "-rf", "json", "-rff", json.toString())
          .inheritIO()
          .start();
      if (jmh.waitFor() != 0) {
        throw new IllegalStateException("JMH exited with " + jmh.exitValue());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run JMH", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * "method/input" → ns/op from JMH's JSON result file: the median of the iterations rather than
   * JMH's mean, so a few iterations slowed by other work on a shared machine do not decide.
   */
  private static Map<String, Double> scores(Path json) {
    try {
      Map<String, Double> scores = new HashMap<>();
      for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
        String benchmark = run.path("benchmark").asText();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        List<Double> iterations = new ArrayList<>();
        for (JsonNode fork : run.path("primaryMetric").path("rawData")) {
          fork.forEach(iteration -> iterations.add(iteration.asDouble()));
        }
        Collections.sort(iterations);
        int n = iterations.size();
        double median = n % 2 == 1 ? iterations.get(n / 2) : (iterations.get(n / 2 - 1) + iterations.get(n / 2)) / 2;
        scores.put(method + "/" + run.path("params").path("input").asText(), median);
      }
      return scores;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + json, e);
    }
  }
}
