package io.github.variantconnect.http.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.variantconnect.http.client.ApiResponse;
import io.github.variantconnect.http.config.MappingSettings;
import io.github.variantconnect.http.config.RecordTimestamp;
import io.github.variantconnect.http.config.ValueFormat;
import io.github.variantconnect.http.mapping.RecordFields;
import io.github.variantconnect.http.mapping.TimestampFormat;
import io.github.variantconnect.http.mapping.ValueConverter;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageReaderTest {

  private static final JsonPointer DATA = JsonPointer.compile("/data");
  private static final String BODY =
      "{\"data\":[{\"id\":\"a\",\"time\":\"yesterday\",\"price\":1.5},{\"id\":\"b\",\"time\":\"2026-01-02T03:04:05Z\"},null]}";

  private static PageReader reader(ValueFormat format) {
    RecordFields fields = new RecordFields(new MappingSettings(DATA, JsonPointer.compile("/id"),
        JsonPointer.compile("/time"), TimestampFormat.of(TimestampFormat.ISO_8601), RecordTimestamp.EVENT_TIME,
        JsonPointer.compile("/id"), format, 0));
    return new PageReader(DATA, fields, ValueConverter.of(format));
  }

  private static ApiResponse ok(String body) {
    return new ApiResponse(200, HttpHeaders.of(Map.of(), (name, value) -> true), body.getBytes(StandardCharsets.UTF_8),
        URI.create("http://api.test/events"));
  }

  @Test
  void schemalessValuesAreConvertedWithTheFieldsAndABadEventTimeIsKeptAsTheReason() {
    FetchedPage page = reader(ValueFormat.SCHEMALESS).read(ok(BODY));

    PageItem a = page.items().get(0);
    assertThat(a.millis()).isNull();
    assertThat(a.time()).isNull();
    assertThat(a.timestampProblem()).contains("yesterday");
    assertThat(a.value().value()).isEqualTo(Map.of("id", "a", "time", "yesterday", "price", 1.5));
    assertThat(page.items().get(1).timestampProblem()).isNull();
    assertThat(page.items().get(2).value()).as("a null item has no record").isNull();
  }

  @Test
  void structValuesAreLeftForTheTaskThreadBecauseTheirSchemaDependsOnTheItemsBefore() {
    FetchedPage page = reader(ValueFormat.STRUCT).read(ok(BODY));

    assertThat(page.items()).hasSize(3);
    assertThat(page.items()).allSatisfy(item -> assertThat(item.value()).isNull());
    assertThat(page.items().get(1).id()).isEqualTo("b");
  }
}
