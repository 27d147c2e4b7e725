package io.github.variantconnect.http.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UrlRedactorTest {

  private final UrlRedactor redactor = new UrlRedactor(Set.of("api_key"));

  @Test
  void masksForLogsAndStripsForOffsets() {
    URI uri = URI.create("http://h:1/e?cursor=abc&API_KEY=s3cret&limit=5");

    assertThat(redactor.redact(uri)).isEqualTo("http://h:1/e?cursor=abc&API_KEY=****&limit=5");
    assertThat(redactor.strip(uri)).isEqualTo(URI.create("http://h:1/e?cursor=abc&limit=5"));
    assertThat(redactor.strip(URI.create("http://h/e?api_key=x"))).isEqualTo(URI.create("http://h/e"));
  }
}
