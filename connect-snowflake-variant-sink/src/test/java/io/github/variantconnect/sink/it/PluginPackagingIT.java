package io.github.variantconnect.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.PluginPackageInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class PluginPackagingIT {

  private static final String NAME = "connect-snowflake-variant-sink";
  /** The most a plugin folder may take, per target kind when all of them do not fit together. */
  private static final long MAX_FOLDER_MB = 150;

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
  void theSnowflakeClientsShipOnceEachAndNoJarRepeatsAnother() throws Exception {
    Path folder = folder("plugin");
    List<String> jars = jarNames(folder);

    assertThat(jars).anyMatch(n -> n.startsWith("snowflake-ingest-sdk-") && n.contains("-unshaded"))
        .anyMatch(n -> n.startsWith("snowpipe-streaming-"))
        .anyMatch(n -> n.startsWith("snowflake-jdbc-thin-"))
        .anyMatch(n -> n.startsWith("bcpkix-jdk18on-"))
        .noneMatch(n -> n.startsWith("snowflake-jdbc-3") || n.startsWith("snowflake-jdbc-4"))
        .noneMatch(n -> n.startsWith("slf4j-"));
    assertThat(jars.stream().filter(n -> n.startsWith("zstd-jni-"))).hasSize(1);
    Map<String, List<String>> driverCopies = BundledClasses.owners(folder, "net/snowflake/client/jdbc/SnowflakeDriver.class");
    assertThat(driverCopies.values()).as("the JDBC driver, once (no relocated copy inside an SDK jar)")
        .singleElement().asList().hasSize(1);
  }

  @Test
  void everyFolderHoldsEachClassOnceAndThePerTargetFoldersFitTheSizeLimit() throws Exception {
    for (String kind : List.of("plugin", "plugin-snowflake", "plugin-duckdb")) {
      Path folder = folder(kind);
      assertThat(BundledClasses.duplicates(folder)).as("classes in more than one jar of " + kind).isEmpty();
    }
    assertThat(BundledClasses.megabytes(folder("plugin-snowflake"))).isLessThanOrEqualTo(MAX_FOLDER_MB);
    assertThat(BundledClasses.megabytes(folder("plugin-duckdb"))).isLessThanOrEqualTo(MAX_FOLDER_MB);
    assertThat(jarNames(folder("plugin-snowflake"))).noneMatch(n -> n.startsWith("duckdb_jdbc-"));
    assertThat(jarNames(folder("plugin-duckdb"))).anyMatch(n -> n.startsWith("duckdb_jdbc-"))
        .noneMatch(n -> n.startsWith("snowflake-") || n.startsWith("snowpipe-"));
  }

  @Test
  void theDuplicateCheckFindsAClassBundledTwice() throws Exception {
    Path dir = Files.createTempDirectory("bundled");
    for (String jar : List.of("a.jar", "b.jar")) {
      try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(dir.resolve(jar)))) {
        out.putNextEntry(new ZipEntry("com/example/Twice.class"));
        out.write(new byte[] {1});
        out.closeEntry();
        out.putNextEntry(new ZipEntry("META-INF/versions/11/com/example/Twice.class"));
        out.closeEntry();
        out.putNextEntry(new ZipEntry(jar.equals("a.jar") ? "com/example/OnlyA.class" : "com/example/OnlyB.class"));
        out.closeEntry();
      }
    }
    assertThat(BundledClasses.duplicates(dir)).containsOnlyKeys("com/example/Twice.class");
    assertThat(BundledClasses.duplicates(dir).get("com/example/Twice.class")).containsExactly("a.jar", "b.jar");
  }

  private static Path folder(String kind) {
    return Path.of(System.getProperty("variantconnect.build.dir")).resolve(kind).resolve(NAME);
  }

  private static List<String> jarNames(Path folder) throws java.io.IOException {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
