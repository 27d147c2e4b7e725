package io.github.variantconnect.http.source;

import io.github.variantconnect.http.client.ApiClient;
import io.github.variantconnect.http.client.ApiRequest;
import io.github.variantconnect.http.client.ApiResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Requests of an endpoint sent ahead of its position, so the next page downloads and is parsed
 * while the current one is converted and handed to the worker. A response fetched ahead is only a cache of I/O: the
 * position still moves when its page is delivered, so a crash loses nothing but the download. A
 * request that turns out not to be the next one (the API named another cursor or offset) is
 * cancelled and the page is asked for again.
 */
final class PagesAhead {

  /** Sends one request and reads the whole response, as {@link ApiClient#send} does. */
  interface Sender {
    ApiResponse send(ApiRequest request) throws IOException, InterruptedException;
  }

  private record Fetch(ApiRequest request, Future<FetchedPage> response) {}

  private final Sender client;
  private final ExecutorService executor;
  private final int depth;
  private final PageReader reader;
  private final Deque<Fetch> queue = new ArrayDeque<>();

  /** {@code depth} 0 sends every request on the caller's thread, when it is needed. */
  PagesAhead(Sender client, ExecutorService executor, int depth, PageReader reader) {
    this.client = client;
    this.executor = executor;
    this.depth = executor == null ? 0 : depth;
    this.reader = reader;
  }

  int depth() {
    return depth;
  }

  /** The response to {@code request}: the one fetched ahead if it was this request, else sent now. */
  FetchedPage send(ApiRequest request) throws IOException, InterruptedException {
    Fetch head;
    synchronized (this) {
      head = queue.poll();
      if (head != null && !head.request().equals(request)) {
        head.response().cancel(true);
        clear();
        head = null;
      }
    }
    return head != null ? await(head.response()) : reader.read(client.send(request));
  }

  /** Makes {@code next} (in page order, at most {@link #depth()}) the requests in flight. */
  synchronized void fetch(List<ApiRequest> next) {
    Deque<Fetch> kept = new ArrayDeque<>(next.size());
    try {
      for (ApiRequest request : next) {
        Fetch queued = queue.peek();
        if (queued != null && queued.request().equals(request)) {
          kept.add(queue.poll());
        } else {
          clear();
          kept.add(new Fetch(request, executor.submit(() -> reader.read(client.send(request)))));
        }
      }
    } catch (RejectedExecutionException stopping) {
      // The task is stopping: its pages will be asked for again from the stored position.
    }
    clear();
    queue.addAll(kept);
  }

  /** Cancels every request in flight; the task thread and the thread stopping the task may both call it. */
  synchronized void clear() {
    Fetch fetch;
    while ((fetch = queue.poll()) != null) {
      fetch.response().cancel(true);
    }
  }

  private static FetchedPage await(Future<FetchedPage> response) throws IOException, InterruptedException {
    try {
      return response.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime && !(runtime instanceof CancellationException)) {
        throw runtime;
      }
      throw ApiClient.failureOf(e);
    } catch (CancellationException e) {
      throw new IOException("request sent ahead was cancelled", e);
    }
  }
}
