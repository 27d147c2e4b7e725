package io.github.variantconnect.bench.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.bench.infra.BenchOptions;
import io.github.variantconnect.bench.report.Result;
import io.github.variantconnect.bench.report.Rounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ConversionBenchmark} under JMH in a JVM of its own: it needs the sink's classes and
 * the official connector on its classpath, which the suite's JVM (hosting a Connect worker) must
 * not have. One fork of each side makes a round: the round's ratio is ours ÷ official of the
 * forks with the same index.
 */
public final class ConversionRun {

  private static final String COMMAND =
      "./mvnw -B -Pbench -DskipTests -pl bench -am verify -Dbench.only=conversion";
  private static final int ITERATIONS_PER_FORK = 5;

  private ConversionRun() {}

  public static List<Result> run(BenchOptions options) {
    Path json = options.resultsDir().resolve("conversion-jmh.json");
    long iterationSeconds = Math.max(1, options.round().toSeconds() / ITERATIONS_PER_FORK);
    runJmh(options, iterationSeconds, json);
    Map<String, double[]> forks = forkMedians(json);
    List<Result> results = new ArrayList<>();
    for (String input : List.of("struct", "map")) {
      double[] ours = forks.get("variantSink/" + input);
      double[] official = forks.get("officialConnector/" + input);
      Rounds rounds = new Rounds();
      for (int i = 0; i < Math.min(ours.length, official.length); i++) {
        rounds.add(ours[i], official[i], ITERATIONS_PER_FORK * iterationSeconds);
      }
      String what = input.equals("struct") ? "Struct (ATS telemetry, 16 fields)" : "Map (clickstream, 13 fields)";
      results.add(Result.paired("Record → JSON conversion, " + what, "≤ 0.5× official connector's cost", rounds,
          "ns/record", "snowflake-kafka-connector 2.5.0 RecordService (streaming)", rounds.medianRatio() <= 0.5,
          COMMAND, rounds.describe() + "; JMH average time per record, a round = one fork of each ("
              + ITERATIONS_PER_FORK + " iterations of " + iterationSeconds + " s after 3 s of warm-up, median"
              + " iteration); both produce RECORD_METADATA and RECORD_CONTENT JSON text"));
    }
    return results;
  }

  private static void runJmh(BenchOptions options, long iterationSeconds, Path json) {
    try {
      Files.createDirectories(json.getParent());
      Process jmh = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", options.jmhClasspath(), "org.openjdk.jmh.Main", ConversionBenchmark.class.getName(),
          "-f", Integer.toString(options.rounds()),
          "-wi", "3", "-w", "1s",
          "-i", Integer.toString(ITERATIONS_PER_FORK), "-r", iterationSeconds + "s",
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
   * "method/input" → the median iteration of each fork (ns/op) from JMH's JSON result file: medians
   * rather than JMH's mean, so a few iterations slowed by other work on a shared machine do not
   * decide.
   */
  private static Map<String, double[]> forkMedians(Path json) {
    try {
      Map<String, double[]> scores = new HashMap<>();
      for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
        String benchmark = run.path("benchmark").asText();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        List<Double> medians = new ArrayList<>();
        for (JsonNode fork : run.path("primaryMetric").path("rawData")) {
          double[] iterations = new double[fork.size()];
          for (int i = 0; i < iterations.length; i++) {
            iterations[i] = fork.get(i).asDouble();
          }
          Arrays.sort(iterations);
          int n = iterations.length;
          medians.add(n % 2 == 1 ? iterations[n / 2] : (iterations[n / 2 - 1] + iterations[n / 2]) / 2);
        }
        scores.put(method + "/" + run.path("params").path("input").asText(),
            medians.stream().mapToDouble(Double::doubleValue).toArray());
      }
      return scores;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + json, e);
    }
  }
}
