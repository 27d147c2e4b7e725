package io.github.variantconnect.http.source;

import io.github.variantconnect.http.client.ApiResponse;
import io.github.variantconnect.http.source.Page.MalformedPageException;
import java.util.List;

/**
 * A response and, when it succeeded, its body parsed into a {@link Page} with its items read
 * ({@link PageReader}); or why the body is not a page.
 */
record FetchedPage(ApiResponse response, Page page, List<PageItem> items, MalformedPageException malformed) {

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
