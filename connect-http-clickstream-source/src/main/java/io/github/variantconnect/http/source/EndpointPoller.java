package io.github.variantconnect.http.source;

import io.github.variantconnect.http.client.ApiClient;
import io.github.variantconnect.http.client.ApiRequest;
import io.github.variantconnect.http.client.ApiResponse;
import io.github.variantconnect.http.client.Failure;
import io.github.variantconnect.http.client.RequestRefusedException;
import io.github.variantconnect.http.client.RetryPolicy;
import io.github.variantconnect.http.config.PaginationMode;
import io.github.variantconnect.http.metrics.EndpointMetrics;
import io.github.variantconnect.http.source.Page.MalformedPageException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one endpoint page by page. Each call of {@link #poll} takes one page and returns its new
 * records, each carrying the position just after itself; the pages after it are already being
 * fetched and read ({@link PagesAhead}, {@link PageReader}) while those records are made and handed
 * over. Failures are not slept on: the endpoint just becomes due again after its backoff, so other
 * endpoints of the task go on.
 */
final class EndpointPoller {

  private static final Logger log = LoggerFactory.getLogger(EndpointPoller.class);

  private final EndpointContext context;
  private final Map<String, String> partition;
  private final PageRequests requests;
  private final Pagination pagination;
  private final RecordFactory records;
  private final DedupWindow window;
  private final PagesAhead ahead;
  private final RoundTracker round = new RoundTracker();
  private EndpointOffset position;
  private boolean roundStarts = true;
  private long dueNanos;
  private int failures;
  private boolean renewedCredentials;
  private boolean warnedTimestamp;

  EndpointPoller(EndpointContext context, EndpointOffset stored, long nowNanos) {
    this.context = context;
    this.partition = EndpointOffset.partition(context.endpoint().name());
    this.requests = new PageRequests(context.endpoint(), context.pagination());
    this.pagination = new Pagination(context.pagination(), context.endpoint().url(), context.hosts(), context.redactor());
    this.records = new RecordFactory(context.endpoint().topic(), context.values(),
        context.recordTimestamp());
    this.position = stored != null ? stored : pagination.start();
    this.window = new DedupWindow(context.dedupWindow(), this.position.seenIds());
    this.dueNanos = nowNanos;
    this.ahead = new PagesAhead(context.client()::send, context.fetchExecutor(), context.pagesAhead(),
        new PageReader(context.recordsPointer(), context.fields(), context.values()));
  }

  String name() {
    return context.endpoint().name();
  }

  long dueNanos() {
    return dueNanos;
  }

  EndpointOffset position() {
    return position;
  }

  /** Requests the page at the current position; returns its new records (possibly none). */
  List<SourceRecord> poll(long nowNanos) throws InterruptedException {
    ApiRequest request = requests.at(position);
    EndpointMetrics metrics = context.metrics();
    metrics.request();
    FetchedPage fetched;
    try {
      fetched = ahead.send(request);
    } catch (IOException e) {
      return failed(request, Failure.of(e), nowNanos);
    }
    ApiResponse response = fetched.response();
    if (!response.isSuccess()) {
      // Requests sent ahead carry the same credentials and follow a page that failed.
      ahead.clear();
    }
    if (response.status() == 401 && !renewedCredentials && context.client().renewCredentials()) {
      renewedCredentials = true;
      metrics.failure("401");
      metrics.retry();
      dueNanos = nowNanos;
      return List.of();
    }
    if (!response.isSuccess()) {
      return failed(request, Failure.of(response), nowNanos);
    }
    Page page;
    try {
      page = fetched.parsed();
    } catch (MalformedPageException e) {
      return failed(request, Failure.badBody(e.getMessage(), response), nowNanos);
    }
    metrics.page(System.currentTimeMillis());
    try {
      return deliver(page, fetched.items(), response, nowNanos);
    } catch (RequestRefusedException e) {
      return failed(request, Failure.of(e), nowNanos);
    }
  }

  private List<SourceRecord> deliver(Page page, List<PageItem> pageItems, ApiResponse response, long nowNanos)
      throws RequestRefusedException {
    PaginationMode mode = context.pagination().mode();
    int n = pageItems.size();
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = pageItems.get(i).id();
    }
    if (mode == PaginationMode.NONE) {
      round.resumeFrom(position);
    } else if (roundStarts) {
      round.reset();
    }
    int start = resumeIndex(ids, mode);
    EndpointOffset here = position.withSeen(window.snapshot());
    List<PageItem> items = new ArrayList<>(n - start);
    List<EndpointOffset> offsets = new ArrayList<>(n - start);
    for (int i = 0; i < n; i++) {
      PageItem item = pageItems.get(i);
      Long millis = item.millis();
      warnOnce(item.timestampProblem());
      boolean known = !window.add(ids[i]) || i < start || isBeforePosition(mode, millis, ids[i]);
      round.observe(ids[i], item.time(), millis);
      if (known && i >= start) {
        context.metrics().duplicate();
      }
      if (known || item.node().isNull()) {
        continue;
      }
      items.add(item);
      offsets.add(mode == PaginationMode.NONE
          ? here.atTime(round.newestTime(), round.newestMillis(), round.idsAtNewest()).withLastId(ids[i])
          : here.within(i + 1, ids[i]));
    }
    Pagination.Advance advance = pagination.advance(position, page, response.uri(), round);
    if (advance.roundEnded()) {
      ahead.clear();
    } else {
      ahead.fetch(lookahead(advance.next(), mode));
    }
    EndpointOffset next = advance.next().withSeen(window.snapshot());
    List<SourceRecord> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      // The last record carries the position after the page: everything after it there was a duplicate.
      EndpointOffset offset = i == items.size() - 1 ? next : offsets.get(i);
      out.add(records.create(partition, offset.toMap(), items.get(i)));
    }
    position = next;
    failures = 0;
    renewedCredentials = false;
    roundStarts = advance.roundEnded();
    dueNanos = advance.roundEnded() ? nowNanos + context.pagination().pollInterval().toNanos() : nowNanos;
    context.metrics().delivered(out.size(), items.isEmpty() ? null : items.get(items.size() - 1).millis(), advance.roundEnded());
    return out;
  }

  /**
   * The requests that follow {@code next}: only its own where the API names the next page (cursor,
   * links); in offset and page modes also the pages after it, as if each came back full.
   */
  private List<ApiRequest> lookahead(EndpointOffset next, PaginationMode mode) {
    int depth = ahead.depth();
    if (depth == 0) {
      return List.of();
    }
    List<ApiRequest> out = new ArrayList<>(depth);
    out.add(requests.at(next));
    long limit = context.pagination().limit();
    for (int k = 1; k < depth; k++) {
      if (mode == PaginationMode.OFFSET && next.offset() != null) {
        out.add(requests.at(next.atOffset(next.offset() + k * limit)));
      } else if (mode == PaginationMode.PAGE && next.page() != null) {
        out.add(requests.at(next.atPage(next.since(), next.page() + k)));
      } else {
        break;
      }
    }
    return out;
  }

  /** Releases requests in flight when the task stops. */
  void close() {
    ahead.clear();
  }

  /** Where delivery resumes in a page: after the last delivered id if it is there, else after skip items. */
  private int resumeIndex(String[] ids, PaginationMode mode) {
    if (mode == PaginationMode.NONE) {
      return 0;
    }
    String lastId = position.lastId();
    if (lastId != null) {
      for (int i = ids.length - 1; i >= 0; i--) {
        if (lastId.equals(ids[i])) {
          return i + 1;
        }
      }
    }
    return Math.min(position.skip(), ids.length);
  }

  /** Without pagination, items older than the stored event time, or delivered at it, are known. */
  private boolean isBeforePosition(PaginationMode mode, Long millis, String id) {
    if (mode != PaginationMode.NONE || millis == null || position.sinceMillis() == null) {
      return false;
    }
    long since = position.sinceMillis();
    return millis < since || millis == since && id != null && position.tieIds().contains(id);
  }

  private void warnOnce(String timestampProblem) {
    if (timestampProblem != null && !warnedTimestamp) {
      warnedTimestamp = true;
      log.warn("Endpoint {}: event time {}; such records get the time Kafka assigns", name(), timestampProblem);
    }
  }

  private List<SourceRecord> failed(ApiRequest request, Failure failure, long nowNanos) {
    ahead.clear();
    context.metrics().failure(failure.label());
    failures++;
    RetryPolicy retries = context.retries();
    Duration delay = retries.delayBefore(failures, failure);
    String what = "endpoint " + name() + ": " + request.describe(context.redactor()) + " failed with " + failure.describe();
    if (delay != null) {
      context.metrics().retry();
      log.info("{}; retry {} of {} in {} ms", what, failures, retries.maxRetries(), delay.toMillis());
      dueNanos = nowNanos + delay.toNanos();
      return List.of();
    }
    String message = what + (retries.isRetriable(failure) ? " (" + (failures - 1) + " retries spent)" : "");
    failures = 0;
    renewedCredentials = false;
    if (context.toleratesErrors()) {
      log.error("{}; errors.tolerance=all: asking for the same page again in {} ms", message, context.pagination().pollInterval().toMillis());
      dueNanos = nowNanos + context.pagination().pollInterval().toNanos();
      return List.of();
    }
    throw new ConnectException("HTTP source " + message);
  }
}
