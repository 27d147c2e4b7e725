package io.github.variantconnect.http.config;

import io.github.variantconnect.common.config.ErrorsTolerance;
import io.github.variantconnect.common.config.KeyError;
import io.github.variantconnect.common.config.KeyedConfigException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Every key of the HTTP source, defined by concern in {@link EndpointKeys}, {@link PaginationKeys},
 * {@link MappingKeys}, {@link AuthKeys}, {@link ResilienceKeys} and {@link SafetyKeys}, and parsed
 * once into typed settings. Construction throws a {@link KeyedConfigException} naming the key at fault.
 */
public final class HttpSourceConfig extends AbstractConfig {

  /** Connect's own key; read here because a failure it tolerates must not stop the task. */
  public static final String ERRORS_TOLERANCE = ErrorsTolerance.KEY;

  public static final ConfigDef CONFIG_DEF = configDef();

  private final List<EndpointSpec> endpoints;
  private final PaginationSettings pagination;
  private final MappingSettings mapping;
  private final AuthSettings auth;
  private final ResilienceSettings resilience;
  private final SafetySettings safety;

  public HttpSourceConfig(Map<String, String> props) {
    super(CONFIG_DEF, props, false);
    this.endpoints = EndpointKeys.parse(this);
    this.pagination = PaginationKeys.parse(this);
    this.mapping = MappingKeys.parse(this);
    this.auth = AuthKeys.parse(this);
    this.resilience = ResilienceKeys.parse(this);
    this.safety = SafetyKeys.parse(this);
  }

  private static ConfigDef configDef() {
    ConfigDef def = new ConfigDef();
    EndpointKeys.define(def);
    PaginationKeys.define(def);
    MappingKeys.define(def);
    AuthKeys.define(def);
    ResilienceKeys.define(def);
    SafetyKeys.define(def);
    return def;
  }

  public List<EndpointSpec> endpoints() {
    return endpoints;
  }

  public Map<String, String> headers() {
    return HeaderList.parse(getString(EndpointKeys.HEADERS));
  }

  public PaginationSettings pagination() {
    return pagination;
  }

  public MappingSettings mapping() {
    return mapping;
  }

  public AuthSettings auth() {
    return auth;
  }

  public ResilienceSettings resilience() {
    return resilience;
  }

  public SafetySettings safety() {
    return safety;
  }

  /** {@code errors.tolerance=all}: failures after the retry budget are logged, not fatal. */
  public boolean toleratesErrors() {
    return ErrorsTolerance.all(originals());
  }

  /** Problems that involve several keys, each reported on the key to fix. */
  public List<KeyError> crossKeyErrors() {
    return CrossKeyChecks.check(this);
  }
}
