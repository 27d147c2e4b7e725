package io.github.variantconnect.http.config;

/** How an endpoint's pages are chained. */
public enum PaginationMode {
  /** One request per poll interval; the response is the whole answer. */
  NONE,
  /** The body carries an opaque cursor for the next page. */
  CURSOR,
  /** The body carries the URL of the next page. */
  NEXT_LINK,
  /** An RFC 8288 {@code Link: <...>; rel="next"} header carries the URL of the next page. */
  LINK_HEADER,
  /** Page numbers, optionally within a {@code since} timestamp that advances between rounds. */
  PAGE,
  /** A numeric offset into the stream plus a limit. */
  OFFSET
}
