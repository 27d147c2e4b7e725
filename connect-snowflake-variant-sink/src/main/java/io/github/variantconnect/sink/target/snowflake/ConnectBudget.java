package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a Snowflake target may spend getting connected (a JDBC login, a streaming client, a
 * channel) before its task fails. The drivers retry a login for minutes inside one call, silent and
 * with the task RUNNING; here each attempt runs on a helper thread, so that after {@code warnAfter}
 * a WARN says what is wrong (the account host does not resolve, its port does not answer, or it
 * answers and the login does not finish) and, once the budget is spent — by one hanging call or by
 * retriable failures in a row — the task fails with that cause and what to fix.
 *
 * <p>One per target; every Snowflake path (classic streaming, high-performance streaming, JDBC)
 * passes its connecting calls through one.
 */
public final class ConnectBudget implements AutoCloseable {

  /** Why connecting stalls: a look at the host from this worker, never throwing. */
  @FunctionalInterface
  public interface Probe {
    String diagnose();
  }

  /** A connecting call. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws Exception;
  }

  /** Turns a failed attempt into the target's failure (retriable or not). */
  @FunctionalInterface
  public interface Classifier {
    TargetException classify(Exception failure);
  }

  public static final Duration WARN_AFTER = Duration.ofSeconds(20);
  private static final int PROBE_TIMEOUT_MS = 5_000;
  private static final Logger log = LoggerFactory.getLogger(ConnectBudget.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** How long an attempt made after the budget ran out may take before it counts as not finished. */
  private static final long LAST_ATTEMPT_WAIT_MS = 1_000;

  private final Duration budget;
  private final Duration warnAfter;
  private final Probe probe;
  private final Consumer<String> warn;
  private final LongSupplier clockMs;
  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "variant-snowflake-connect-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });
  /** Since when connecting has not succeeded; -1 while the last attempt succeeded. */
  private long failingSinceMs = -1;

  public ConnectBudget(Duration budget, Duration warnAfter, Probe probe, Consumer<String> warn, LongSupplier clockMs) {
    this.budget = budget;
    this.warnAfter = warnAfter.compareTo(budget) < 0 ? warnAfter : budget;
    this.probe = probe;
    this.warn = warn;
    this.clockMs = clockMs;
  }

  /** The budget for an account: warns after {@link #WARN_AFTER}, probes the account's host. */
  public static ConnectBudget of(Duration budget, String host, int port) {
    return new ConnectBudget(budget, WARN_AFTER, () -> probe(host, port), log::warn, System::currentTimeMillis);
  }

  /**
   * Runs {@code attempt} within what is left of the budget.
   *
   * @throws TargetException the classified failure of the attempt; {@link
   *     SinkErrorCode#SNOWFLAKE_UNREACHABLE}, fatal, once the budget is spent
   */
  public <T> T call(String what, Attempt<T> attempt, Classifier classifier) throws TargetException {
    long start = clockMs.getAsLong();
    long since = failingSinceMs >= 0 ? failingSinceMs : start;
    long left = budget.toMillis() - (start - since);
    Future<T> future = executor.submit(attempt::run);
    try {
      T result;
      try {
        // A budget spent since the last failure still gives this attempt a moment to answer, so
        // the task fails with the attempt's own error rather than with a wait too short to see it.
        long wait = left > 0 ? Math.min(left, warnAfter.toMillis()) : LAST_ATTEMPT_WAIT_MS;
        result = future.get(wait, TimeUnit.MILLISECONDS);
      } catch (TimeoutException slow) {
        String cause = probe.diagnose();
        warn.accept(what + " has not finished after " + seconds(clockMs.getAsLong() - start) + " s: " + cause
            + "; the task fails after snowflake.connect.budget.ms=" + budget.toMillis());
        long rest = left - (clockMs.getAsLong() - start);
        try {
          result = future.get(Math.max(1, rest), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
          // The drivers do not all honour interrupts: the thread is a daemon and ends when its call does.
          future.cancel(true);
          failingSinceMs = since;
          throw unreachable(what + " did not finish within " + seconds(clockMs.getAsLong() - since) + " s: " + cause,
              null);
        }
      }
      failingSinceMs = -1;
      return result;
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw TargetException.retriable(what + " was interrupted", e);
    } catch (ExecutionException e) {
      Exception failure = e.getCause() instanceof Exception cause ? cause : e;
      TargetException classified = failure instanceof TargetException t ? t : classifier.classify(failure);
      if (!classified.retriable()) {
        failingSinceMs = -1;
        throw classified;
      }
      failingSinceMs = since;
      long spent = clockMs.getAsLong() - since;
      if (spent >= budget.toMillis()) {
        throw unreachable(what + " kept failing for " + seconds(spent) + " s: " + classified.getMessage() + "; "
            + probe.diagnose(), classified);
      }
      throw classified;
    }
  }

  private TargetException unreachable(String detail, Throwable cause) {
    return TargetException.fatal(SinkErrorCode.SNOWFLAKE_UNREACHABLE, detail, cause);
  }

  private static long seconds(long ms) {
    return ms / 1000;
  }

  /** Resolves the host and opens a TCP connection to it, naming the first step that fails. */
  static String probe(String host, int port) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      return "the account host " + host + " does not resolve (check snowflake.url.name: the account identifier"
          + " is <orgname>-<accountname> or the account locator with its region)";
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), PROBE_TIMEOUT_MS);
    } catch (IOException e) {
      return host + ":" + port + " (" + address.getHostAddress() + ") does not accept connections from this worker ("
          + e.getClass().getSimpleName() + "; check the firewall, or set jvm.proxy.host and jvm.proxy.port)";
    }
    return host + ":" + port + " answers, but the login does not complete (check the key or OAuth settings, the"
        + " user and the role; the driver's log has the detail)";
  }

  /**
   * A JDBC connector whose logins go through this budget; a spent budget arrives as {@link
   * Exceeded}, which {@link SnowflakeErrors#classify(String, java.sql.SQLException)} unwraps.
   */
  public JdbcConnector jdbc(String what, JdbcConnector connector) {
    return () -> {
      try {
        return call(what, connector::open, failure -> failure instanceof java.sql.SQLException sql
            ? SnowflakeErrors.classify(what, sql) : SnowflakeErrors.classify(what, asRuntime(failure)));
      } catch (TargetException e) {
        throw new Exceeded(e);
      }
    };
  }

  private static RuntimeException asRuntime(Exception e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  /** A budgeted login failed; carries the classified failure through the JDBC interface. */
  public static final class Exceeded extends java.sql.SQLException {
    private final transient TargetException failure;

    Exceeded(TargetException failure) {
      super(failure.getMessage(), failure.retriable() ? "08001" : "28000", failure);
      this.failure = failure;
    }

    public TargetException failure() {
      return failure;
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
