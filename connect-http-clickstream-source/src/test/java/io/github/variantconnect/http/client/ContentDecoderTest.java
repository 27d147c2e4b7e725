package io.github.variantconnect.http.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

  private static final byte[] PAGE = "{\"data\":[{\"event_id\":\"e-1\",\"price\":19.99}],\"has_more\":false}"
      .repeat(20).getBytes(StandardCharsets.UTF_8);

  @Test
  void gzipBodyIsDecoded() throws IOException {
    assertArrayEquals(PAGE, ContentDecoder.decode("gzip", gzip(PAGE), 1 << 20));
  }

  @Test
  void zlibWrappedDeflateIsDecoded() throws IOException {
    assertArrayEquals(PAGE, ContentDecoder.decode("deflate", deflate(PAGE, false), 1 << 20));
  }

  @Test
  void rawDeflateIsDecoded() throws IOException {
    assertArrayEquals(PAGE, ContentDecoder.decode("Deflate", deflate(PAGE, true), 1 << 20));
  }

  @Test
  void gzipWithoutContentEncodingIsRecognisedByItsMagic() throws IOException {
    assertArrayEquals(PAGE, ContentDecoder.decode(null, gzip(PAGE), 1 << 20));
  }

  @Test
  void plainBodyIsReturnedAsIs() throws IOException {
    assertSame(PAGE, ContentDecoder.decode(null, PAGE, 1 << 20));
    assertSame(PAGE, ContentDecoder.decode("identity", PAGE, 1 << 20));
  }

  @Test
  void stackedCodingsAreUndoneFromTheLast() throws IOException {
    assertArrayEquals(PAGE, ContentDecoder.decode("deflate, gzip", gzip(deflate(PAGE, false)), 1 << 20));
  }

  @Test
  void compressionBombIsRefusedAtTheDecodedLimit() throws IOException {
    byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
    assertTrue(bomb.length < 100 * 1024, "the bomb is small on the wire: " + bomb.length);
    DecodedTooLargeException e = assertThrows(DecodedTooLargeException.class,
        () -> ContentDecoder.decode("gzip", bomb, 1024 * 1024));
    assertTrue(e.getMessage().contains("http.max.response.bytes"), e.getMessage());
    assertTrue(Failure.of(e).kind() == Failure.Kind.DECODED_TOO_LARGE);
  }

  @Test
  void unknownCodingIsRefusedNamingTheKey() {
    RequestRefusedException e = assertThrows(RequestRefusedException.class, () -> ContentDecoder.decode("br", PAGE, 1 << 20));
    assertTrue(e.getMessage().contains("http.accept.encoding"), e.getMessage());
  }

  @Test
  void corruptGzipIsAnIoError() {
    byte[] broken = gzip(PAGE);
    broken[broken.length / 2] ^= 0x55;
    broken[broken.length / 2 + 1] ^= 0x55;
    assertThrows(IOException.class, () -> ContentDecoder.decode("gzip", broken, 1 << 20));
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] deflate(byte[] body, boolean raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
    try (OutputStream out = new DeflaterOutputStream(bytes, deflater)) {
      out.write(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    deflater.end();
    return bytes.toByteArray();
  }
}
