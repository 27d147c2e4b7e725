package io.github.variantconnect.http.config;

import io.github.variantconnect.common.config.KeyError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Checks that span keys, run after every key passed its own validator. */
final class CrossKeyChecks {

  private CrossKeyChecks() {}

  static List<KeyError> check(HttpSourceConfig config) {
    List<KeyError> errors = new ArrayList<>(AuthKeys.missing(config.auth()));
    checkPagination(config.pagination(), errors);
    if (config.mapping().dedupWindow() > 0 && config.mapping().eventId() == null) {
      errors.add(new KeyError(MappingKeys.DEDUP_WINDOW,
          "de-duplication needs the event id: set " + MappingKeys.ID_POINTER + " or set this to 0"));
    }
    checkHosts(config, errors);
    checkTemplates(config, errors);
    return errors;
  }

  private static void checkPagination(PaginationSettings pagination, List<KeyError> errors) {
    switch (pagination.mode()) {
      case CURSOR -> {
        if (pagination.cursorPointer() == null) {
          errors.add(new KeyError(PaginationKeys.CURSOR_POINTER, "cursor pagination needs the pointer to the next cursor"));
        }
      }
      case NEXT_LINK -> {
        if (pagination.nextUrlPointer() == null) {
          errors.add(new KeyError(PaginationKeys.NEXT_URL_POINTER, "next_link pagination needs the pointer to the next URL"));
        }
      }
      default -> { }
    }
  }

  private static void checkHosts(HttpSourceConfig config, List<KeyError> errors) {
    HostAllowlist allowlist = new HostAllowlist(config.safety().allowedHosts());
    for (EndpointSpec endpoint : config.endpoints()) {
      if (!allowlist.allows(endpoint.url())) {
        String key = endpoint.name().equals(EndpointKeys.SINGLE_ENDPOINT_NAME) && !config.getString(EndpointKeys.URL).isBlank()
            ? EndpointKeys.URL : EndpointKeys.key(endpoint.name(), EndpointKeys.SUFFIX_URL);
        errors.add(new KeyError(key, "host " + endpoint.url().getHost() + " is not in " + SafetyKeys.ALLOWED_HOSTS));
      }
    }
    URI tokenUrl = config.auth().tokenUrl();
    if (config.auth().type() == AuthType.OAUTH2 && tokenUrl != null && !allowlist.allows(tokenUrl)) {
      errors.add(new KeyError(AuthKeys.OAUTH2_TOKEN_URL, "host " + tokenUrl.getHost() + " is not in " + SafetyKeys.ALLOWED_HOSTS));
    }
  }

  private static void checkTemplates(HttpSourceConfig config, List<KeyError> errors) {
    // The shared templates are checked by their validators; endpoints may override them.
    for (EndpointSpec endpoint : config.endpoints()) {
      check(errors, templateKey(config, endpoint, EndpointKeys.QUERY, "query"), () -> RequestTemplate.query(endpoint.queryTemplate()));
      check(errors, templateKey(config, endpoint, EndpointKeys.BODY, "body"), () -> RequestTemplate.body(endpoint.bodyTemplate()));
    }
  }

  private static String templateKey(HttpSourceConfig config, EndpointSpec endpoint, String sharedKey, String suffix) {
    String own = EndpointKeys.key(endpoint.name(), suffix);
    return config.originals().containsKey(own) ? own : sharedKey;
  }

  private static void check(List<KeyError> errors, String key, Runnable parse) {
    try {
      parse.run();
    } catch (IllegalArgumentException e) {
      if (errors.stream().noneMatch(error -> error.key().equals(key))) {
        errors.add(new KeyError(key, e.getMessage()));
      }
    }
  }
}
