package io.github.variantconnect.http.config;

import io.github.variantconnect.common.config.DurationParser;
import io.github.variantconnect.common.config.EnumKeys;
import io.github.variantconnect.common.config.KeyError;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/** Authentication: none, basic, bearer, API key (header or query), OAuth2 client credentials. */
public final class AuthKeys {

  static final String GROUP = "Authentication";

  public static final String TYPE = "auth.type";
  public static final String BASIC_USERNAME = "auth.basic.username";
  public static final String BASIC_PASSWORD = "auth.basic.password";
  public static final String BEARER_TOKEN = "auth.bearer.token";
  public static final String API_KEY = "auth.api.key";
  public static final String API_KEY_NAME = "auth.api.key.name";
  public static final String API_KEY_LOCATION = "auth.api.key.location";
  public static final String OAUTH2_TOKEN_URL = "auth.oauth2.token.url";
  public static final String OAUTH2_CLIENT_ID = "auth.oauth2.client.id";
  public static final String OAUTH2_CLIENT_SECRET = "auth.oauth2.client.secret";
  public static final String OAUTH2_SCOPE = "auth.oauth2.scope";
  public static final String OAUTH2_CLIENT_AUTH = "auth.oauth2.client.auth";
  public static final String OAUTH2_REFRESH_BEFORE = "auth.oauth2.refresh.before";

  private AuthKeys() {}

  static ConfigDef define(ConfigDef def) {
    int order = 0;
    return def
        .define(TYPE, Type.STRING, EnumKeys.name(AuthType.NONE), EnumKeys.validator(AuthType.class), Importance.HIGH,
            "none, basic (auth.basic.*), bearer (auth.bearer.token), api_key (auth.api.key in a header or query"
                + " parameter) or oauth2 (client credentials grant against auth.oauth2.token.url; the token is"
                + " renewed before it expires and after a 401).",
            GROUP, ++order, Width.SHORT, "Auth type", EnumKeys.recommender(AuthType.class))
        .define(BASIC_USERNAME, Type.STRING, "", Importance.MEDIUM,
            "basic: user name.", GROUP, ++order, Width.MEDIUM, "Username")
        .define(BASIC_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM,
            "basic: password.", GROUP, ++order, Width.MEDIUM, "Password")
        .define(BEARER_TOKEN, Type.PASSWORD, "", Importance.MEDIUM,
            "bearer: the token sent as Authorization: Bearer <token>.", GROUP, ++order, Width.LONG, "Bearer token")
        .define(API_KEY, Type.PASSWORD, "", Importance.MEDIUM,
            "api_key: the key.", GROUP, ++order, Width.LONG, "API key")
        .define(API_KEY_NAME, Type.STRING, "X-API-Key", new ConfigDef.NonEmptyString(), Importance.LOW,
            "api_key: header name or query parameter name that carries the key.",
            GROUP, ++order, Width.SHORT, "API key name")
        .define(API_KEY_LOCATION, Type.STRING, EnumKeys.name(ApiKeyLocation.HEADER),
            EnumKeys.validator(ApiKeyLocation.class), Importance.LOW,
            "api_key: header or query. Prefer header: query strings end up in proxy and server logs.",
            GROUP, ++order, Width.SHORT, "API key location", EnumKeys.recommender(ApiKeyLocation.class))
        .define(OAUTH2_TOKEN_URL, Type.STRING, "", Validators.httpUrl(), Importance.MEDIUM,
            "oauth2: token endpoint URL, e.g. https://auth.example.com/oauth/token.",
            GROUP, ++order, Width.LONG, "Token URL")
        .define(OAUTH2_CLIENT_ID, Type.STRING, "", Importance.MEDIUM,
            "oauth2: client id.", GROUP, ++order, Width.MEDIUM, "Client id")
        .define(OAUTH2_CLIENT_SECRET, Type.PASSWORD, "", Importance.MEDIUM,
            "oauth2: client secret.", GROUP, ++order, Width.MEDIUM, "Client secret")
        .define(OAUTH2_SCOPE, Type.STRING, "", Importance.LOW,
            "oauth2: space-separated scopes to ask for. Empty: none.", GROUP, ++order, Width.MEDIUM, "Scope")
        .define(OAUTH2_CLIENT_AUTH, Type.STRING, EnumKeys.name(OAuth2ClientAuth.BASIC),
            EnumKeys.validator(OAuth2ClientAuth.class), Importance.LOW,
            "oauth2: how the client authenticates to the token endpoint: basic (Authorization header,"
                + " client_secret_basic) or body (client_id and client_secret form fields, client_secret_post).",
            GROUP, ++order, Width.SHORT, "Client authentication", EnumKeys.recommender(OAuth2ClientAuth.class))
        .define(OAUTH2_REFRESH_BEFORE, Type.STRING, "30s", DurationParser.atLeast(Duration.ZERO), Importance.LOW,
            "oauth2: renew the token this long before it expires.",
            GROUP, ++order, Width.SHORT, "Refresh margin");
  }

  static AuthSettings parse(AbstractConfig config) {
    String tokenUrl = config.getString(OAUTH2_TOKEN_URL).trim();
    return new AuthSettings(
        EnumKeys.parse(AuthType.class, TYPE, config.getString(TYPE)),
        config.getString(BASIC_USERNAME),
        config.getPassword(BASIC_PASSWORD),
        config.getPassword(BEARER_TOKEN),
        config.getPassword(API_KEY),
        config.getString(API_KEY_NAME).trim(),
        EnumKeys.parse(ApiKeyLocation.class, API_KEY_LOCATION, config.getString(API_KEY_LOCATION)),
        tokenUrl.isEmpty() ? null : URI.create(tokenUrl),
        config.getString(OAUTH2_CLIENT_ID).trim(),
        config.getPassword(OAUTH2_CLIENT_SECRET),
        config.getString(OAUTH2_SCOPE).trim(),
        EnumKeys.parse(OAuth2ClientAuth.class, OAUTH2_CLIENT_AUTH, config.getString(OAUTH2_CLIENT_AUTH)),
        DurationParser.parse(config.getString(OAUTH2_REFRESH_BEFORE)));
  }

  /** What the chosen auth type needs but lacks, each on the key to fix. */
  static List<KeyError> missing(AuthSettings auth) {
    List<KeyError> errors = new ArrayList<>();
    switch (auth.type()) {
      case BASIC -> require(errors, BASIC_USERNAME, auth.username(), "basic auth needs a user name");
      case BEARER -> require(errors, BEARER_TOKEN, secret(auth.bearerToken()), "bearer auth needs a token");
      case API_KEY -> require(errors, API_KEY, secret(auth.apiKey()), "api_key auth needs the key");
      case OAUTH2 -> {
        if (auth.tokenUrl() == null) {
          errors.add(new KeyError(OAUTH2_TOKEN_URL, "oauth2 auth needs the token endpoint URL; set " + OAUTH2_TOKEN_URL));
        }
        require(errors, OAUTH2_CLIENT_ID, auth.clientId(), "oauth2 auth needs a client id");
        require(errors, OAUTH2_CLIENT_SECRET, secret(auth.clientSecret()), "oauth2 auth needs a client secret");
      }
      default -> { }
    }
    return errors;
  }

  private static String secret(Password password) {
    return password == null ? "" : password.value();
  }

  private static void require(List<KeyError> errors, String key, String value, String message) {
    if (value == null || value.isBlank()) {
      errors.add(new KeyError(key, message + "; set " + key));
    }
  }
}
