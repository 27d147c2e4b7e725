package io.github.variantconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @TempDir
  Path temp;

  @Test
  void keepsItsContentAcrossRuns() throws Exception {
    DataDirectory first = DataDirectory.open(temp.resolve("data"), false);
    Files.createDirectories(first.root().resolve("kafka"));
    Files.writeString(first.duckDbFile(), "rows");

    DataDirectory second = DataDirectory.open(temp.resolve("data"), false);

    assertThat(second.hasBrokerData()).isTrue();
    assertThat(Files.readString(second.duckDbFile())).isEqualTo("rows");
  }

  @Test
  void resetStartsOver() throws Exception {
    DataDirectory first = DataDirectory.open(temp.resolve("data"), false);
    Files.createDirectories(first.root().resolve("kafka/combined_0_0"));
    Files.writeString(first.root().resolve("kafka/combined_0_0/meta.properties"), "x");
    Files.writeString(first.clickstreamFeedFile(), "published=5");

    DataDirectory reset = DataDirectory.open(temp.resolve("data"), true);

    assertThat(reset.hasBrokerData()).isFalse();
    assertThat(reset.clickstreamFeedFile()).doesNotExist();
    assertThat(reset.root().resolve(DataDirectory.MARKER)).exists();
  }

  @Test
  void neverEmptiesADirectoryItDidNotCreate() throws Exception {
    Path elsewhere = Files.createDirectories(temp.resolve("home"));
    Files.writeString(elsewhere.resolve("notes.txt"), "precious");

    assertThatThrownBy(() -> DataDirectory.open(elsewhere, true))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not created by the quickstart");
    assertThat(elsewhere.resolve("notes.txt")).hasContent("precious");
  }
}
