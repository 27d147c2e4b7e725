package io.github.variantconnect.reliability;

import static io.github.variantconnect.reliability.ConnectorConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.demoapi.AuthMode;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.demoapi.Faults;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.ConnectRestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets configured on every connector — HTTP basic password, bearer token, API key, OAuth2 client
 * secret, and the sink's Snowflake private key — never appear in the worker's log, in connector and
 * task status, or in validation answers, whether things go right (they are used), go wrong (401,
 * invalid configs) or are retried with the request URL logged. Connect returns configs as given from
 * {@code GET /connectors/<name>/config} and {@code .../tasks} (and a successful PUT echoes them), by
 * design; the first test does not scan those answers. The provider test gives every secret key as
 * {@code ${env:...}} or {@code ${file:...}} instead, and then those answers hold only placeholders.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SecretsIT {

  /** Made before the worker starts: its environment and a file it reads hold these. */
  private static final ProvidedSecrets PROVIDED =
      new ProvidedSecrets(Path.of(System.getProperty("variantconnect.build.dir", "target"), "provided-secrets"));

  @RegisterExtension
  static final ConnectCluster CONNECT = withConfigProviders(ConnectCluster.builder().exactlyOnceSource(true).childProcess(true))
      .build();

  /** Every PASSWORD key of the three connectors; a new one fails the provider test until it is covered. */
  private static final Set<String> SECRET_KEYS = Set.of("auth.basic.password", "auth.bearer.token", "auth.api.key",
      "auth.oauth2.client.secret", "http.ssl.truststore.password", "http.ssl.keystore.password", "http.ssl.key.password",
      "snowflake.private.key", "snowflake.private.key.passphrase", "snowflake.oauth.client.secret",
      "snowflake.oauth.refresh.token", "jvm.proxy.password");

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Secrets secrets = new Secrets();
  /** REST answers to scan, by the request that got them. */
  private final Map<String, String> answers = new LinkedHashMap<>();

  @Test
  void secretsInUseOrRejectedStayOutOfLogsStatusAndValidation() {
    String user = "reader";
    String password = secrets.create("basic-password");
    secrets.addBasicHeader(user, password);
    String token = secrets.create("bearer-token");
    String clientSecret = secrets.create("oauth2-client-secret");
    String apiKey = secrets.create("api-key");
    String wrongToken = secrets.create("wrong-bearer-token");
    // Some 5xx replies make the source log its retries, request URL included.
    Faults errors = Faults.builder().errorRate(0.2).build();
    Map<String, DemoClickstreamApi> apis = new LinkedHashMap<>();
    try {
      apis.put("basic", api(errors, b -> b.auth(AuthMode.BASIC).username(user).password(password)));
      apis.put("bearer", api(errors, b -> b.auth(AuthMode.BEARER).bearerToken(token)));
      apis.put("oauth2", api(errors, b -> b.auth(AuthMode.OAUTH2).clientId("variant-connect").clientSecret(clientSecret)));
      apis.put("apikey", api(errors, b -> b.auth(AuthMode.API_KEY_QUERY).apiKey(apiKey)));

      Map<String, Map<String, String>> configs = new LinkedHashMap<>();
      configs.put("secret-basic", http(apis.get("basic"), "secret-basic",
          "auth.type", "basic", "auth.basic.username", user, "auth.basic.password", password));
      configs.put("secret-bearer", http(apis.get("bearer"), "secret-bearer", "auth.type", "bearer", "auth.bearer.token", token));
      configs.put("secret-oauth2", http(apis.get("oauth2"), "secret-oauth2", "auth.type", "oauth2",
          "auth.oauth2.token.url", apis.get("oauth2").baseUrl() + "/oauth/token",
          "auth.oauth2.client.id", "variant-connect", "auth.oauth2.client.secret", clientSecret));
      configs.put("secret-apikey", http(apis.get("apikey"), "secret-apikey", "auth.type", "api_key",
          "auth.api.key", apiKey, "auth.api.key.location", "query", "auth.api.key.name", "api_key"));
      configs.put("secret-wrong-bearer", http(apis.get("bearer"), "secret-wrong-bearer",
          "auth.type", "bearer", "auth.bearer.token", wrongToken));
      configs.put("secret-ats", ConnectorConfigs.ats("secret-ats", 1, 5, 50));
      Path duckDb = Pipeline.freshDuckDbFile("secrets");
      configs.put("secret-sink", ConnectorConfigs.duckDbSink("secret-basic,secret-bearer,secret-oauth2,secret-apikey,secret-ats",
          duckDb, "", 1));
      // A successful PUT echoes the config as given, like GET .../config: not scanned.
      configs.forEach((name, config) -> CONNECT.rest().putConfig(name, config));

      // The secrets work: every API's events arrive once.
      for (String kind : List.of("basic", "bearer", "oauth2", "apikey")) {
        TopicAudit.assertDeliveredExactlyOnce(CONNECT, apis.get(kind), "secret-" + kind, TIMEOUT);
      }
      String rejected = CONNECT.awaitTaskFailed("secret-wrong-bearer", TIMEOUT).toString();
      assertThat(rejected).contains("status 401");
      CONNECT.awaitRunning("secret-sink", 1, TIMEOUT);

      for (String name : configs.keySet()) {
        answers.put("status of " + name, CONNECT.rest().status(name).ok().rawBody());
      }
      answers.put("all statuses", CONNECT.rest().call("GET", "connectors?expand=status", null).ok().rawBody());
      // Validation answers with errors next to the secrets: Connect hides PASSWORD values, and no
      // message of ours may quote one.
      for (Map.Entry<String, Map<String, String>> entry : configs.entrySet()) {
        if (!entry.getKey().startsWith("secret-wrong") && configs.get(entry.getKey()).get("connector.class").equals(ConnectorConfigs.HTTP)) {
          JsonNode invalid = CONNECT.rest().validate(ConnectorConfigs.HTTP,
              with(entry.getValue(), "pagination.mode", "sideways", "http.url", "ftp://" + entry.getValue().get("http.url")));
          assertThat(invalid.path("error_count").asInt()).isPositive();
          answers.put("validation of " + entry.getKey(), invalid.toString());
        }
      }
      answers.put("validation of oauth2 without token URL",
          CONNECT.rest().validate(ConnectorConfigs.HTTP, with(configs.get("secret-oauth2"), "auth.oauth2.token.url", "")).toString());

      assertNoSecretIn(answers);
      WorkerLogs logs = new WorkerLogs(CONNECT.workerLogs());
      assertThat(logs.containing("failed with status 50")).as("retries logged with their URLs").isNotEmpty();
      assertThat(logs.containing(apis.get("apikey").baseUrl() + "/v1/events")).as("logged URLs of the API-key endpoint")
          .isNotEmpty().noneMatch(line -> line.contains(apiKey));
      assertThat(secrets.foundIn(logs.text())).as("secrets in the worker log").isEmpty();
    } finally {
      apis.values().forEach(DemoClickstreamApi::close);
    }
  }

  /** Validation of a Snowflake sink config, right or wrong, never echoes the key or its passphrase. */
  @Test
  void snowflakeKeysStayOutOfValidationAnswersAndLogs() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", ConnectorConfigs.SINK);
    config.put("topics", "secret-snowflake");
    config.put("variant.target", "snowflake");
    Assumptions.assumeTrue(CONNECT.rest().validate(ConnectorConfigs.SINK, config).toString().contains("snowflake.private.key"),
        "the sink plugin on plugin.path has no Snowflake target");
    String key = secrets.rsaPrivateKeyPem();
    String passphrase = secrets.create("key-passphrase");
    config.put("snowflake.url.name", "https://example-account.snowflakecomputing.com");
    config.put("snowflake.user.name", "loader");
    config.put("snowflake.database.name", "RAW");
    config.put("snowflake.schema.name", "PUBLIC");
    config.put("snowflake.private.key", key);

    List<Map<String, String>> attempts = List.of(
        config,
        with(config, "snowflake.user.name", ""),
        with(config, "snowflake.private.key.passphrase", passphrase),
        with(config, "snowflake.private.key", key.substring(0, key.length() / 2)));
    answers.put("validation of a valid config", CONNECT.rest().validate(ConnectorConfigs.SINK, attempts.get(0)).toString());
    // Only invalid configs are PUT: they are refused before any task could reach for the network.
    for (int i = 1; i < attempts.size(); i++) {
      JsonNode validation = CONNECT.rest().validate(ConnectorConfigs.SINK, attempts.get(i));
      assertThat(validation.path("error_count").asInt()).as("errors of attempt %s", i).isPositive();
      answers.put("validation " + i, validation.toString());
      ConnectRestClient.Response put = CONNECT.rest().call("PUT", "connectors/secret-snowflake/config", attempts.get(i));
      assertThat(put.status()).as("PUT of attempt %s", i).isEqualTo(400);
      answers.put("refused PUT " + i, put.rawBody());
    }
    assertNoSecretIn(answers);
    assertThat(secrets.foundIn(new WorkerLogs(CONNECT.workerLogs()).text())).as("secrets in the worker log").isEmpty();
  }

  /**
   * Every secret key, given as {@code ${env:...}} or {@code ${file:...}} on a worker with
   * {@code config.providers=env,file}, works — the HTTP sources authenticate and open their TLS key
   * stores, the Snowflake key decrypts with its passphrase in validation — while
   * {@code GET /connectors/<name>/config} and {@code .../tasks} show the placeholders, never a value.
   */
  @Test
  void everySecretKeyWorksFromConfigProvidersAndConnectShowsOnlyThePlaceholders() {
    assertThat(passwordKeysOfThePlugins()).as("PASSWORD keys of the three connectors").isEqualTo(SECRET_KEYS);
    Map<String, String> placeholders = new LinkedHashMap<>();
    Map<String, DemoClickstreamApi> apis = new LinkedHashMap<>();
    try {
      apis.put("basic", api(Faults.none(), b -> b.auth(AuthMode.BASIC).username("reader").password(PROVIDED.basicPassword)));
      apis.put("bearer", api(Faults.none(), b -> b.auth(AuthMode.BEARER).bearerToken(PROVIDED.bearerToken)));
      apis.put("oauth2", api(Faults.none(),
          b -> b.auth(AuthMode.OAUTH2).clientId("variant-connect").clientSecret(PROVIDED.clientSecret)));
      apis.put("apikey", api(Faults.none(), b -> b.auth(AuthMode.API_KEY_QUERY).apiKey(PROVIDED.apiKey)));
      apis.put("tls", api(Faults.none(), b -> b));

      Map<String, Map<String, String>> configs = new LinkedHashMap<>();
      configs.put("provided-basic", http(apis.get("basic"), "provided-basic", "auth.type", "basic",
          "auth.basic.username", "reader", "auth.basic.password", PROVIDED.fromFile("basic.password")));
      configs.put("provided-bearer", http(apis.get("bearer"), "provided-bearer", "auth.type", "bearer",
          "auth.bearer.token", ProvidedSecrets.fromEnv(ProvidedSecrets.BEARER_ENV)));
      configs.put("provided-oauth2", http(apis.get("oauth2"), "provided-oauth2", "auth.type", "oauth2",
          "auth.oauth2.token.url", apis.get("oauth2").baseUrl() + "/oauth/token", "auth.oauth2.client.id", "variant-connect",
          "auth.oauth2.client.secret", PROVIDED.fromFile("oauth2.client.secret")));
      configs.put("provided-apikey", http(apis.get("apikey"), "provided-apikey", "auth.type", "api_key",
          "auth.api.key", ProvidedSecrets.fromEnv(ProvidedSecrets.API_KEY_ENV), "auth.api.key.location", "query",
          "auth.api.key.name", "api_key"));
      Map<String, String> tls = http(apis.get("tls"), "provided-tls",
          "http.ssl.truststore.location", PROVIDED.truststore.toString(), "http.ssl.truststore.type", "PKCS12",
          "http.ssl.truststore.password", PROVIDED.fromFile("truststore.password"),
          "http.ssl.keystore.location", PROVIDED.keystore.toString(), "http.ssl.keystore.type", "PKCS12",
          "http.ssl.keystore.password", ProvidedSecrets.fromEnv(ProvidedSecrets.KEYSTORE_PASSWORD_ENV),
          "http.ssl.key.password", ProvidedSecrets.fromEnv(ProvidedSecrets.KEYSTORE_PASSWORD_ENV));
      configs.put("provided-tls", tls);
      // The key store opened with another secret's value: the resolved value, not the placeholder, is used.
      configs.put("provided-tls-wrong", with(tls, "topic", "provided-tls-wrong",
          "http.ssl.keystore.password", PROVIDED.fromFile("truststore.password")));
      configs.forEach((name, config) -> CONNECT.rest().putConfig(name, config));

      for (String kind : List.of("basic", "bearer", "oauth2", "apikey", "tls")) {
        TopicAudit.assertDeliveredExactlyOnce(CONNECT, apis.get(kind), "provided-" + kind, TIMEOUT);
      }
      assertThat(CONNECT.awaitTaskFailed("provided-tls-wrong", TIMEOUT).toString()).contains("cannot set up TLS");

      Map<String, String> snowflake = new LinkedHashMap<>();
      snowflake.put("connector.class", ConnectorConfigs.SINK);
      snowflake.put("topics", "provided-snowflake");
      snowflake.put("variant.target", "snowflake");
      snowflake.put("snowflake.url.name", "https://example-account.snowflakecomputing.com");
      snowflake.put("snowflake.user.name", "loader");
      snowflake.put("snowflake.database.name", "RAW");
      snowflake.put("snowflake.schema.name", "PUBLIC");
      snowflake.put("snowflake.private.key", PROVIDED.fromFile("snowflake.private.key"));
      snowflake.put("snowflake.private.key.passphrase", PROVIDED.fromFile("snowflake.private.key.passphrase"));
      assertThat(errorsOn(snowflake, "snowflake.private.key", "snowflake.private.key.passphrase"))
          .as("errors on the key and passphrase resolved from the file").isEmpty();
      assertThat(errorsOn(with(snowflake, "snowflake.private.key", PROVIDED.fromFile("snowflake.private.key.broken")),
          "snowflake.private.key")).as("a broken key from the file is seen as broken").isNotEmpty();
      assertThat(errorsOn(with(snowflake, "snowflake.private.key.passphrase", PROVIDED.fromFile("basic.password")),
          "snowflake.private.key.passphrase")).as("a wrong passphrase from the file is seen as wrong").isNotEmpty();

      Map<String, String> oauth = new LinkedHashMap<>(snowflake);
      oauth.remove("snowflake.private.key");
      oauth.remove("snowflake.private.key.passphrase");
      oauth.put("snowflake.authenticator", "oauth");
      oauth.put("snowflake.oauth.client.id", "variant-connect");
      oauth.put("snowflake.oauth.client.secret", PROVIDED.fromFile("snowflake.oauth.client.secret"));
      oauth.put("snowflake.oauth.refresh.token", ProvidedSecrets.fromEnv(ProvidedSecrets.SNOWFLAKE_REFRESH_TOKEN_ENV));
      oauth.put("jvm.proxy.host", "127.0.0.1");
      oauth.put("jvm.proxy.port", "3128");
      oauth.put("jvm.proxy.username", "loader");
      oauth.put("jvm.proxy.password", PROVIDED.fromFile("jvm.proxy.password"));
      String[] oauthSecrets = {"snowflake.oauth.client.secret", "snowflake.oauth.refresh.token", "jvm.proxy.password"};
      assertThat(errorsOn(oauth, oauthSecrets)).as("errors on the OAuth and proxy secrets resolved from file and env").isEmpty();
      for (String key : oauthSecrets) {
        assertThat(errorsOn(with(oauth, key, PROVIDED.fromFile("blank")), key))
            .as("%s resolving to an empty value is seen as missing", key).isNotEmpty();
      }

      for (Map.Entry<String, Map<String, String>> entry : configs.entrySet()) {
        JsonNode stored = CONNECT.rest().config(entry.getKey());
        entry.getValue().forEach((key, value) -> {
          if (SECRET_KEYS.contains(key)) {
            assertThat(stored.path(key).asText()).as("%s of %s from GET config", key, entry.getKey()).isEqualTo(value);
            placeholders.put(entry.getKey() + " " + key, value);
          }
        });
        answers.put("config of " + entry.getKey(), stored.toString());
        answers.put("tasks of " + entry.getKey(),
            CONNECT.rest().call("GET", "connectors/" + entry.getKey() + "/tasks", null).ok().rawBody());
        answers.put("status of " + entry.getKey(), CONNECT.rest().status(entry.getKey()).ok().rawBody());
      }
      assertThat(placeholders.values()).allMatch(v -> v.startsWith("${env:") || v.startsWith("${file:"));
      Map<String, List<String>> leaks = new LinkedHashMap<>();
      answers.forEach((request, answer) -> {
        List<String> found = PROVIDED.secrets.foundIn(answer);
        if (!found.isEmpty()) {
          leaks.put(request, found);
        }
      });
      assertThat(leaks).as("provided secrets in REST answers").isEmpty();
      assertThat(PROVIDED.secrets.foundIn(new WorkerLogs(CONNECT.workerLogs()).text())).as("provided secrets in the worker log")
          .isEmpty();
    } finally {
      apis.values().forEach(DemoClickstreamApi::close);
    }
  }

  private static ConnectCluster.Builder withConfigProviders(ConnectCluster.Builder builder) {
    builder.workerProperty("config.providers", "env,file")
        .workerProperty("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider")
        .workerProperty("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
    PROVIDED.environment().forEach(builder::workerEnvironment);
    return builder;
  }

  /** The keys of type PASSWORD in the validation answers of the three connectors. */
  private static Set<String> passwordKeysOfThePlugins() {
    Set<String> keys = new TreeSet<>();
    List<Map<String, String>> configs = List.of(ConnectorConfigs.ats("any", 1, 1, 1),
        ConnectorConfigs.http("http://127.0.0.1:1", "any"),
        Map.of("connector.class", ConnectorConfigs.SINK, "topics", "any", "variant.target", "snowflake"));
    for (Map<String, String> config : configs) {
      for (JsonNode value : CONNECT.rest().validate(config.get("connector.class"), config).path("configs")) {
        if ("PASSWORD".equals(value.path("definition").path("type").asText())) {
          keys.add(value.path("definition").path("name").asText());
        }
      }
    }
    return keys;
  }

  /** Validation errors on the given keys. */
  private static List<String> errorsOn(Map<String, String> config, String... keys) {
    Map<String, List<String>> errors = CONNECT.rest().validationErrors(ConnectorConfigs.SINK, config);
    List<String> found = new java.util.ArrayList<>();
    for (String key : keys) {
      found.addAll(errors.getOrDefault(key, List.of()));
    }
    return found;
  }

  private void assertNoSecretIn(Map<String, String> answers) {
    Map<String, List<String>> leaks = new LinkedHashMap<>();
    answers.forEach((request, answer) -> {
      List<String> found = secrets.foundIn(answer);
      if (!found.isEmpty()) {
        leaks.put(request, found);
      }
    });
    assertThat(leaks).as("secrets in REST answers").isEmpty();
  }

  private static DemoClickstreamApi api(Faults faults, java.util.function.UnaryOperator<DemoApiConfig.Builder> auth) {
    return DemoClickstreamApi.start(auth.apply(DemoApiConfig.builder()
        .initialEvents(500).maxEvents(1_500).eventsPerSecond(1_000).faults(faults)).build());
  }

  private static Map<String, String> http(DemoClickstreamApi api, String topic, String... settings) {
    return with(with(ConnectorConfigs.http(api.baseUrl(), topic), "pagination.limit", "100",
        "retry.backoff.initial", "50ms", "retry.backoff.max", "500ms"), settings);
  }
}
