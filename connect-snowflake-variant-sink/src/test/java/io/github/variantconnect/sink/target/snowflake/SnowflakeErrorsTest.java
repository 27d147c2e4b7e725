package io.github.variantconnect.sink.target.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;
import java.io.IOException;
import java.sql.SQLException;
import net.snowflake.ingest.utils.ErrorCode;
import net.snowflake.ingest.utils.SFException;
import org.junit.jupiter.api.Test;

class SnowflakeErrorsTest {

  @Test
  void jdbcFailuresAreSortedIntoOutagesLoginsGrantsAndTheRest() {
    assertRetriable(new SQLException("JDBC driver encountered communication error", "08001", 200001));
    assertRetriable(new SQLException("Authentication token has expired", "08001", 390114));
    assertRetriable(new SQLException("Statement reached its statement or warehouse timeout", "57014", 630));
    assertRetriable(new SQLException("wrapped", "", 0, new IOException("Connection reset")));

    assertFatal(new SQLException("JWT token is invalid.", "08001", 390144), SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
    assertFatal(new SQLException("Incorrect username or password was specified.", "08001", 390100),
        SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
    assertFatal(new SQLException("Insufficient privileges to operate on schema 'RAW'", "42501", 3001),
        SinkErrorCode.SNOWFLAKE_ACCESS_DENIED);
    assertFatal(new SQLException("Object 'DB.RAW.T' does not exist or not authorized.", "02000", 2003),
        SinkErrorCode.SNOWFLAKE_ACCESS_DENIED);
    assertFatal(new SQLException("No active warehouse selected in the current session.", "57P03", 606),
        SinkErrorCode.SNOWFLAKE_ACCESS_DENIED);
    assertFatal(new SQLException("SQL compilation error: invalid identifier", "42000", 904), null);
  }

  @Test
  void streamingFailuresAreSortedTheSameWay() {
    assertRetriable(new SFException(ErrorCode.IO_ERROR));
    assertRetriable(new SFException(ErrorCode.REGISTER_BLOB_FAILURE, "HTTP 503"));
    assertRetriable(new SFException(ErrorCode.OPEN_CHANNEL_FAILURE, "Snowflake experienced a transient exception"));
    assertFatal(new SFException(ErrorCode.INVALID_PRIVATE_KEY), SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
    assertFatal(new SFException(ErrorCode.CLIENT_CONFIGURE_FAILURE, "HTTP Status: 401 JWT token is invalid"),
        SinkErrorCode.SNOWFLAKE_AUTH_FAILED);
    assertFatal(new SFException(ErrorCode.OPEN_CHANNEL_FAILURE, "The supplied schema does not exist or is not"
        + " authorized"), SinkErrorCode.SNOWFLAKE_ACCESS_DENIED);
    assertFatal(new SFException(ErrorCode.MAX_ROW_SIZE_EXCEEDED, "17000000"), SinkErrorCode.SNOWFLAKE_ROW_REJECTED);

    assertThat(SnowflakeErrors.isChannelInvalid(new SFException(ErrorCode.INVALID_CHANNEL, "c", "x"))).isTrue();
    assertThat(SnowflakeErrors.isChannelInvalid(new SFException(ErrorCode.CLOSED_CHANNEL, "c"))).isTrue();
    assertThat(SnowflakeErrors.isChannelInvalid(new SFException(ErrorCode.IO_ERROR))).isFalse();
  }

  @Test
  void urlsAndIdentifiersAreParsedOffline() {
    AccountUrl url = AccountUrl.parse("https://MyOrg-Acct.snowflakecomputing.com:443/");
    assertThat(url.host()).isEqualTo("myorg-acct.snowflakecomputing.com");
    assertThat(url.account()).isEqualTo("myorg-acct");
    assertThat(url.httpUrl()).isEqualTo("https://myorg-acct.snowflakecomputing.com:443");
    assertThat(AccountUrl.parse("xy12345.eu-central-1.snowflakecomputing.com").jdbcUrl())
        .isEqualTo("jdbc:snowflake://xy12345.eu-central-1.snowflakecomputing.com:443");
    assertThatThrownBy(() -> AccountUrl.parse("myaccount")).hasMessageContaining("snowflakecomputing.com");
    assertThatThrownBy(() -> AccountUrl.parse("https://x.snowflakecomputing.com/path?q"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(SnowflakeIdentifier.parse("kafka_db").asText()).isEqualTo("KAFKA_DB");
    assertThat(SnowflakeIdentifier.parse("\"Raw-Data\"").quoted()).isEqualTo("\"Raw-Data\"");
    assertThat(SnowflakeIdentifier.parse("\"Raw-Data\"").asText()).isEqualTo("\"Raw-Data\"");
    assertThatThrownBy(() -> SnowflakeIdentifier.parse("db; DROP TABLE x")).hasMessageContaining("identifier");
    assertThatThrownBy(() -> SnowflakeIdentifier.parse("\"a\"b\"")).isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRetriable(Exception e) {
    TargetException result = classify(e);
    assertThat(result.retriable()).as(e.getMessage()).isTrue();
  }

  private static void assertFatal(Exception e, SinkErrorCode code) {
    TargetException result = classify(e);
    assertThat(result.retriable()).as(e.getMessage()).isFalse();
    assertThat(result.code()).as(e.getMessage()).isEqualTo(code);
  }

  private static TargetException classify(Exception e) {
    return e instanceof SQLException sql ? SnowflakeErrors.classify("testing", sql)
        : SnowflakeErrors.classify("testing", (RuntimeException) e);
  }
}
