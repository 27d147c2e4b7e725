package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import com.snowflake.ingest.streaming.SnowflakeStreamingIngestClientFactory;
import io.github.variantconnect.sink.target.snowflake.Authenticator;
import io.github.variantconnect.sink.target.snowflake.JvmProxy;
import io.github.variantconnect.sink.target.snowflake.OAuthSettings;
import io.github.variantconnect.sink.target.snowflake.PrivateKeys;
import io.github.variantconnect.sink.target.snowflake.SnowflakeConfig;
import java.util.Map;
import java.util.Properties;

/**
 * The SDK's own client. Properties are the ones {@code StreamingIngestExample} in the SDK sources
 * passes ({@code user}, {@code account}, {@code url}, {@code private_key}), plus {@code role} and, for
 * OAuth, the keys Snowflake's connector 4.x passes; the
 * client lag is the SDK's {@code max_client_lag} parameter override in milliseconds.
 */
final class SdkClientFactory implements HpaClientFactory {

  private final SnowflakeConfig config;

  SdkClientFactory(SnowflakeConfig config) {
    this.config = config;
  }

  @Override
  public SnowflakeStreamingIngestClient create(String clientName, String pipe) {
    Properties props = new Properties();
    props.put("url", config.url().httpUrl());
    props.put("host", config.url().host());
    props.put("account", config.url().account());
    props.put("user", config.user());
    if (config.authenticator() == Authenticator.OAUTH) {
      // The names Snowflake's connector 4.x passes this SDK (StreamingClientProperties); the SDK refreshes tokens.
      OAuthSettings oauth = config.oauth();
      props.put("authorization_type", "oauth");
      props.put("oauth_client_id", oauth.clientId());
      props.put("oauth_client_secret", oauth.clientSecret());
      props.put("oauth_refresh_token", oauth.refreshToken());
      props.put("oauth_token_endpoint", oauth.tokenEndpoint());
    } else {
      props.put("private_key", PrivateKeys.toBase64(config.privateKey()));
    }
    config.role().ifPresent(role -> props.put("role", role.asText()));
    config.proxy().ifPresent(JvmProxy::apply);
    Map<String, Object> parameters = Map.of("max_client_lag", config.maxClientLag().toMillis());
    return SnowflakeStreamingIngestClientFactory
        .builder(clientName, config.database().asText(), config.schema().asText(), pipe)
        .setProperties(props)
        .setParameterOverrides(parameters)
        .build();
  }
}
