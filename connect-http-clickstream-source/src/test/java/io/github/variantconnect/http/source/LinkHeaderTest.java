package io.github.variantconnect.http.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

  private static HttpHeaders links(String... values) {
    return HttpHeaders.of(Map.of("Link", List.of(values)), (a, b) -> true);
  }

  @Test
  void findsTheNextRelationAmongOthers() {
    assertThat(LinkHeader.next(links("<https://api.example.com/e?page=1>; rel=\"first\", "
        + "<https://api.example.com/e?page=3>; rel=\"next\"; title=\"p3\""))).isEqualTo("https://api.example.com/e?page=3");
    assertThat(LinkHeader.next(links("</e?c=9>; rel=\"prev\"", "</e?c=11>; rel=\"next last\""))).isEqualTo("/e?c=11");
    assertThat(LinkHeader.next(links("</e?c=11>; REL=next"))).isEqualTo("/e?c=11");
  }

  @Test
  void noNextRelationMeansNoNextPage() {
    assertThat(LinkHeader.next(links("</e?c=1>; rel=\"prev\""))).isNull();
    assertThat(LinkHeader.next(HttpHeaders.of(Map.of(), (a, b) -> true))).isNull();
  }
}
