package io.github.variantconnect.bench.report;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The machine a run happened on, and how busy it was: ratios travel, absolute numbers do not. */
public record Machine(int cores, long memoryMb, String java, String os, double loadAtStart, Instant started) {

  public static Machine now() {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() >> 20,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        os.getSystemLoadAverage(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  public String describe(double loadAtEnd) {
    return String.format("%d cores, %,d MB RAM, %s, %s; load average %.1f at start, %.1f at end; run %s",
        cores, memoryMb, java, os, loadAtStart, loadAtEnd, started);
  }

  public static double currentLoad() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
