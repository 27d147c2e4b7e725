package io.github.variantconnect.sink.target.snowflake.streaming;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.Row;
import io.github.variantconnect.sink.target.TargetException;
import io.github.variantconnect.sink.target.snowflake.Authenticator;
import io.github.variantconnect.sink.target.snowflake.ConnectBudget;
import io.github.variantconnect.sink.target.snowflake.OAuthSettings;
import io.github.variantconnect.sink.target.snowflake.JvmProxy;
import io.github.variantconnect.sink.target.snowflake.PrivateKeys;
import io.github.variantconnect.sink.target.snowflake.SnowflakeConfig;
import io.github.variantconnect.sink.target.snowflake.SnowflakeErrors;
import io.github.variantconnect.sink.target.snowflake.SnowflakeIdentifier;
import io.github.variantconnect.sink.target.snowflake.SnowflakeSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.snowflake.ingest.streaming.InsertValidationResponse;
import net.snowflake.ingest.streaming.OpenChannelRequest;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestChannel;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestClient;
import net.snowflake.ingest.streaming.SnowflakeStreamingIngestClientFactory;
import net.snowflake.ingest.utils.Constants;
import net.snowflake.ingest.utils.ParameterProvider;
import net.snowflake.ingest.utils.SFException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link StreamingIngest} over the snowflake-ingest-sdk interfaces. Tests hand it in-memory
 * implementations of {@link SnowflakeStreamingIngestClient} and its channels; {@link #connect}
 * builds the real client.
 */
public final class SdkStreamingIngest implements StreamingIngest {

  private static final Logger log = LoggerFactory.getLogger(SdkStreamingIngest.class);

  private final SnowflakeStreamingIngestClient client;
  private final SnowflakeIdentifier database;
  private final SnowflakeIdentifier schema;

  public SdkStreamingIngest(SnowflakeStreamingIngestClient client, SnowflakeIdentifier database,
      SnowflakeIdentifier schema) {
    this.client = client;
    this.database = database;
    this.schema = schema;
  }

  /** Builds clients within the config's connect budget; a hanging start fails the task naming the cause. */
  public static Connector connector(SnowflakeConfig config, String clientName) {
    ConnectBudget budget = ConnectBudget.of(config.connectBudget(), config.url().host(), config.url().port());
    return () -> budget.call("starting the Snowpipe Streaming client for " + config.url().host(),
        () -> connect(config, clientName),
        failure -> SnowflakeErrors.classify("starting the Snowpipe Streaming client",
            failure instanceof RuntimeException r ? r : new IllegalStateException(failure)));
  }

  /** Builds the SDK client: this is where the account is first contacted. */
  public static StreamingIngest connect(SnowflakeConfig config, String clientName) throws TargetException {
    config.proxy().ifPresent(JvmProxy::apply);
    try {
      SnowflakeStreamingIngestClient client = SnowflakeStreamingIngestClientFactory.builder(clientName)
          .setProperties(clientProperties(config)).setParameterOverrides(parameters(config)).build();
      return new SdkStreamingIngest(client, config.database(), config.schema());
    } catch (RuntimeException e) {
      throw SnowflakeErrors.classify("starting the Snowpipe Streaming client for " + config.url().host(), e);
    }
  }

  /** The client's properties: account, user, role and key pair or OAuth (net.snowflake.ingest.utils.Utils#createProperties). */
  public static Properties clientProperties(SnowflakeConfig config) {
    Properties props = new Properties();
    props.put("url", config.url().httpUrl());
    props.put("user", config.user());
    if (config.authenticator() == Authenticator.OAUTH) {
      // The SDK refreshes OAuth tokens itself.
      OAuthSettings oauth = config.oauth();
      props.put(Constants.AUTHORIZATION_TYPE, Constants.OAUTH);
      props.put(Constants.OAUTH_CLIENT_ID, oauth.clientId());
      props.put(Constants.OAUTH_CLIENT_SECRET, oauth.clientSecret());
      props.put(Constants.OAUTH_REFRESH_TOKEN, oauth.refreshToken());
      props.put(Constants.OAUTH_TOKEN_ENDPOINT, oauth.tokenEndpoint());
    } else {
      props.put("private_key", PrivateKeys.toBase64(config.privateKey()));
    }
    config.role().ifPresent(role -> props.put("role", role.asText()));
    return props;
  }

  /** The client's parameter overrides. */
  public static Map<String, Object> parameters(SnowflakeConfig config) {
    return Map.of(ParameterProvider.MAX_CLIENT_LAG, config.maxClientLag().toMillis(),
        // Stated, not left to the default: this parser copies numbers as their text (exact decimals) and
        // rejects duplicate keys, where the older one re-read values as doubles
        // (DataValidationUtil#validateAndParseVariantNew vs #validateAndParseVariant).
        ParameterProvider.ENABLE_NEW_JSON_PARSING_LOGIC, true);
  }

  @Override
  public Channel open(String channelName, String table, Long resetTo) throws TargetException {
    OpenChannelRequest.OpenChannelRequestBuilder request = OpenChannelRequest.builder(channelName)
        .setDBName(database.asText())
        .setSchemaName(schema.asText())
        .setTableName(table)
        // A bad row fails the whole insert, so no row is ever dropped without the task knowing.
        .setOnErrorOption(OpenChannelRequest.OnErrorOption.ABORT);
    if (resetTo != null) {
      request.setOffsetToken(Long.toString(resetTo));
    }
    try {
      return new SdkChannel(client.openChannel(request.build()), table);
    } catch (RuntimeException e) {
      throw SnowflakeErrors.classify("opening channel " + channelName + " on " + table, e);
    }
  }

  @Override
  public Map<Channel, Long> committedOffsets(List<Channel> channels) throws TargetException {
    List<SnowflakeStreamingIngestChannel> sdkChannels = new ArrayList<>(channels.size());
    for (Channel channel : channels) {
      sdkChannels.add(((SdkChannel) channel).channel);
    }
    Map<String, String> tokens;
    try {
      // SnowflakeStreamingIngestClientInternal#getLatestCommittedOffsetTokens only logs a channel whose
      // status is not success and returns its last persisted token: invalid channels are not found here.
      tokens = client.getLatestCommittedOffsetTokens(sdkChannels);
    } catch (RuntimeException e) {
      throw SnowflakeErrors.classify("reading the committed offsets of " + channels.size() + " channels", e);
    }
    Map<Channel, Long> offsets = new HashMap<>();
    for (Channel channel : channels) {
      SdkChannel sdk = (SdkChannel) channel;
      offsets.put(channel, parse(sdk, tokens.get(sdk.channel.getFullyQualifiedName())));
    }
    return offsets;
  }

  @Override
  public boolean isClosed() {
    return client.isClosed();
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      log.warn("Closing the Snowpipe Streaming client failed: {}", e.toString());
    }
  }

  /** Tokens are Kafka offsets as text; anything else was written by another program. */
  private static long parse(SdkChannel channel, String token) throws TargetException {
    if (token == null || token.isEmpty()) {
      return -1;
    }
    try {
      return Math.max(-1, Long.parseLong(token));
    } catch (NumberFormatException e) {
      throw TargetException.fatal("channel " + channel.name() + " on " + channel.table + " holds offset token '"
          + token + "', which is not a Kafka offset: another program writes through a channel of this name. Give"
          + " the connector another name", e);
    }
  }

  private static final class SdkChannel implements Channel {
    private final SnowflakeStreamingIngestChannel channel;
    private final String table;

    SdkChannel(SnowflakeStreamingIngestChannel channel, String table) {
      this.channel = channel;
      this.table = table;
    }

    @Override
    public String name() {
      return channel.getName();
    }

    @Override
    public String table() {
      return table;
    }

    @Override
    public void insert(List<Row> rows, long lastOffset) throws TargetException {
      List<Map<String, Object>> values = new ArrayList<>(rows.size());
      for (Row row : rows) {
        // JSON text into VARIANT columns: the SDK parses it, as PARSE_JSON would.
        values.add(Map.of(SnowflakeSql.RECORD_METADATA, row.metadata(), SnowflakeSql.RECORD_CONTENT, row.content()));
      }
      InsertValidationResponse response;
      try {
        response = channel.insertRows(values, Long.toString(lastOffset));
      } catch (SFException e) {
        if (SnowflakeErrors.isRowError(e)) {
          // With ON_ERROR=ABORT nothing of the call was buffered; the SDK's message carries the row's index.
          throw TargetException.fatal(SinkErrorCode.SNOWFLAKE_ROW_REJECTED, "row at "
              + offsetAt(rows, rowIndex(e.getMessage())) + " of channel " + name() + " rejected by " + table
              + ": Snowpipe Streaming error " + e.getVendorCode(), e);
        }
        if (SnowflakeErrors.isAuthError(e)) {
          throw SnowflakeErrors.classify(describe(rows), e);
        }
        // As the official connector: any other SDK error on insert leaves the channel in doubt, so it is
        // reopened and the partition rewound to what Snowflake committed, never retried as it stands.
        throw new InvalidChannelException("channel " + name() + " failed inserting (Snowpipe Streaming error "
            + e.getVendorCode() + ")", e);
      } catch (RuntimeException e) {
        throw SnowflakeErrors.classify(describe(rows), e);
      }
      if (response != null && response.hasErrors()) {
        InsertValidationResponse.InsertError error = response.getInsertErrors().get(0);
        String offset = offsetAt(rows, error.getRowIndex());
        throw TargetException.fatal(SinkErrorCode.SNOWFLAKE_ROW_REJECTED, "row at " + offset + " of channel "
            + name() + " rejected by " + table + ": " + response.getErrorRowCount() + " row(s) with errors"
            + (error.getException() == null ? "" : ", Snowpipe Streaming error " + error.getException().getVendorCode())
            + columns("extra columns", error.getExtraColNames())
            + columns("missing NOT NULL columns", error.getMissingNotNullColNames())
            + columns("NULL in NOT NULL columns", error.getNullValueForNotNullColNames()), null);
      }
    }

    private static final Pattern ROW_INDEX = Pattern.compile("rowIndex:(\\d+)");

    private static long rowIndex(String message) {
      Matcher m = ROW_INDEX.matcher(String.valueOf(message));
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String offsetAt(List<Row> rows, long index) {
      return index >= 0 && index < rows.size() ? "offset " + rows.get((int) index).offset()
          : "offsets " + rows.get(0).offset() + ".." + rows.get(rows.size() - 1).offset();
    }

    private String describe(List<Row> rows) {
      return "inserting " + rows.size() + " rows at offsets " + rows.get(0).offset() + ".."
          + rows.get(rows.size() - 1).offset() + " through channel " + name() + " into " + table;
    }

    private static String columns(String what, List<String> names) {
      return names == null || names.isEmpty() ? "" : ", " + what + " " + names;
    }

    @Override
    public long committedOffset() throws TargetException {
      try {
        return parse(this, channel.getLatestCommittedOffsetToken());
      } catch (SFException e) {
        if (SnowflakeErrors.isChannelInvalid(e)) {
          throw new InvalidChannelException("channel " + name() + " was invalidated reading its offset", e);
        }
        throw SnowflakeErrors.classify("reading the committed offset of channel " + name(), e);
      } catch (RuntimeException e) {
        throw SnowflakeErrors.classify("reading the committed offset of channel " + name(), e);
      }
    }

    @Override
    public boolean isValid() {
      return channel.isValid() && !channel.isClosed();
    }

    @Override
    public CompletableFuture<Void> close() {
      try {
        return channel.close();
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
  }
}
