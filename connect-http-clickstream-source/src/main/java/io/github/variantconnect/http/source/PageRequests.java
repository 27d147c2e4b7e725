package io.github.variantconnect.http.source;

import io.github.variantconnect.http.client.ApiRequest;
import io.github.variantconnect.http.config.EndpointSpec;
import io.github.variantconnect.http.config.HttpMethod;
import io.github.variantconnect.http.config.PaginationMode;
import io.github.variantconnect.http.config.PaginationSettings;
import io.github.variantconnect.http.config.RequestTemplate;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/** Builds an endpoint's request for a position from its URL and query/body templates. */
final class PageRequests {

  private final EndpointSpec endpoint;
  private final PaginationSettings pagination;
  private final RequestTemplate query;
  private final RequestTemplate body;

  PageRequests(EndpointSpec endpoint, PaginationSettings pagination) {
    this.endpoint = endpoint;
    this.pagination = pagination;
    boolean post = endpoint.method() == HttpMethod.POST;
    Map<String, String> implied = impliedParams(pagination);
    String queryText = !endpoint.queryTemplate().isBlank() ? endpoint.queryTemplate() : post ? "" : queryOf(implied);
    String bodyText = !endpoint.bodyTemplate().isBlank() ? endpoint.bodyTemplate() : post ? jsonOf(implied) : "";
    this.query = RequestTemplate.query(queryText);
    this.body = post ? RequestTemplate.body(bodyText) : null;
  }

  ApiRequest at(EndpointOffset position) {
    Map<String, Object> values = values(position);
    String method = endpoint.method().name();
    String payload = body == null ? null : body.expand(values);
    if (followsLinks() && position.cursor() != null) {
      return new ApiRequest(method, storedLink(position.cursor()), payload);
    }
    return new ApiRequest(method, withQuery(endpoint.url(), query.expand(values)), payload);
  }

  private URI storedLink(String link) {
    try {
      URI uri = new URI(link);
      if (uri.isAbsolute()) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConnectException("endpoint " + endpoint.name() + ": the stored position '" + link + "' is not a page URL;"
        + " after changing pagination.mode, reset the connector's offsets (DELETE /connectors/<name>/offsets)");
  }

  private boolean followsLinks() {
    return pagination.mode() == PaginationMode.NEXT_LINK || pagination.mode() == PaginationMode.LINK_HEADER;
  }

  private Map<String, Object> values(EndpointOffset position) {
    Map<String, Object> values = new HashMap<>(8);
    String cursor = position.cursor() != null ? position.cursor() : emptyToNull(pagination.initialCursor());
    values.put("cursor", followsLinks() ? null : cursor);
    values.put("limit", pagination.limit());
    values.put("page", position.page() != null ? position.page() : pagination.firstPage());
    values.put("offset", position.offset() != null ? position.offset() : pagination.initialOffset());
    values.put("since", position.since() != null ? position.since() : emptyToNull(pagination.initialSince()));
    return values;
  }

  /** The parameters each pagination mode sends when no template is configured. */
  static Map<String, String> impliedParams(PaginationSettings p) {
    Map<String, String> params = new LinkedHashMap<>();
    switch (p.mode()) {
      case CURSOR -> params.put(p.cursorParam(), "cursor");
      case PAGE -> {
        params.put(p.sinceParam(), "since");
        params.put(p.pageParam(), "page");
      }
      case OFFSET -> params.put(p.offsetParam(), "offset");
      default -> { }
    }
    if (p.mode() != PaginationMode.NONE) {
      params.put(p.limitParam(), "limit");
    }
    params.remove("");
    return params;
  }

  private static String queryOf(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach((name, placeholder) ->
        out.append(out.length() == 0 ? "" : "&").append(name).append("=${").append(placeholder).append('}'));
    return out.toString();
  }

  private static String jsonOf(Map<String, String> params) {
    StringBuilder out = new StringBuilder("{");
    params.forEach((name, placeholder) -> out.append(out.length() == 1 ? "" : ", ")
        .append('"').append(name.replace("\"", "\\\"")).append("\": ${").append(placeholder).append('}'));
    return out.append('}').toString();
  }

  static URI withQuery(URI base, String query) {
    if (query.isEmpty()) {
      return base;
    }
    String text = base.toString();
    int hash = text.indexOf('#');
    if (hash >= 0) {
      text = text.substring(0, hash);
    }
    return URI.create(text + (base.getRawQuery() == null ? "?" : "&") + query);
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
