package io.github.variantconnect.sink;

/** The plugin version, as written into the jar manifest by the build. */
final class Versions {

  private Versions() {}

  static String of(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version != null ? version : "unknown";
  }
}
