package io.github.variantconnect.sink.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  private final JsonText text = new JsonText(new JsonFactory());

  @Test
  void documentsFollowEachOtherWithoutSeparators() throws Exception {
    JsonGenerator out = text.start();
    out.writeStartObject();
    out.writeNumberField("a", 1);
    out.writeEndObject();
    assertThat(text.finish()).isEqualTo("{\"a\":1}");

    text.start().writeString("é😀");

    assertThat(text.finish()).isEqualTo("\"é😀\"");
  }

  @Test
  void theBufferShrinksAfterAHugeDocument() throws Exception {
    text.start().writeString("x".repeat(4 * JsonText.RETAINED_CAPACITY));
    assertThat(text.finish()).hasSize(4 * JsonText.RETAINED_CAPACITY + 2);

    text.start().writeString("small");

    assertThat(text.finish()).isEqualTo("\"small\"");
    assertThat(text.capacity()).isLessThanOrEqualTo(JsonText.RETAINED_CAPACITY);
  }

  @Test
  void aResetDropsAHalfWrittenDocument() throws Exception {
    JsonGenerator out = text.start();
    out.writeStartObject();
    out.writeFieldName("broken");
    text.reset();

    text.start().writeNumber(3);

    assertThat(text.finish()).isEqualTo("3");
  }
}
