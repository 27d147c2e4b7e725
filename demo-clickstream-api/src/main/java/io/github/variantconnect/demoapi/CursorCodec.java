package io.github.variantconnect.demoapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursors are opaque to clients (they must only hand back what they were given), but encode the
 * next feed position so any server started with the same seed understands them.
 */
final class CursorCodec {
  private static final String PREFIX = "seq:";

  private CursorCodec() {}

  static String encode(long seq) {
    byte[] text = (PREFIX + seq).getBytes(StandardCharsets.US_ASCII);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
  }

  static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (text.startsWith(PREFIX)) {
        long seq = Long.parseLong(text.substring(PREFIX.length()));
        if (seq >= 0) {
          return seq;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the same answer as any other unreadable cursor
    }
    throw new ApiException(400, "invalid_cursor",
        "cursor '" + cursor + "' was not issued by this API; pass back next_cursor unchanged");
  }
}
