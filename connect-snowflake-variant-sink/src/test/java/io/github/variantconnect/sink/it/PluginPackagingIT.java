package io.github.variantconnect.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.PluginPackageInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class PluginPackagingIT {

  private static final String NAME = "connect-snowflake-variant-sink";

  @Test
  void pluginFolderAndHubZipAreCompleteAndBundleNoWorkerJars() throws Exception {
    Path buildDir = Path.of(System.getProperty("variantconnect.build.dir"));
    String version = System.getProperty("variantconnect.project.version");
    PluginPackageInspector inspector =
        new PluginPackageInspector("variantconnect", NAME, version, NAME + "-" + version + ".jar");

    assertThat(inspector.inspect(buildDir)).isEmpty();
  }

  @Test
  void theDuckDbDriverAndTheTargetServiceManifestShip() throws Exception {
    Path buildDir = Path.of(System.getProperty("variantconnect.build.dir"));
    String version = System.getProperty("variantconnect.project.version");
    Path folder = buildDir.resolve("plugin").resolve(NAME);

    try (var files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("duckdb_jdbc-"));
    }
    try (ZipFile jar = new ZipFile(folder.resolve(NAME + "-" + version + ".jar").toFile())) {
      ZipEntry services = jar.getEntry("META-INF/services/io.github.variantconnect.sink.target.TargetProvider");
      assertThat(services).isNotNull();
      assertThat(new String(jar.getInputStream(services).readAllBytes(), StandardCharsets.UTF_8))
          .contains("DuckDbTargetProvider").contains("SnowflakeTargetProvider");
    }
  }

  @Test
  void theSnowflakeClientsShipOnceEachWithTheirNativeCompressionLibrary() throws Exception {
    Path buildDir = Path.of(System.getProperty("variantconnect.build.dir"));
    Path folder = buildDir.resolve("plugin").resolve(NAME);
    List<String> jars;
    try (var files = Files.list(folder)) {
      jars = files.map(p -> p.getFileName().toString()).toList();
    }

    assertThat(jars).anyMatch(n -> n.startsWith("snowflake-ingest-sdk-"))
        .anyMatch(n -> n.startsWith("snowflake-jdbc-"))
        .anyMatch(n -> n.startsWith("bcpkix-jdk18on-"))
        .noneMatch(n -> n.startsWith("zstd-jni-"))
        .noneMatch(n -> n.startsWith("slf4j-"));
    // The streaming SDK needs zstd-jni; snowflake-jdbc carries the same release, classes and native code.
    String jdbc = jars.stream().filter(n -> n.startsWith("snowflake-jdbc-")).findFirst().orElseThrow();
    try (ZipFile jar = new ZipFile(folder.resolve(jdbc).toFile())) {
      assertThat(jar.getEntry("com/github/luben/zstd/Zstd.class")).isNotNull();
      assertThat(jar.stream().map(ZipEntry::getName)).anyMatch(n -> n.startsWith("linux/amd64/libzstd-jni"));
    }
  }
}
