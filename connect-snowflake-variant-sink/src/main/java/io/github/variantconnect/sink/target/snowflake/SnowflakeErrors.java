package io.github.variantconnect.sink.target.snowflake;

import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import net.snowflake.ingest.utils.SFException;

/**
 * The one place that decides which Snowflake failures are worth waiting out. The JDBC driver
 * reports Snowflake's error number as the vendor code and a SQLSTATE; the streaming SDK its own
 * four-digit codes. Network trouble, expired sessions and server hiccups are retriable; a refused
 * login, a missing grant or a rejected row are not, and carry the code whose hint says what to do.
 * Messages keep Snowflake's number, so a log line can be looked up, and never carry row values.
 */
public final class SnowflakeErrors {

  /** Sessions that expired or vanished: a new connection fixes them. */
  private static final Set<Integer> JDBC_RETRIABLE = Set.of(390111, 390112, 390114, 604, 625, 630);
  /** Objects missing, privileges lacking, no warehouse in use. */
  private static final Set<Integer> JDBC_ACCESS = Set.of(2003, 2043, 3001, 606, 390189, 390201);
  /** Streaming SDK codes: the channel lost what it held and must be reopened. */
  private static final Set<String> SDK_CHANNEL_INVALID = Set.of("0013", "0014", "0025", "0028");
  /** Streaming SDK codes: a row the table cannot take. */
  private static final Set<String> SDK_ROW = Set.of("0004", "0005", "0019", "0029", "0030", "0031");
  /** Streaming SDK codes: the key, the URL or the client's settings are wrong. */
  private static final Set<String> SDK_AUTH = Set.of("0010", "0015", "0017", "0018", "0022", "0034", "0035");
  private static final int MAX_MESSAGE = 400;

  private SnowflakeErrors() {}

  /** A JDBC failure while {@code action} (e.g. "inserting into DB.SCHEMA.T"). */
  public static TargetException classify(String action, SQLException e) {
    if (e instanceof ConnectBudget.Exceeded budgeted) {
      TargetException failure = budgeted.failure();
      return new TargetException(action + ": " + failure.getMessage(), failure.retriable(), failure.code(), failure);
    }
    int code = e.getErrorCode();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String detail = action + ": Snowflake error " + code + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")")
        + ": " + brief(e.getMessage());
    if (JDBC_RETRIABLE.contains(code)) {
      return TargetException.retriable(detail, e);
    }
    // Checked before the SQLSTATE: the driver reports a refused login as 08001, like a network failure.
    if (state.startsWith("28") || (code >= 390000 && code < 391000 && !JDBC_ACCESS.contains(code))) {
      return TargetException.fatal(SinkErrorCode.SNOWFLAKE_AUTH_FAILED, detail, e);
    }
    if (state.equals("42501") || state.equals("42S02") || state.equals("02000") || JDBC_ACCESS.contains(code)) {
      return TargetException.fatal(SinkErrorCode.SNOWFLAKE_ACCESS_DENIED, detail, e);
    }
    if (state.startsWith("08") || hasIoCause(e)) {
      return TargetException.retriable(detail, e);
    }
    return TargetException.fatal(detail, e);
  }

  /** True when the streaming SDK says a channel is invalid or closed: reopen it and rewind. */
  public static boolean isChannelInvalid(SFException e) {
    return SDK_CHANNEL_INVALID.contains(e.getVendorCode());
  }

  /** True when the SDK refused a row's values (ON_ERROR=ABORT throws the first such error from insertRows). */
  public static boolean isRowError(SFException e) {
    return SDK_ROW.contains(e.getVendorCode());
  }

  /** True when the SDK refused the credentials or client settings: no reopening helps. */
  public static boolean isAuthError(SFException e) {
    return SDK_AUTH.contains(e.getVendorCode());
  }

  /** A streaming SDK failure while {@code action}. */
  public static TargetException classify(String action, SFException e) {
    String code = e.getVendorCode();
    if (SDK_ROW.contains(code)) {
      // The SDK's text may quote the row; the code and the offset in the action are enough to find it.
      return TargetException.fatal(SinkErrorCode.SNOWFLAKE_ROW_REJECTED,
          action + ": Snowpipe Streaming error " + code + " (row cannot be converted to the table's columns)", e);
    }
    String detail = action + ": Snowpipe Streaming error " + code + ": " + brief(e.getMessage());
    String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT) + " " + causeText(e);
    if (SDK_AUTH.contains(code) || ("0009".equals(code) && looksLikeAuth(text))) {
      return TargetException.fatal(SinkErrorCode.SNOWFLAKE_AUTH_FAILED, detail, e);
    }
    if (text.contains("does not exist or is not authorized") || text.contains("not authorized")) {
      return TargetException.fatal(SinkErrorCode.SNOWFLAKE_ACCESS_DENIED, detail, e);
    }
    if (text.contains("not supported on the type of table")) {
      return TargetException.fatal(SinkErrorCode.SNOWFLAKE_ROW_REJECTED, detail, e);
    }
    return TargetException.retriable(detail, e);
  }

  /** Anything else the SDK or driver throws: retriable when I/O is behind it. */
  public static TargetException classify(String action, RuntimeException e) {
    if (e instanceof SFException sf) {
      return classify(action, sf);
    }
    String detail = action + ": " + e.getClass().getSimpleName() + ": " + brief(e.getMessage());
    return hasIoCause(e) ? TargetException.retriable(detail, e) : TargetException.fatal(detail, e);
  }

  private static boolean looksLikeAuth(String text) {
    return text.contains("jwt") || text.contains("401") || text.contains("403") || text.contains("authenticat")
        || text.contains("incorrect username") || text.contains("390144") || text.contains("390100");
  }

  private static String causeText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      text.append(' ').append(String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT));
    }
    return text.toString();
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String brief(String message) {
    if (message == null) {
      return "(no message)";
    }
    String oneLine = message.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
