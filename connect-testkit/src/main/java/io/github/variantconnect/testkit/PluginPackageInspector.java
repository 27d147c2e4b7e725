package io.github.variantconnect.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks what a plugin module built against what a worker and Confluent Hub expect: the plugin.path
 * folder, the Hub zip and its manifest, and the KIP-898 service manifests. Returns problems instead
 * of throwing at the first, so a test shows all of them at once.
 */
public final class PluginPackageInspector {

  /** Jars the worker provides; bundling them breaks plugin isolation. */
  private static final Pattern FORBIDDEN_JAR =
      Pattern.compile("^(kafka-clients|connect-api|connect-runtime|connect-json|connect-transforms|kafka_2\\.\\d+|slf4j-[a-z0-9-]+)-\\d.*\\.jar$");

  private static final List<String> REQUIRED_MANIFEST_FIELDS =
      List.of(
          "name", "version", "title", "description", "owner", "component_types", "tags",
          "requirements", "features", "license", "documentation_url");

  private static final Set<String> COMPONENT_TYPES = Set.of("source", "sink", "transform", "converter");
  private static final Set<String> DELIVERY_GUARANTEES = Set.of("at_least_once", "exactly_once");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String owner;
  private final String name;
  private final String version;
  private final String connectorJar;

  /** {@code connectorJar} is the module's own jar file name, e.g. {@code connect-ats-source-0.1.0.jar}. */
  public PluginPackageInspector(String owner, String name, String version, String connectorJar) {
    this.owner = owner;
    this.name = name;
    this.version = version;
    this.connectorJar = connectorJar;
  }

  public Path pluginFolder(Path buildDir) {
    return buildDir.resolve("plugin").resolve(name);
  }

  public Path hubZip(Path buildDir) {
    return buildDir.resolve("components/packages").resolve(owner + "-" + name + "-" + version + ".zip");
  }

  /** All problems found in the module's build directory; empty when the packaging is right. */
  public List<String> inspect(Path buildDir) throws IOException {
    List<String> problems = new ArrayList<>();
    inspectFolder(pluginFolder(buildDir), problems);
    inspectZip(hubZip(buildDir), problems);
    return problems;
  }

  void inspectFolder(Path folder, List<String> problems) throws IOException {
    if (!Files.isDirectory(folder)) {
      problems.add("plugin folder missing: " + folder);
      return;
    }
    List<String> jars;
    try (Stream<Path> files = Files.list(folder)) {
      jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
    }
    checkJars("plugin folder", jars, problems);
    Path jar = folder.resolve(connectorJar);
    if (Files.isRegularFile(jar)) {
      checkServiceManifests(jar, problems);
    }
  }

  void inspectZip(Path zip, List<String> problems) throws IOException {
    if (!Files.isRegularFile(zip)) {
      problems.add("Confluent Hub zip missing: " + zip);
      return;
    }
    String base = owner + "-" + name + "-" + version + "/";
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      List<String> libJars = new ArrayList<>();
      boolean hasEtc = false;
      boolean hasDoc = false;
      for (Enumeration<? extends ZipEntry> e = zipFile.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String path = entry.getName();
        if (!path.startsWith(base)) {
          problems.add("zip entry outside " + base + ": " + path);
          continue;
        }
        String rel = path.substring(base.length());
        if (rel.startsWith("lib/") && rel.endsWith(".jar")) {
          libJars.add(rel.substring(4));
        }
        hasEtc |= rel.startsWith("etc/") && !entry.isDirectory();
        hasDoc |= rel.startsWith("doc/") && !entry.isDirectory();
      }
      checkJars("zip lib/", libJars, problems);
      if (!hasEtc) {
        problems.add("zip has no example config under etc/");
      }
      if (!hasDoc) {
        problems.add("zip has no documentation under doc/");
      }
      ZipEntry manifest = zipFile.getEntry(base + "manifest.json");
      if (manifest == null) {
        problems.add("zip has no " + base + "manifest.json");
      } else {
        try (InputStream in = zipFile.getInputStream(manifest)) {
          checkManifest(new String(in.readAllBytes(), StandardCharsets.UTF_8), problems);
        }
      }
    }
  }

  private void checkJars(String where, List<String> jars, List<String> problems) {
    if (!jars.contains(connectorJar)) {
      problems.add(where + " lacks the connector jar " + connectorJar);
    }
    for (String jar : jars) {
      if (FORBIDDEN_JAR.matcher(jar).matches()) {
        problems.add(where + " bundles " + jar + ", which the worker provides");
      }
    }
  }

  void checkManifest(String text, List<String> problems) throws IOException {
    if (text.contains("${")) {
      problems.add("manifest.json has unresolved placeholders");
    }
    JsonNode manifest = JSON.readTree(text);
    for (String field : REQUIRED_MANIFEST_FIELDS) {
      JsonNode value = manifest.path(field);
      if (value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty())
          || (value.isTextual() && value.asText().isBlank())) {
        problems.add("manifest.json field missing or empty: " + field);
      }
    }
    if (!name.equals(manifest.path("name").asText())) {
      problems.add("manifest.json name is " + manifest.path("name") + ", expected " + name);
    }
    if (!version.equals(manifest.path("version").asText())) {
      problems.add("manifest.json version is " + manifest.path("version") + ", expected " + version);
    }
    if (!owner.equals(manifest.path("owner").path("username").asText())) {
      problems.add("manifest.json owner.username is not " + owner);
    }
    for (JsonNode type : manifest.path("component_types")) {
      if (!COMPONENT_TYPES.contains(type.asText())) {
        problems.add("manifest.json component_types has unknown " + type);
      }
    }
    JsonNode guarantees = manifest.path("features").path("delivery_guarantee");
    if (!guarantees.isArray() || guarantees.isEmpty()) {
      problems.add("manifest.json field missing or empty: features.delivery_guarantee");
    }
    for (JsonNode guarantee : guarantees) {
      if (!DELIVERY_GUARANTEES.contains(guarantee.asText())) {
        problems.add("manifest.json features.delivery_guarantee has unknown " + guarantee);
      }
    }
    for (JsonNode license : manifest.path("license")) {
      if (license.path("name").asText().isBlank()) {
        problems.add("manifest.json license entry without a name");
      }
    }
  }

  /** KIP-898: every service manifest names classes that exist in the jar. */
  private static void checkServiceManifests(Path jar, List<String> problems) throws IOException {
    try (JarFile jarFile = new JarFile(jar.toFile())) {
      int connectors = 0;
      for (String service : List.of(
          "org.apache.kafka.connect.source.SourceConnector", "org.apache.kafka.connect.sink.SinkConnector")) {
        ZipEntry entry = jarFile.getEntry("META-INF/services/" + service);
        if (entry == null) {
          continue;
        }
        String text;
        try (InputStream in = jarFile.getInputStream(entry)) {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
          String className = line.replaceAll("#.*", "").trim();
          if (className.isEmpty()) {
            continue;
          }
          connectors++;
          if (jarFile.getEntry(className.replace('.', '/') + ".class") == null) {
            problems.add("META-INF/services/" + service + " names " + className + ", which is not in the jar");
          }
        }
      }
      if (connectors == 0) {
        problems.add(jar.getFileName() + " has no META-INF/services connector manifest (KIP-898)");
      }
    }
  }
}
