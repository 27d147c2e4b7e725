package io.github.variantconnect.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderListTest {

  @Test
  void pipesSeparateHeadersSoValuesMayHoldCommas() {
    assertThat(HeaderList.parse("Accept: application/json, text/plain | X-Client:kc"))
        .isEqualTo(Map.of("Accept", "application/json, text/plain", "X-Client", "kc"));
    assertThat(HeaderList.parse("")).isEmpty();
  }

  @Test
  void credentialAndTransportHeadersAreRefused() {
    assertThatThrownBy(() -> HeaderList.parse("Authorization: Basic x")).hasMessageContaining("auth.type");
    assertThatThrownBy(() -> HeaderList.parse("Host: other")).hasMessageContaining("Host");
    assertThatThrownBy(() -> HeaderList.parse("Bad Name: x")).hasMessageContaining("not a valid header name");
  }
}
