package io.github.variantconnect.demoapi;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo clickstream API on its own: {@code java -jar demo-clickstream-api-<version>.jar
 * [flags]}. Prints the base URL on the first line of standard output, then serves until killed.
 */
public final class DemoApiMain {
  private DemoApiMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format",
          "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
    }
    DemoClickstreamApi api;
    try {
      api = start(args, System.getenv(), System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println("run with --help for the list of flags");
      System.exit(2);
      return;
    }
    if (api == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      stopped.countDown();
    }, "demo-api-shutdown"));
    stopped.await();
  }

  /**
   * Parses flags (falling back to {@code DEMO_API_*} variables in {@code env}), starts the server
   * and prints its base URL to {@code out}; returns null after printing help for {@code --help}.
   */
  static DemoClickstreamApi start(String[] args, Map<String, String> env, PrintStream out) {
    if (CommandLineOptions.wantsHelp(args)) {
      out.print(CommandLineOptions.usage());
      return null;
    }
    DemoClickstreamApi api = DemoClickstreamApi.start(CommandLineOptions.parse(args, env));
    out.println(api.baseUrl());
    out.flush();
    return api;
  }
}
