package io.github.variantconnect.http.source;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.variantconnect.http.client.ApiResponse;
import io.github.variantconnect.http.source.Page.MalformedPageException;

/**
 * A response and, when it succeeded, its body parsed into a {@link Page}. Pages fetched ahead are
 * parsed on the thread that fetched them, so the task thread only turns items into records.
 */
record FetchedPage(ApiResponse response, Page page, MalformedPageException malformed) {

  static FetchedPage of(ApiResponse response, JsonPointer recordsPointer) {
    if (!response.isSuccess()) {
      return new FetchedPage(response, null, null);
    }
    try {
      return new FetchedPage(response, Page.parse(response, recordsPointer), null);
    } catch (MalformedPageException e) {
      return new FetchedPage(response, null, e);
    }
  }

  /** The parsed page of a successful response; throws why its body is not a page. */
  Page parsed() throws MalformedPageException {
    if (malformed != null) {
      throw malformed;
    }
    if (page == null) {
      throw new IllegalStateException("a response with status " + response.status() + " has no page");
    }
    return page;
  }
}
