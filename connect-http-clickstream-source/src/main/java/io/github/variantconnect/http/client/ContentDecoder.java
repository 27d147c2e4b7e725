package io.github.variantconnect.http.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding: gzip} and {@code deflate} (zlib-wrapped or raw, as servers send
 * both), stopping at the decoded size limit so a small compressed body cannot expand into memory
 * without bound. A body that declares no encoding but starts with the gzip magic is gunzipped too:
 * JSON text never starts with byte 0x1f.
 */
final class ContentDecoder {

  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int CHUNK = 16 * 1024;

  private ContentDecoder() {}

  static byte[] decode(String contentEncoding, byte[] body, long limit) throws IOException {
    if (contentEncoding == null || contentEncoding.isBlank()) {
      return isGzip(body) ? inflate(new GZIPInputStream(new ByteArrayInputStream(body)), body.length, limit) : body;
    }
    String[] codings = contentEncoding.split(",");
    byte[] out = body;
    // Codings are listed in the order they were applied; undo them from the last.
    for (int i = codings.length - 1; i >= 0; i--) {
      out = decodeOne(codings[i].trim().toLowerCase(Locale.ROOT), out, limit);
    }
    return out;
  }

  private static byte[] decodeOne(String coding, byte[] body, long limit) throws IOException {
    switch (coding) {
      case "", "identity":
        return body;
      case "gzip", "x-gzip":
        return inflate(new GZIPInputStream(new ByteArrayInputStream(body)), body.length, limit);
      case "deflate":
        Inflater inflater = new Inflater(!isZlib(body));
        try {
          return inflate(new InflaterInputStream(new ByteArrayInputStream(body), inflater), body.length, limit);
        } finally {
          inflater.end();
        }
      default:
        // Asking again would get the same encoding back.
        throw new RequestRefusedException("the response has Content-Encoding '" + coding + "', which this source"
            + " cannot decode; set http.accept.encoding to what the API serves (gzip, deflate) or leave it empty");
    }
  }

  private static byte[] inflate(InputStream in, int compressedBytes, long limit) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, Math.max(CHUNK, compressedBytes * 4L)));
      byte[] chunk = new byte[CHUNK];
      long total = 0;
      for (int n; (n = in.read(chunk)) > 0; ) {
        total += n;
        if (total > limit) {
          throw new DecodedTooLargeException(limit, compressedBytes);
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (java.util.zip.ZipException e) {
      throw new IOException("compressed body is corrupt: " + e.getMessage(), e);
    }
  }

  private static boolean isGzip(byte[] body) {
    return body.length >= 2 && (body[0] & 0xff) == GZIP_MAGIC_1 && (body[1] & 0xff) == GZIP_MAGIC_2;
  }

  /** RFC 1950 header: compression method 8 and a check value making the first two bytes a multiple of 31. */
  private static boolean isZlib(byte[] body) {
    if (body.length < 2) {
      return false;
    }
    int cmf = body[0] & 0xff;
    int flg = body[1] & 0xff;
    return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
  }

}
