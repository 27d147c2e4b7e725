package io.github.variantconnect.sink.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.PluginPackageInspector;
import java.nio.file.Files;
import java.nio.file.Path;
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
      assertThat(jar.getEntry("META-INF/services/io.github.variantconnect.sink.target.TargetProvider")).isNotNull();
    }
  }
}
