package io.github.variantconnect.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTemplateTest {

  private static Map<String, Object> values(Object cursor) {
    Map<String, Object> values = new HashMap<>();
    values.put("cursor", cursor);
    values.put("limit", 1000);
    values.put("since", "2026-01-05T07:30:00.000+01:00");
    return values;
  }

  @Test
  void queryValuesAreEncodedAndEmptyParametersLeftOut() {
    RequestTemplate query = RequestTemplate.query("cursor=${cursor}&limit=${limit}&since=${since}&fixed=a%20b");

    assertThat(query.expand(values(null))).isEqualTo("limit=1000&since=2026-01-05T07%3A30%3A00.000%2B01%3A00&fixed=a%20b");
    assertThat(query.expand(values("a/b=c&d"))).startsWith("cursor=a%2Fb%3Dc%26d&limit=1000");
  }

  @Test
  void bodyPlaceholdersBecomeJsonValues() {
    RequestTemplate body = RequestTemplate.body("{\"cursor\": ${cursor}, \"limit\": ${limit}}");

    assertThat(body.expand(values(null))).isEqualTo("{\"cursor\": null, \"limit\": 1000}");
    assertThat(body.expand(values("say \"hi\""))).isEqualTo("{\"cursor\": \"say \\\"hi\\\"\", \"limit\": 1000}");
  }

  @Test
  void unknownPlaceholdersAreRejected() {
    assertThatThrownBy(() -> RequestTemplate.query("x=${next}")).hasMessageContaining("${next}");
  }
}
