package io.github.variantconnect.http.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.variantconnect.http.client.ApiRequest;
import io.github.variantconnect.http.client.ApiResponse;
import io.github.variantconnect.http.config.MappingSettings;
import io.github.variantconnect.http.config.RecordTimestamp;
import io.github.variantconnect.http.config.ValueFormat;
import io.github.variantconnect.http.mapping.RecordFields;
import io.github.variantconnect.http.mapping.TimestampFormat;
import io.github.variantconnect.http.mapping.ValueConverter;
import io.github.variantconnect.http.source.Page.MalformedPageException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagesAheadTest {

  private static final JsonPointer DATA = JsonPointer.compile("/data");
  private static final PageReader READER = new PageReader(DATA, new RecordFields(new MappingSettings(DATA,
      JsonPointer.compile("/session"), JsonPointer.compile("/time"), TimestampFormat.of(TimestampFormat.ISO_8601),
      RecordTimestamp.WALL_CLOCK, JsonPointer.compile("/id"), ValueFormat.RAW, 0)), ValueConverter.of(ValueFormat.RAW));

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Map<URI, Integer> sent = new ConcurrentHashMap<>();
  private final Map<URI, ApiResponse> answers = new ConcurrentHashMap<>();
  private final PagesAhead ahead = new PagesAhead(this::answer, executor, 2, READER);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private ApiResponse answer(ApiRequest request) {
    sent.merge(request.uri(), 1, Integer::sum);
    return answers.get(request.uri());
  }

  private static ApiRequest get(String page) {
    return new ApiRequest("GET", URI.create("http://api.test/events?page=" + page), null);
  }

  private void serve(ApiRequest request, int status, String body) {
    answers.put(request.uri(), new ApiResponse(status, HttpHeaders.of(Map.of(), (name, value) -> true),
        body.getBytes(StandardCharsets.UTF_8), request.uri()));
  }

  @Test
  void aPageFetchedAheadIsTakenParsedWithoutAskingAgain() throws Exception {
    ApiRequest second = get("2");
    serve(second, 200, "{\"data\":[{\"id\":\"a\"},{\"id\":\"b\",\"session\":\"s1\",\"time\":\"2026-01-02T03:04:05Z\"}]}");

    ahead.fetch(List.of(second));
    FetchedPage page = ahead.send(second);

    assertThat(page.parsed().size()).isEqualTo(2);
    PageItem b = page.items().get(1);
    assertThat(b.id()).isEqualTo("b");
    assertThat(b.key()).isEqualTo("s1");
    assertThat(b.time()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(b.millis()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
    assertThat(b.value().value()).isEqualTo("{\"id\":\"b\",\"session\":\"s1\",\"time\":\"2026-01-02T03:04:05Z\"}");
    assertThat(page.items().get(0).key()).isNull();
    assertThat(sent).containsExactly(Map.entry(second.uri(), 1));
  }

  @Test
  void aPageOtherThanTheOneFetchedAheadIsAskedForNow() throws Exception {
    ApiRequest guessed = get("2");
    ApiRequest named = get("7");
    serve(guessed, 200, "{\"data\":[{\"id\":\"x\"}]}");
    serve(named, 200, "{\"data\":[{\"id\":\"y\"}]}");

    ahead.fetch(List.of(guessed));
    FetchedPage page = ahead.send(named);

    assertThat(page.parsed().items().get(0).path("id").asText()).isEqualTo("y");
    assertThat(page.response().uri()).isEqualTo(named.uri());
  }

  @Test
  void aTruncatedBodyFetchedAheadIsReportedWhenItsPageIsTaken() throws Exception {
    ApiRequest second = get("2");
    serve(second, 200, "{\"data\":[{\"id\":\"a\"},{\"id");

    ahead.fetch(List.of(second));
    FetchedPage page = ahead.send(second);

    assertThat(page.response().status()).isEqualTo(200);
    assertThatThrownBy(page::parsed).isInstanceOf(MalformedPageException.class).hasMessageContaining("not complete JSON");
  }

  @Test
  void aFailedResponseIsHandedBackUnparsed() throws Exception {
    ApiRequest second = get("2");
    serve(second, 503, "not json at all");

    ahead.fetch(List.of(second));
    FetchedPage page = ahead.send(second);

    assertThat(page.response().status()).isEqualTo(503);
    assertThat(page.page()).isNull();
    assertThat(page.items()).isEmpty();
    assertThat(page.malformed()).isNull();
  }

  @Test
  void withoutPagesAheadEveryPageIsAskedForWhenNeededAndStillParsed() throws Exception {
    PagesAhead none = new PagesAhead(this::answer, null, 2, READER);
    ApiRequest first = get("1");
    serve(first, 200, "{\"data\":[{\"id\":\"a\"}]}");

    none.fetch(List.of());
    FetchedPage page = none.send(first);

    assertThat(none.depth()).isZero();
    assertThat(page.parsed().size()).isEqualTo(1);
    assertThat(sent).containsExactly(Map.entry(first.uri(), 1));
  }
}
