package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.variantconnect.sink.target.snowflake.streaming.SdkStreamingIngest;
import io.github.variantconnect.common.config.KeyError;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Proxy and OAuth keys: validated by key, and passed to the JDBC driver and the OAuth token endpoint. */
class SnowflakeConnectionSettingsTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static Map<String, String> base() {
    Map<String, String> props = new HashMap<>();
    props.put(SnowflakeConfig.URL, "myorg-myaccount.snowflakecomputing.com");
    props.put(SnowflakeConfig.USER, "U");
    props.put(SnowflakeConfig.DATABASE, "DB");
    props.put(SnowflakeConfig.SCHEMA, "RAW");
    props.put(SnowflakeConfig.PRIVATE_KEY, TestKeys.body());
    return props;
  }

  @Test
  void proxyKeysReachTheJdbcDriverAndThePasswordStaysOutOfToString() throws Exception {
    Map<String, String> props = base();
    props.put("jvm.proxy.host", "proxy.internal");
    props.put("jvm.proxy.port", "3128");
    props.put("jvm.proxy.username", "svc");
    props.put("jvm.proxy.password", "proxy-secret");
    props.put("jvm.nonProxy.hosts", "*.internal");
    SnowflakeConfig config = new SnowflakeConfig(props);

    Properties driver = JdbcConnector.properties(config, null);

    assertThat(driver).containsEntry("useProxy", "true").containsEntry("proxyHost", "proxy.internal")
        .containsEntry("proxyPort", "3128").containsEntry("proxyUser", "svc")
        .containsEntry("proxyPassword", "proxy-secret").containsEntry("nonProxyHosts", "*.internal")
        .containsEntry("authenticator", "SNOWFLAKE_JWT");
    assertThat(config.toString()).contains("proxy.internal:3128").doesNotContain("proxy-secret");
  }

  @Test
  void aProxyPortWithoutHostOrNotANumberIsRefusedByKey() {
    Map<String, String> props = base();
    props.put("jvm.proxy.port", "3128");
    assertThat(SnowflakeConfig.validate(props)).extracting(KeyError::key).contains("jvm.proxy.host");
    props.put("jvm.proxy.host", "proxy");
    props.put("jvm.proxy.port", "http");
    assertThat(SnowflakeConfig.validate(props)).extracting(KeyError::key).contains("jvm.proxy.port");
    assertThatThrownBy(() -> new SnowflakeConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("jvm.proxy.port");
  }

  @Test
  void oauthNeedsItsThreeSecretsInsteadOfAKey() {
    Map<String, String> props = base();
    props.remove(SnowflakeConfig.PRIVATE_KEY);
    props.put("snowflake.authenticator", "oauth");
    assertThat(SnowflakeConfig.validate(props)).extracting(KeyError::key).containsExactly("snowflake.oauth.client.id",
        "snowflake.oauth.client.secret", "snowflake.oauth.refresh.token");

    props.put("snowflake.oauth.client.id", "client");
    props.put("snowflake.oauth.client.secret", "client-secret");
    props.put("snowflake.oauth.refresh.token", "refresh-secret");
    SnowflakeConfig config = new SnowflakeConfig(props);
    assertThat(config.oauth().tokenEndpoint())
        .isEqualTo("https://myorg-myaccount.snowflakecomputing.com:443/oauth/token-request");
    assertThat(config.toString() + config.oauth()).doesNotContain("client-secret").doesNotContain("refresh-secret");
    props.put("snowflake.authenticator", "password");
    assertThatThrownBy(() -> new SnowflakeConfig(props)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("snowflake.authenticator");
  }

  @Test
  void theRefreshTokenIsExchangedForAnAccessTokenThatTheDriverLogsInWith() throws Exception {
    AtomicReference<String> authorization = new AtomicReference<>();
    AtomicReference<String> body = new AtomicReference<>();
    String endpoint = endpoint(200, "{\"access_token\":\"access-1\",\"token_type\":\"Bearer\",\"expires_in\":600}",
        authorization, body);
    SnowflakeConfig config = oauthConfig(endpoint);

    Properties driver = JdbcConnector.properties(config, new OAuthTokens(config.oauth(), null));

    assertThat(driver).containsEntry("authenticator", "OAUTH").containsEntry("token", "access-1")
        .doesNotContainKey("privateKey");
    assertThat(authorization.get()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("client:client-secret".getBytes(StandardCharsets.UTF_8)));
    assertThat(body.get()).isEqualTo("grant_type=refresh_token&refresh_token=refresh%2Fsecret");
  }

  @Test
  void aRefusedRefreshTokenIsALoginFailureThatDoesNotEchoTheAnswer() throws Exception {
    String endpoint = endpoint(400, "{\"error\":\"invalid_grant\",\"token\":\"refresh/secret\"}", new AtomicReference<>(),
        new AtomicReference<>());
    SnowflakeConfig config = oauthConfig(endpoint);

    assertThatThrownBy(() -> new OAuthTokens(config.oauth(), null).accessToken())
        .isInstanceOfSatisfying(SQLException.class, e -> {
          assertThat(e.getSQLState()).isEqualTo("28000");
          assertThat(SnowflakeErrors.classify("logging in", e).code())
              .isEqualTo(io.github.variantconnect.sink.errors.SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
        })
        .hasMessageContaining("HTTP 400").hasMessageNotContaining("refresh/secret");
  }

  private SnowflakeConfig oauthConfig(String endpoint) {
    Map<String, String> props = base();
    props.remove(SnowflakeConfig.PRIVATE_KEY);
    props.put("snowflake.authenticator", "oauth");
    props.put("snowflake.oauth.client.id", "client");
    props.put("snowflake.oauth.client.secret", "client-secret");
    props.put("snowflake.oauth.refresh.token", "refresh/secret");
    props.put("snowflake.oauth.token.endpoint", endpoint);
    return new SnowflakeConfig(props);
  }

  private String endpoint(int status, String answer, AtomicReference<String> authorization,
      AtomicReference<String> body) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/oauth/token-request", exchange -> {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token-request";
  }

  @Test
  void theClassicSdkGetsOAuthInsteadOfAKeyAndTheJsonParserThatKeepsDecimals() {
    Map<String, String> props = base();
    props.remove(SnowflakeConfig.PRIVATE_KEY);
    props.put("snowflake.authenticator", "oauth");
    props.put("snowflake.oauth.client.id", "client");
    props.put("snowflake.oauth.client.secret", "client-secret");
    props.put("snowflake.oauth.refresh.token", "refresh-secret");
    SnowflakeConfig config = new SnowflakeConfig(props);

    assertThat(SdkStreamingIngest.clientProperties(config)).containsEntry("authorization_type", "OAuth")
        .containsEntry("oauth_client_id", "client").containsEntry("oauth_client_secret", "client-secret")
        .containsEntry("oauth_refresh_token", "refresh-secret").doesNotContainKey("private_key");
    assertThat(SdkStreamingIngest.parameters(config)).containsEntry("enable_new_json_parsing_logic", true);
    assertThat(SdkStreamingIngest.clientProperties(new SnowflakeConfig(base()))).containsKey("private_key")
        .doesNotContainKey("authorization_type");
  }
}
