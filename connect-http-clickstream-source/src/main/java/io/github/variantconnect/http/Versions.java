package io.github.variantconnect.http;

/** The plugin version, as the build writes it into the jar manifest. */
final class Versions {

  private Versions() {}

  static String of(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version != null ? version : "unknown";
  }
}
