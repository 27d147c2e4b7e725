package io.github.variantconnect.sink.target.snowflake.hpa;

import com.snowflake.ingest.streaming.SFException;
import io.github.variantconnect.sink.errors.SinkErrorCode;
import io.github.variantconnect.sink.target.TargetException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * The one place that decides what the high-performance SDK's failures mean. The SDK reports an
 * error code name and an HTTP status ({@code SFException#getErrorCodeName}, {@code
 * #getHttpStatusCode}); Java-side names are in {@code com.snowflake.ingest.streaming.ErrorCode},
 * the native core passes the server's. As the official connector does on any failure of an
 * append, a channel whose state is unknown is reopened and rewound rather than retried in place.
 */
final class HpaErrors {

  /** The channel (or its client) is gone: reopen and resend from the committed token. */
  private static final Set<String> CHANNEL_GONE = Set.of("InvalidChannelError", "ClosedChannelError",
      "ClosedClientError");
  private static final int MAX_MESSAGE = 300;

  private HpaErrors() {}

  static boolean channelGone(RuntimeException e) {
    return e instanceof SFException sf && CHANNEL_GONE.contains(sf.getErrorCodeName());
  }

  /** A failure while {@code action}; the message names the cause a user can act on. */
  static TargetException classify(String action, Throwable e) {
    if (e instanceof SFException sf) {
      int status = sf.getHttpStatusCode();
      String detail = action + ": Snowpipe Streaming " + sf.getErrorCodeName() + " (HTTP " + status + "): "
          + brief(sf.getMessage());
      if (status == 401) {
        return TargetException.fatal(SinkErrorCode.SNOWFLAKE_AUTH_FAILED, detail + "; the key pair or user was"
            + " rejected", e);
      }
      if (status == 403 || status == 404) {
        return TargetException.fatal(SinkErrorCode.SNOWFLAKE_ACCESS_DENIED, detail + "; check that the pipe"
            + " exists and the role has OPERATE and MONITOR on it (INSERT on its table for a default pipe)", e);
      }
      if (status == 400 && !"InvalidArgument".equals(sf.getErrorCodeName())) {
        return TargetException.fatal(detail, e);
      }
      return TargetException.retriable(detail, e);
    }
    UnknownHostException unknownHost = find(e, UnknownHostException.class);
    if (unknownHost != null) {
      return TargetException.retriable(action + ": the account host " + unknownHost.getMessage()
          + " does not resolve; check snowflake.url.name", e);
    }
    String detail = action + ": " + e.getClass().getSimpleName() + ": " + brief(e.getMessage());
    return find(e, IOException.class) != null || e instanceof RuntimeException
        ? TargetException.retriable(detail, e) : TargetException.fatal(detail, e);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  static String brief(String message) {
    if (message == null) {
      return "(no message)";
    }
    String oneLine = message.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
  }
}
