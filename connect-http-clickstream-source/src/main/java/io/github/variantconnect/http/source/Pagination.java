package io.github.variantconnect.http.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.http.client.HostPolicy;
import io.github.variantconnect.http.client.RequestRefusedException;
import io.github.variantconnect.http.client.UrlRedactor;
import io.github.variantconnect.http.config.PaginationSettings;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an endpoint goes after a page, per pagination mode. When the API names no next page, the
 * endpoint stays on the page it read and remembers how much of it was delivered, so items appended
 * to that page later are picked up.
 */
final class Pagination {

  /** The next position, and whether the round ended (the endpoint then waits poll.interval). */
  record Advance(EndpointOffset next, boolean roundEnded) {}

  private final PaginationSettings settings;
  private final URI endpointUrl;
  private final HostPolicy hosts;
  private final UrlRedactor secrets;

  Pagination(PaginationSettings settings, URI endpointUrl, HostPolicy hosts, UrlRedactor secrets) {
    this.settings = settings;
    this.endpointUrl = endpointUrl;
    this.hosts = hosts;
    this.secrets = secrets;
  }

  /** Where an endpoint without a stored offset begins. */
  EndpointOffset start() {
    return switch (settings.mode()) {
      case CURSOR -> EndpointOffset.start(emptyToNull(settings.initialCursor()), null, null, null);
      case PAGE -> EndpointOffset.start(null, settings.firstPage(), null, emptyToNull(settings.initialSince()));
      case OFFSET -> EndpointOffset.start(null, null, settings.initialOffset(), null);
      default -> EndpointOffset.start(null, null, null, null);
    };
  }

  Advance advance(EndpointOffset at, Page page, URI requested, RoundTracker round) throws RequestRefusedException {
    int n = page.size();
    String lastId = n > 0 && round.lastId() != null ? round.lastId() : at.lastId();
    EndpointOffset stay = n == 0 ? at : at.within(n, lastId);
    boolean noMore = isFalse(page.at(settings.hasMorePointer()));
    switch (settings.mode()) {
      case NONE: {
        EndpointOffset next = round.newestMillis() == null ? at
            : at.atTime(round.newestTime(), round.newestMillis(), round.idsAtNewest());
        return new Advance(next.withLastId(lastId), true);
      }
      case CURSOR:
        return follow(at, stay, text(page.at(settings.cursorPointer())), lastId, n, noMore);
      case NEXT_LINK:
        return follow(at, stay, link(text(page.at(settings.nextUrlPointer())), requested), lastId, n, noMore);
      case LINK_HEADER:
        return follow(at, stay, link(LinkHeader.next(page.headers()), requested), lastId, n, noMore);
      case PAGE:
        return nextPage(at, page, stay, round, n, noMore);
      case OFFSET:
        return nextOffset(at, page, stay, lastId, n, noMore);
      default:
        throw new IllegalStateException("unknown pagination mode " + settings.mode());
    }
  }

  private static Advance follow(EndpointOffset at, EndpointOffset stay, String next, String lastId, int n, boolean noMore) {
    if (next == null || next.equals(at.cursor())) {
      return new Advance(stay, true);
    }
    return new Advance(at.atCursor(next).withLastId(lastId), n == 0 || noMore);
  }

  private Advance nextPage(EndpointOffset at, Page page, EndpointOffset stay, RoundTracker round, int n, boolean noMore) {
    long current = at.page() != null ? at.page() : settings.firstPage();
    JsonNode named = page.at(settings.nextPagePointer());
    boolean ended = n == 0 || noMore || (named.isMissingNode() ? n < settings.limit() : named.isNull());
    if (!ended) {
      long next = named.isNumber() || named.isTextual() ? named.asLong(current + 1) : current + 1;
      return new Advance(at.atPage(at.since(), next).withLastId(stay.lastId()), false);
    }
    if (!settings.sinceParam().isEmpty() && round.newestTime() != null) {
      // The next round asks for everything from the newest event time on; the ties at that time were
      // delivered already and are skipped.
      return new Advance(at.atPage(round.newestTime(), settings.firstPage()).within(round.tiesAtNewest(), stay.lastId()), true);
    }
    return new Advance(stay, true);
  }

  private Advance nextOffset(EndpointOffset at, Page page, EndpointOffset stay, String lastId, int n, boolean noMore) {
    long current = at.offset() != null ? at.offset() : settings.initialOffset();
    JsonNode named = page.at(settings.nextOffsetPointer());
    if (n == 0 || named.isNull()) {
      return new Advance(stay, true);
    }
    long next = named.isMissingNode() ? current + n : named.asLong(current + n);
    boolean ended = noMore || n < settings.limit();
    return next == current ? new Advance(stay, true) : new Advance(at.atOffset(next).withLastId(lastId), ended);
  }

  /** Resolves a next-page link against the request, checks where it points and drops secrets from it. */
  private String link(String reference, URI requested) throws RequestRefusedException {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    URI target;
    try {
      target = requested.resolve(new URI(reference.trim()));
    } catch (URISyntaxException e) {
      throw new RequestRefusedException("next-page link is not a URL: " + e.getMessage());
    }
    hosts.checkFollow(endpointUrl, target);
    return secrets.strip(target).toString();
  }

  private static boolean isFalse(JsonNode node) {
    return node.isBoolean() && !node.booleanValue();
  }

  private static String text(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    String text = node.isValueNode() ? node.asText() : node.toString();
    return text.isEmpty() ? null : text;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
