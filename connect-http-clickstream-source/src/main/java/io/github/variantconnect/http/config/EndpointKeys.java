package io.github.variantconnect.http.config;

import io.github.variantconnect.common.config.EnumKeys;
import io.github.variantconnect.common.config.KeyedConfigException;
import io.github.variantconnect.common.config.TopicNames;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;

/** What to poll and where the records go: URLs, method, templates, headers, topic. */
public final class EndpointKeys {

  static final String GROUP = "Endpoints";

  public static final String URL = "http.url";
  public static final String ENDPOINTS = "http.endpoints";
  public static final String ENDPOINT_PREFIX = "http.endpoint.";
  public static final String METHOD = "http.method";
  public static final String QUERY = "http.query";
  public static final String BODY = "http.body";
  public static final String HEADERS = "http.headers";
  public static final String TOPIC = "topic";
  public static final String TOPIC_DEFAULT = "clickstream-http-data";

  /** The endpoint name {@link #URL} gets in offsets and metrics. */
  public static final String SINGLE_ENDPOINT_NAME = "default";

  /** Per-endpoint keys, as {@code http.endpoint.<name>.<suffix>}. */
  public static final String SUFFIX_URL = "url";
  public static final List<String> SUFFIXES = List.of(SUFFIX_URL, "method", "query", "body", "topic");

  private EndpointKeys() {}

  static ConfigDef define(ConfigDef def) {
    int order = 0;
    return def
        .define(URL, Type.STRING, "", Validators.httpUrl(), Importance.HIGH,
            "URL of the one endpoint to poll, e.g. http://127.0.0.1:8089/v1/events. Pagination and limit"
                + " parameters are added by the connector (see http.query). Set this or http.endpoints.",
            GROUP, ++order, Width.LONG, "URL")
        .define(ENDPOINTS, Type.LIST, List.of(), Validators.endpointNames(), Importance.HIGH,
            "Names of several endpoints to poll, spread over tasks so each is polled by exactly one task. Each"
                + " name needs http.endpoint.<name>.url and may override http.method, http.query, http.body and"
                + " topic with http.endpoint.<name>.method, .query, .body and .topic. The name keys the"
                + " endpoint's stored position: keep it stable.",
            GROUP, ++order, Width.LONG, "Endpoint names")
        .define(METHOD, Type.STRING, "GET", EnumKeys.validator(HttpMethod.class), Importance.MEDIUM,
            "Request method: get or post. With post the body is http.body.",
            GROUP, ++order, Width.SHORT, "Method", EnumKeys.recommender(HttpMethod.class))
        .define(QUERY, Type.STRING, "", Validators.queryTemplate(), Importance.MEDIUM,
            "Query template added to the URL of each request, e.g. cursor=${cursor}&limit=${limit}."
                + " Placeholders, filled from the stored position: ${cursor}, ${limit}, ${page}, ${offset},"
                + " ${since}; values are URL-encoded and a parameter whose value is empty is left out."
                + " Empty: the parameters the pagination mode implies (GET only).",
            GROUP, ++order, Width.LONG, "Query template")
        .define(BODY, Type.STRING, "", Validators.bodyTemplate(), Importance.MEDIUM,
            "Body template for post, e.g. {\"cursor\": ${cursor}, \"limit\": ${limit}}. Placeholders are"
                + " replaced by JSON values: a quoted string, a number, or null before the first page."
                + " Empty: a JSON object with the parameters the pagination mode implies.",
            GROUP, ++order, Width.LONG, "Body template")
        .define(HEADERS, Type.STRING, "", Validators.headers(), Importance.LOW,
            "Static request headers, Name: value pairs separated by |, e.g. Accept: application/json|X-Client: kc."
                + " Authorization is set through auth.type, never here.",
            GROUP, ++order, Width.LONG, "Headers")
        .define(TOPIC, Type.STRING, TOPIC_DEFAULT, TopicNames.validator(), Importance.HIGH,
            "Topic the records are written to; an endpoint can override it with http.endpoint.<name>.topic.",
            GROUP, ++order, Width.MEDIUM, "Topic");
  }

  /** The endpoints, in configuration order; throws a {@link KeyedConfigException} naming the key at fault. */
  static List<EndpointSpec> parse(AbstractConfig config) {
    HttpMethod method = EnumKeys.parse(HttpMethod.class, METHOD, config.getString(METHOD));
    String query = config.getString(QUERY);
    String body = config.getString(BODY);
    String topic = config.getString(TOPIC);
    String url = config.getString(URL).trim();
    List<String> names = config.getList(ENDPOINTS);
    List<EndpointSpec> endpoints = new ArrayList<>();
    if (!url.isEmpty()) {
      endpoints.add(new EndpointSpec(SINGLE_ENDPOINT_NAME, Validators.checkUrl(URL, url), method, query, body, topic));
    }
    Map<String, Object> originals = config.originals();
    for (String rawName : names) {
      String name = rawName.trim();
      if (!url.isEmpty() && name.equals(SINGLE_ENDPOINT_NAME)) {
        throw new KeyedConfigException(ENDPOINTS, names, "the name '" + SINGLE_ENDPOINT_NAME + "' is taken by http.url");
      }
      String urlKey = key(name, SUFFIX_URL);
      String endpointUrl = string(originals, urlKey, "");
      if (endpointUrl.isBlank()) {
        throw new KeyedConfigException(urlKey, null, "endpoint '" + name + "' listed in " + ENDPOINTS + " needs a URL");
      }
      URI uri = Validators.checkUrl(urlKey, endpointUrl);
      String methodKey = key(name, "method");
      HttpMethod endpointMethod = originals.containsKey(methodKey)
          ? EnumKeys.parse(HttpMethod.class, methodKey, string(originals, methodKey, "")) : method;
      String endpointTopic = TopicNames.check(key(name, "topic"), string(originals, key(name, "topic"), topic).trim());
      endpoints.add(new EndpointSpec(name, uri, endpointMethod,
          string(originals, key(name, "query"), query), string(originals, key(name, "body"), body), endpointTopic));
    }
    if (endpoints.isEmpty()) {
      throw new KeyedConfigException(URL, "", "set " + URL + " to the API URL, or list endpoints in " + ENDPOINTS);
    }
    return endpoints;
  }

  public static String key(String endpoint, String suffix) {
    return ENDPOINT_PREFIX + endpoint + "." + suffix;
  }

  private static String string(Map<String, Object> originals, String key, String fallback) {
    Object value = originals.get(key);
    return value == null ? fallback : value.toString();
  }
}
