package io.github.variantconnect.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plugin folders the build produced. The build passes them as the system property {@value
 * #PROPERTY}; folders that do not exist (plugins not built in this reactor run) are left out.
 */
public final class PluginPath {

  public static final String PROPERTY = "variantconnect.plugin.path";

  private PluginPath() {}

  public static List<Path> folders() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property "
              + PROPERTY
              + " is not set: run integration tests through Maven (./mvnw verify), which builds"
              + " the plugin folders first");
    }
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .filter(Files::isDirectory)
        .map(Path::toAbsolutePath)
        .collect(Collectors.toList());
  }

  /** The value for a worker's {@code plugin.path}. */
  public static String workerValue() {
    List<Path> folders = folders();
    if (folders.isEmpty()) {
      throw new IllegalStateException(
          "No built plugin folder found in " + System.getProperty(PROPERTY));
    }
    return folders.stream().map(Path::toString).collect(Collectors.joining(","));
  }
}
