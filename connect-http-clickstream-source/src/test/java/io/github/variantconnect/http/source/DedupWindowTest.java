package io.github.variantconnect.http.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DedupWindowTest {

  @Test
  void remembersTheMostRecentIdsOnly() {
    DedupWindow window = new DedupWindow(3, List.of("a"));

    assertThat(window.add("a")).isFalse();
    assertThat(window.add("b")).isTrue();
    assertThat(window.add("c")).isTrue();
    assertThat(window.add("d")).isTrue();
    assertThat(window.snapshot()).containsExactly("b", "c", "d");
    assertThat(window.add("a")).as("evicted, so new again").isTrue();
  }

  @Test
  void offLetsEverythingThrough() {
    DedupWindow window = new DedupWindow(0, List.of("a"));

    assertThat(window.add("a")).isTrue();
    assertThat(window.add("a")).isTrue();
    assertThat(window.snapshot()).isEmpty();
  }
}
