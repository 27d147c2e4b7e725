package io.github.variantconnect.http.client;

import io.github.variantconnect.http.auth.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends page requests on the task's one {@link HttpClient}: credentials, static headers, bounded
 * bodies (compressed ones decoded within the same limit), redirects only where the {@link HostPolicy} allows. The caller's thread waits for the
 * answer; {@link #abort()} releases it when the task stops.
 */
public final class ApiClient {

  private static final int MAX_REDIRECTS = 5;

  private final HttpClient http;
  private final Authenticator auth;
  private final Map<String, String> headers;
  private final HostPolicy hosts;
  private final Duration requestTimeout;
  private final long maxResponseBytes;
  private final String acceptEncoding;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean aborted;

  public ApiClient(HttpClient http, Authenticator auth, Map<String, String> headers, HostPolicy hosts,
      Duration requestTimeout, long maxResponseBytes, String acceptEncoding) {
    this.http = http;
    this.auth = auth;
    this.headers = Map.copyOf(headers);
    this.hosts = hosts;
    this.requestTimeout = requestTimeout;
    this.maxResponseBytes = maxResponseBytes;
    this.acceptEncoding = acceptEncoding;
  }

  /**
   * Sends {@code request} and reads the whole response. Throws {@link IOException} for I/O errors,
   * timeouts and refused hosts, and {@link CancellationException} after {@link #abort()}.
   */
  public ApiResponse send(ApiRequest request) throws IOException, InterruptedException {
    URI origin = request.uri();
    hosts.checkAllowed(origin);
    URI uri = origin;
    String method = request.method();
    String body = request.body();
    for (int hop = 0; ; hop++) {
      boolean credentials = HostPolicy.credentialsMayGo(origin, uri);
      HttpResponse<byte[]> response = exchange(build(method, credentials ? auth.decorate(uri) : uri, body, credentials));
      int status = response.statusCode();
      String location = response.headers().firstValue("Location").orElse(null);
      if (!isRedirect(status) || location == null) {
        byte[] decoded = ContentDecoder.decode(response.headers().firstValue("Content-Encoding").orElse(null),
            response.body(), maxResponseBytes);
        return new ApiResponse(status, response.headers(), decoded, uri);
      }
      if (hop == MAX_REDIRECTS) {
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + origin.getHost());
      }
      URI target = uri.resolve(location.trim());
      hosts.checkFollow(origin, target);
      if (status == 303 || (status == 301 || status == 302) && "POST".equals(method)) {
        method = "GET";
        body = null;
      }
      uri = target;
    }
  }

  private HttpRequest build(String method, URI uri, String body, boolean credentials)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
    if (acceptEncoding != null) {
      // java.net.http never asks for compression itself; a configured header below may override this.
      builder.setHeader("Accept-Encoding", acceptEncoding);
    }
    headers.forEach(builder::setHeader);
    if (credentials) {
      auth.apply(builder);
    }
    if (body != null && "POST".equals(method)) {
      builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException, InterruptedException {
    if (aborted) {
      throw new CancellationException("task stopping");
    }
    CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, new LimitedBodyHandler(maxResponseBytes));
    inFlight.add(future);
    if (aborted) {
      future.cancel(true);
    }
    try {
      // The request timeout covers the response head; this deadline also bounds a body that trickles in.
      return future.get(requestTimeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException("no complete response within " + requestTimeout.multipliedBy(2).plusSeconds(1));
    } catch (ExecutionException e) {
      throw failureOf(e);
    } finally {
      inFlight.remove(future);
    }
  }

  /**
   * The I/O failure inside {@code e}, to throw; a cancellation or interruption (the task stopping)
   * is rethrown as a {@link CancellationException}.
   */
  public static IOException failureOf(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof CancellationException cancelled) {
      throw cancelled;
    }
    if (cause instanceof InterruptedException) {
      throw new CancellationException("task stopping");
    }
    return new IOException(cause == null ? e.toString() : cause.toString(), cause);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** After a 401: forgets cached credentials; true when a retry with fresh ones can help. */
  public boolean renewCredentials() {
    return auth.renewAfterUnauthorized();
  }

  /** Releases a thread waiting in {@link #send}; later sends fail at once. */
  public void abort() {
    aborted = true;
    inFlight.forEach(future -> future.cancel(true));
  }
}
