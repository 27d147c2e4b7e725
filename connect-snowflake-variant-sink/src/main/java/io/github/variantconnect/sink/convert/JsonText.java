package io.github.variantconnect.sink.convert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * A JSON generator reused for every document a task writes: documents are written one after the
 * other as root values and cut off the shared buffer, so a record costs its output string and no
 * generator, writer or buffer allocations. Not thread-safe; one per task.
 */
public final class JsonText {

  private final JsonFactory factory;
  private final BuilderWriter out = new BuilderWriter();
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
    out.builder.setLength(0);
    return generator;
  }

  /** The document written since {@link #start()}. */
  public String finish() throws IOException {
    generator.flush();
    String text = out.builder.toString();
    out.builder.setLength(0);
    return text;
  }

  /** After a failed write the generator may sit inside an object; start over with a fresh one. */
  public void reset() {
    out.builder.setLength(0);
    generator = newGenerator();
  }

  private static final class BuilderWriter extends Writer {
    private final StringBuilder builder = new StringBuilder(1024);

    @Override
    public void write(char[] chars, int offset, int length) {
      builder.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      builder.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
      builder.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
