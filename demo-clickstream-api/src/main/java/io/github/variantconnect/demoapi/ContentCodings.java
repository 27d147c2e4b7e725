package io.github.variantconnect.demoapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Response compression as public APIs offer it: gzip preferred, then deflate (zlib-wrapped). */
final class ContentCodings {

  private static final int LEVEL = Deflater.BEST_SPEED;

  private ContentCodings() {}

  /**
   * The coding to answer with for an {@code Accept-Encoding} header, or null for none. Quality
   * values of 0 refuse a coding; other weights are not ranked, gzip simply wins.
   */
  static String chosen(String acceptEncoding) {
    if (acceptEncoding == null) {
      return null;
    }
    boolean gzip = false;
    boolean deflate = false;
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.split(";");
      String name = pieces[0].trim();
      boolean refused = pieces.length > 1 && pieces[1].replace(" ", "").matches("q=0(\\.0*)?");
      if (refused) {
        continue;
      }
      gzip |= name.equals("gzip") || name.equals("*");
      deflate |= name.equals("deflate");
    }
    return gzip ? "gzip" : deflate ? "deflate" : null;
  }

  static byte[] encode(String coding, byte[] body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    // Level 1, as nginx's default gzip_comp_level: most of the saving for a fraction of the CPU.
    Deflater deflater = new Deflater(LEVEL, coding.equals("gzip"));
    try (var out = coding.equals("gzip") ? new FastGzip(bytes) : new DeflaterOutputStream(bytes, deflater)) {
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    return bytes.toByteArray();
  }

  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(ByteArrayOutputStream out) throws IOException {
      super(out);
      def.setLevel(LEVEL);
    }
  }
}
