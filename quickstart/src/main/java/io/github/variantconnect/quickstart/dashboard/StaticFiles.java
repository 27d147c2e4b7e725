package io.github.variantconnect.quickstart.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The page's files, a fixed list read once from the classpath: the page itself from this package,
 * and the chart library from its WebJar ({@code META-INF/resources/webjars/echarts/<version>/}).
 * Only paths in the list are served, so no request can name another resource.
 */
final class StaticFiles {

  /** A file to serve. */
  record File(byte[] body, String contentType) {}

  private static final String PAGE_DIR = "io/github/variantconnect/quickstart/dashboard/";
  private static final String ECHARTS_POM =
      "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private final Map<String, File> files;

  private StaticFiles(Map<String, File> files) {
    this.files = files;
  }

  static StaticFiles load() throws IOException {
    String echarts = "META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";
    return new StaticFiles(Map.of(
        "/", file(PAGE_DIR + "index.html", "text/html; charset=utf-8"),
        "/dashboard.css", file(PAGE_DIR + "dashboard.css", "text/css; charset=utf-8"),
        "/dashboard.js", file(PAGE_DIR + "dashboard.js", "text/javascript; charset=utf-8"),
        "/webjars/echarts/echarts.min.js", file(echarts, "text/javascript; charset=utf-8")));
  }

  Optional<File> get(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** The WebJar's version, so that upgrading the dependency needs no code change. */
  private static String echartsVersion() throws IOException {
    try (InputStream in = resource(ECHARTS_POM)) {
      Properties pom = new Properties();
      pom.load(in);
      return pom.getProperty("version");
    }
  }

  private static File file(String resource, String contentType) throws IOException {
    try (InputStream in = resource(resource)) {
      return new File(in.readAllBytes(), contentType);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing on the classpath: " + name);
    }
    return in;
  }
}
