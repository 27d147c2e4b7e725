package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A JSON generator reused for every document a task writes: documents are written one after the
 * other as root values and cut off the shared buffer, so a record costs its output string and no
 * generator, writer or buffer allocations. Not thread-safe; one per task.
 *
 * <p>The buffer is a plain {@code char[]} rather than a {@code StringBuilder}: a builder checks
 * every appended char to keep its compact Latin-1 form, a tenth of a small record's cost.
 */
public final class JsonText {

  /** Capacity the buffer keeps between documents; one huge value does not pin its size for good. */
  static final int RETAINED_CAPACITY = 1 << 16;

  private final JsonFactory factory;
  private final CharBuffer out = new CharBuffer();
  private JsonGenerator generator;

  public JsonText(JsonFactory factory) {
    this.factory = factory;
    this.generator = newGenerator();
  }

  private JsonGenerator newGenerator() {
    try {
      JsonGenerator g = factory.createGenerator(out);
      g.setRootValueSeparator(null);
      return g;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The generator to write exactly one root value with, followed by {@link #finish()}. */
  public JsonGenerator start() {
    out.clear();
    return generator;
  }

  /** The document written since {@link #start()}. */
  public String finish() throws IOException {
    generator.flush();
    String text = new String(out.chars, 0, out.length);
    out.clear();
    return text;
  }

  /** After a failed write the generator may sit inside an object; start over with a fresh one. */
  public void reset() {
    out.clear();
    generator = newGenerator();
  }

  /** The buffer's current size, in chars. */
  int capacity() {
    return out.chars.length;
  }

  private static final class CharBuffer extends Writer {
    private char[] chars = new char[1024];
    private int length;

    void clear() {
      length = 0;
      if (chars.length > RETAINED_CAPACITY) {
        chars = new char[RETAINED_CAPACITY];
      }
    }

    private void reserve(int more) {
      if (length + more > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
      }
    }

    @Override
    public void write(char[] source, int offset, int count) {
      reserve(count);
      System.arraycopy(source, offset, chars, length, count);
      length += count;
    }

    @Override
    public void write(String text, int offset, int count) {
      reserve(count);
      text.getChars(offset, offset + count, chars, length);
      length += count;
    }

    @Override
    public void write(int c) {
      reserve(1);
      chars[length++] = (char) c;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
