package io.github.variantconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginPackageInspectorTest {

  private static final String GOOD_MANIFEST =
      """
      {"name":"demo","version":"1.0","title":"Demo","description":"d",
       "owner":{"username":"acme","name":"Acme"},"component_types":["source"],"tags":["x"],
       "requirements":["Connect"],"features":{"delivery_guarantee":["exactly_once"]},
       "license":[{"name":"Apache License 2.0"}],"documentation_url":"https://example.org"}
      """;

  private final PluginPackageInspector inspector = new PluginPackageInspector("acme", "demo", "1.0", "demo-1.0.jar");

  @TempDir Path build;

  @Test
  void acceptsACompletePackage() throws IOException {
    writePackage(GOOD_MANIFEST, "guava-33.jar");

    assertThat(inspector.inspect(build)).isEmpty();
  }

  @Test
  void reportsBundledWorkerJars() throws IOException {
    writePackage(GOOD_MANIFEST, "kafka-clients-4.3.1.jar", "slf4j-api-2.0.17.jar");

    assertThat(inspector.inspect(build))
        .anyMatch(p -> p.contains("plugin folder bundles kafka-clients-4.3.1.jar"))
        .anyMatch(p -> p.contains("zip lib/ bundles slf4j-api-2.0.17.jar"));
  }

  @Test
  void reportsMissingManifestFields() throws IOException {
    writePackage(GOOD_MANIFEST.replace("\"delivery_guarantee\":[\"exactly_once\"]", "\"x\":1")
        .replace("\"license\":[{\"name\":\"Apache License 2.0\"}],", ""));

    assertThat(inspector.inspect(build))
        .contains("manifest.json field missing or empty: features.delivery_guarantee")
        .contains("manifest.json field missing or empty: license");
  }

  @Test
  void reportsAMissingZipAndServiceManifest() throws IOException {
    Path folder = Files.createDirectories(build.resolve("plugin/demo"));
    writeJar(folder.resolve("demo-1.0.jar"), Map.of("com/acme/Demo.class", "x"));

    assertThat(inspector.inspect(build))
        .anyMatch(p -> p.startsWith("Confluent Hub zip missing"))
        .anyMatch(p -> p.contains("no META-INF/services connector manifest"));
  }

  private void writePackage(String manifest, String... extraJars) throws IOException {
    Map<String, String> jarEntries = Map.of(
        "META-INF/services/org.apache.kafka.connect.source.SourceConnector", "com.acme.DemoConnector\n",
        "com/acme/DemoConnector.class", "x");
    Path folder = Files.createDirectories(build.resolve("plugin/demo"));
    writeJar(folder.resolve("demo-1.0.jar"), jarEntries);
    for (String jar : extraJars) {
      writeJar(folder.resolve(jar), Map.of("x.txt", "x"));
    }
    Path zip = Files.createDirectories(build.resolve("components/packages")).resolve("acme-demo-1.0.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      put(out, "acme-demo-1.0/manifest.json", manifest);
      put(out, "acme-demo-1.0/etc/demo.properties", "name=demo");
      put(out, "acme-demo-1.0/doc/README.md", "# demo");
      put(out, "acme-demo-1.0/lib/demo-1.0.jar", "jar");
      for (String jar : extraJars) {
        put(out, "acme-demo-1.0/lib/" + jar, "jar");
      }
    }
  }

  private static void writeJar(Path path, Map<String, String> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(path); JarOutputStream out = new JarOutputStream(file)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        put(out, e.getKey(), e.getValue());
      }
    }
  }

  private static void put(ZipOutputStream out, String name, String content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content.getBytes(StandardCharsets.UTF_8));
    out.closeEntry();
  }
}
