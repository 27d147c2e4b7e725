package io.github.variantconnect.demoapi;

import java.util.List;

/**
 * Cuts the feed into pages for the three pagination styles and applies the repeat-items fault:
 * a page then starts with the last {@code k} items of the previous page's range. Repeats only
 * ever accompany new items, so a client that has caught up sees an empty page, not the same
 * overlap over and over.
 */
final class EventPaginator {
  /**
   * @param nextSeq where the following page starts (one past the last item returned)
   * @param repeated how many leading items the previous page already had
   * @param full whether the page holds as many items as were asked for
   * @param hasMore whether events beyond this page are already published
   */
  record EventPage(List<ClickEvent> data, long nextSeq, int repeated, boolean full,
      boolean hasMore) {}

  private final LiveFeed feed;
  private final EventTimeline timeline;

  EventPaginator(LiveFeed feed, EventTimeline timeline) {
    this.feed = feed;
    this.timeline = timeline;
  }

  /**
   * Cursor and offset styles: up to {@code limit} items from {@code startSeq}, or from the oldest
   * retained event when {@code startSeq} is null (a first page, which repeats nothing).
   */
  EventPage fromPosition(Long startSeq, int limit, int repeatItems) {
    LiveFeed.Bounds bounds = feed.bounds();
    long start = startSeq == null ? bounds.oldestSeq() : startSeq;
    requireRetained(start, bounds);
    long fresh = Math.max(0, Math.min(limit, bounds.headSeq() - start));
    int repeated = 0;
    if (fresh > 0 && startSeq != null) {
      repeated = (int) Math.min(Math.min(repeatItems, limit - 1L), start - bounds.oldestSeq());
      fresh = Math.min(fresh, limit - repeated);
    }
    long end = start + fresh;
    List<ClickEvent> data = feed.read(start - repeated, end);
    return new EventPage(data, end, repeated, data.size() == limit, bounds.headSeq() > end);
  }

  /**
   * Page-number style over events with event_time >= since. Pages are fixed windows of the feed
   * starting at the first such event, so page n is stable while the feed grows behind it; with
   * repeats, consecutive windows overlap by k items.
   */
  EventPage numbered(long sinceMillis, int page, int size, int repeatItems) {
    LiveFeed.Bounds bounds = feed.bounds();
    long first = timeline.firstSeqAtOrAfter(sinceMillis);
    int overlap = Math.min(repeatItems, size - 1);
    long windowStart = first + (long) (page - 1) * (size - overlap);
    int repeated = page > 1 ? overlap : 0;
    long windowEnd = windowStart + size;
    long end = Math.min(windowEnd, bounds.headSeq());
    if (end <= windowStart + repeated) {
      requireRetained(windowStart, bounds);
      return new EventPage(List.of(), windowStart + repeated, 0, false, false);
    }
    List<ClickEvent> data = feed.read(windowStart, end);
    return new EventPage(data, end, repeated, end == windowEnd, bounds.headSeq() > end);
  }

  private static void requireRetained(long seq, LiveFeed.Bounds bounds) {
    if (seq < bounds.oldestSeq()) {
      throw new ExpiredPositionException(seq, bounds.oldestSeq());
    }
  }
}
