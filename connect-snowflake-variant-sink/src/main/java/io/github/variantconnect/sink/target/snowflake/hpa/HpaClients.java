package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import io.github.variantconnect.sink.target.TargetException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task's clients, one per pipe, and the bounded threads every SDK call runs on. A call that
 * does not answer within the call timeout counts as a stuck client: it is closed and replaced on
 * the next use, and the caller gets a retriable failure naming the wait, so the core logs a WARN
 * and the task heals instead of hanging in RUNNING.
 */
final class HpaClients implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HpaClients.class);

  private final HpaClientFactory factory;
  private final String clientPrefix;
  private final Duration callTimeout;
  private final ExecutorService calls;
  private final Map<String, SnowflakeStreamingIngestClient> byPipe = new HashMap<>();

  HpaClients(HpaClientFactory factory, String clientPrefix, Duration callTimeout, int threads) {
    this.factory = factory;
    this.clientPrefix = clientPrefix;
    this.callTimeout = callTimeout;
    AtomicInteger count = new AtomicInteger();
    this.calls = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, clientPrefix + "-snowflake-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A live client for the pipe, built on first use or when the last one was closed. */
  SnowflakeStreamingIngestClient client(String pipe) throws TargetException {
    SnowflakeStreamingIngestClient client = byPipe.get(pipe);
    if (client != null && !client.isClosed()) {
      return client;
    }
    if (client != null) {
      log.warn("The Snowpipe Streaming client for pipe {} was closed; starting a new one", pipe);
    }
    String name = clientPrefix + "_" + pipe.replaceAll("[^A-Za-z0-9_]", "_");
    // Building a client is the login; the SDK's native core retries an unresolvable host for minutes
    // inside it. The wait is longer than the connect budget's WARN, which names the cause first.
    SnowflakeStreamingIngestClient fresh = await("connecting to Snowflake for pipe " + pipe,
        submit(() -> factory.create(name, pipe)), callTimeout.multipliedBy(3));
    byPipe.put(pipe, fresh);
    return fresh;
  }

  /** True when the pipe's client is not the one a channel was opened through (it was replaced). */
  boolean replaced(String pipe, SnowflakeStreamingIngestClient openedThrough) {
    SnowflakeStreamingIngestClient current = byPipe.get(pipe);
    return current != openedThrough || current.isClosed();
  }

  /** Runs one SDK call on the bounded threads; see the class comment for the timeout. */
  <T> T call(String action, Callable<T> call) throws TargetException {
    return await(action, submit(call));
  }

  <T> Future<T> submit(Callable<T> call) {
    return calls.submit(call);
  }

  <T> T await(String action, Future<T> future) throws TargetException {
    return await(action, future, callTimeout);
  }

  private <T> T await(String action, Future<T> future, Duration timeout) throws TargetException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      closeAll();
      throw TargetException.retriable(action + ": no answer from Snowflake within " + timeout.toSeconds()
          + " s (unreachable account, proxy or firewall?); the clients were closed and are rebuilt on the next try",
          e);
    } catch (ExecutionException e) {
      throw HpaErrors.classify(action, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw TargetException.retriable(action + ": interrupted", e);
    }
  }

  /** Closes every client without waiting for flushes: what they hold is sent again from Kafka. */
  void closeAll() {
    for (Map.Entry<String, SnowflakeStreamingIngestClient> entry : byPipe.entrySet()) {
      SnowflakeStreamingIngestClient client = entry.getValue();
      calls.submit(() -> {
        try {
          client.close(false, Duration.ZERO);
        } catch (RuntimeException e) {
          log.debug("Closing the client of pipe {} failed: {}", entry.getKey(), e.toString());
        }
        return null;
      });
    }
    byPipe.clear();
  }

  @Override
  public void close() {
    for (SnowflakeStreamingIngestClient client : byPipe.values()) {
      try {
        client.close();
      } catch (RuntimeException e) {
        log.warn("Closing a Snowpipe Streaming client failed: {}", e.toString());
      }
    }
    byPipe.clear();
    calls.shutdownNow();
  }
}
