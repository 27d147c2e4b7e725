package io.github.variantconnect.http.client;

import io.github.variantconnect.http.config.ResilienceSettings;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** The task's HTTP client: no automatic redirects (see {@link ApiClient}), a small named executor. */
public final class HttpClients {

  private HttpClients() {}

  /** A fixed pool of two daemon threads: the client's async work never creates a thread per request. */
  public static ExecutorService executor(String name) {
    return fixedPool(name, 2);
  }

  /** A fixed pool of {@code threads} named daemon threads. */
  public static ExecutorService fixedPool(String name, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return Executors.newFixedThreadPool(threads, factory);
  }

  public static HttpClient create(ResilienceSettings settings, SSLContext ssl, ExecutorService executor) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(ssl)
        .executor(executor)
        .build();
  }
}
