package io.github.variantconnect.quickstart.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The dashboard over HTTP: the static page and chart library, and {@code GET /api/dashboard}, the
 * refresher's latest snapshot, both behind {@link DashboardAccess}. A small bounded pool serves it; when the queue is full the accepting
 * thread serves the request itself, which slows clients down instead of dropping them.
 */
public final class DashboardServer implements AutoCloseable {

  static final String API_PATH = "/api/dashboard";
  private static final int THREADS = 4;
  private static final int QUEUED_REQUESTS = 64;

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final StaticFiles files;
  private final Supplier<byte[]> snapshot;
  private final DashboardAccess access;

  private DashboardServer(InetSocketAddress address, StaticFiles files, Supplier<byte[]> snapshot, DashboardAccess access)
      throws IOException {
    this.access = access;
    this.files = files;
    this.snapshot = snapshot;
    AtomicInteger threads = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUED_REQUESTS),
        runnable -> {
          Thread thread = new Thread(runnable, "dashboard-http-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
    this.server = HttpServer.create(address, 64);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  /**
   * Serves on {@code host:port} (port 0 picks a free one), guarded by the token configured in
   * {@link DashboardAccess#TOKEN_PROPERTY}; refused beyond loopback without one.
   */
  public static DashboardServer start(String host, int port, Supplier<byte[]> snapshot) throws IOException {
    return start(host, port, snapshot, DashboardAccess.configured());
  }

  static DashboardServer start(String host, int port, Supplier<byte[]> snapshot, DashboardAccess access)
      throws IOException {
    access.checkServable(host);
    return new DashboardServer(new InetSocketAddress(host, port), StaticFiles.load(), snapshot, access);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!access.permits(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", DashboardAccess.CHALLENGE);
        send(exchange, 401, "text/plain; charset=utf-8", "the dashboard needs its token\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals(API_PATH)) {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, 200, "application/json", snapshot.get());
        return;
      }
      Optional<StaticFiles.File> file = files.get(path.equals("/index.html") ? "/" : path);
      if (file.isEmpty()) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      send(exchange, 200, file.get().contentType(), file.get().body());
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
