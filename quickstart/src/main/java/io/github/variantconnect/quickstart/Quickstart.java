package io.github.variantconnect.quickstart;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run command's entry point: starts the {@link QuickstartStack}, prints where everything is,
 * then a line of KPIs now and then, until Ctrl-C stops the stack (the worker process included).
 */
public final class Quickstart {

  private static final long KPI_LINE_SECONDS = 15;

  private Quickstart() {}

  public static void main(String[] args) throws InterruptedException {
    if (QuickstartOptions.wantsHelp(args)) {
      System.out.print(QuickstartOptions.USAGE);
      return;
    }
    QuickstartOptions options;
    try {
      options = QuickstartOptions.parse(args, System.getProperties());
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(QuickstartOptions.USAGE);
      System.exit(2);
      return;
    }
    // The stack prints its own summary; the demo API's and DuckDB's info logs would only repeat it.
    Logger.getLogger("").setLevel(Level.WARNING);
    QuickstartStack stack = new QuickstartStack(options, System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before the start, so that Ctrl-C during the start also stops the worker process.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping...");
      stack.close();
      System.out.println("Stopped. Run the same command again to resume.");
      stopped.countDown();
    }, "quickstart-shutdown"));
    try {
      stack.start();
    } catch (Exception e) {
      System.err.println();
      System.err.println("The quickstart could not start: " + e.getMessage());
      System.err.println("Worker logs: " + options.dataDir().resolve("logs").toAbsolutePath());
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println();
    System.out.println("Open " + stack.dashboardUrl() + "  (Ctrl-C stops everything; run again to resume,"
        + " or add -Dquickstart.reset=true to start over)");
    String lastLine = "";
    while (!stopped.await(KPI_LINE_SECONDS, TimeUnit.SECONDS)) {
      String line = stack.refresher().kpis().map(Quickstart::kpiLine).orElse(lastLine);
      if (!line.equals(lastLine)) {
        System.out.println(line);
        lastLine = line;
      }
    }
  }

  static String kpiLine(Map<String, Object> kpis) {
    return String.format(Locale.ROOT,
        "%s  active trains %3d | avg passengers %5.1f | active alerts %3d | avg power %6.1f kW",
        kpis.getOrDefault("as_of", "-"),
        number(kpis.get("active_trains")).longValue(),
        number(kpis.get("avg_passengers")).doubleValue(),
        number(kpis.get("active_alerts")).longValue(),
        number(kpis.get("avg_power_kw")).doubleValue());
  }

  private static Number number(Object value) {
    return value instanceof Number n ? n : 0;
  }
}
