package io.github.variantconnect.quickstart.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Without Docker: every native library bundled in the built plugin folders — DuckDB's JNI library,
 * the Snowflake SDK's — can load in the image docker-compose.yml runs the worker in. Each ELF file
 * found in the plugins' jars is read for its NEEDED libraries and required GLIBC_/GLIBCXX_ versions,
 * and checked against what docker/connect-worker/Dockerfile declares its base image provides.
 * ContainerStackIT builds and runs that image where Docker exists.
 */
class ComposeWorkerNativesIT {

  private static final Path ROOT = Path.of(System.getProperty("variantconnect.root.dir", ".."));
  private static final Path DOCKERFILE = ROOT.resolve("docker/connect-worker/Dockerfile");
  private static final List<String> PLUGINS =
      List.of("connect-ats-source", "connect-http-clickstream-source", "connect-snowflake-variant-sink");
  /** The C library's own names: a musl build of a native is for Alpine and never loads on glibc. */
  private static final Set<String> IMAGE_MACHINES = Set.of("x86-64", "aarch64");
  private static final Pattern MUSL = Pattern.compile("libc\\.musl-.*|ld-musl-.*");

  @Test
  void composeRunsTheWorkerFromTheGlibcDockerfile() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    String connect = compose.substring(compose.indexOf("\n  connect:"), compose.indexOf("\n  register:"));
    assertThat(connect).contains("build: docker/connect-worker").doesNotContain("image: apache/kafka");
    String dockerfile = Files.readString(DOCKERFILE);
    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre-noble$").doesNotContainPattern("(?mi)^FROM .*alpine");
    assertThat(ElfDependencies.compareVersions(declared(dockerfile, "provides-glibc"), "2.25"))
        .as("glibc of the base image, DuckDB's JNI library needs 2.25").isGreaterThanOrEqualTo(0);
  }

  @Test
  void everyBundledNativeFindsItsLibrariesAndGlibcVersionInTheWorkerImage() throws IOException {
    String dockerfile = Files.readString(DOCKERFILE);
    Set<String> provided = Set.of(declared(dockerfile, "provides-libraries").split("\\s+"));
    String glibc = declared(dockerfile, "provides-glibc");
    String glibcxx = declared(dockerfile, "provides-glibcxx");

    List<String> natives = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    for (String plugin : PLUGINS) {
      Path folder = ROOT.resolve(plugin).resolve("target/plugin").resolve(plugin);
      assertThat(folder).as("built plugin folder (package the plugins first)").isDirectory();
      try (Stream<Path> jars = Files.list(folder)) {
        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
          forEachElf(jar, (name, elf) -> {
            if (!forThisImage(elf)) {
              return; // for Alpine, FreeBSD, Android or another CPU: never loaded on this image
            }
            String where = plugin + "/" + jar.getFileName() + "!" + name + " (" + elf.machine() + ")";
            natives.add(where);
            elf.needed().stream().filter(n -> !provided.contains(n)).forEach(n -> missing.add(where + " needs " + n));
            String wantsGlibc = elf.highest("GLIBC_");
            if (wantsGlibc != null && ElfDependencies.compareVersions(wantsGlibc, glibc) > 0) {
              missing.add(where + " needs GLIBC_" + wantsGlibc + ", the image has " + glibc);
            }
            String wantsGlibcxx = elf.highest("GLIBCXX_");
            if (wantsGlibcxx != null && ElfDependencies.compareVersions(wantsGlibcxx, glibcxx) > 0) {
              missing.add(where + " needs GLIBCXX_" + wantsGlibcxx + ", the image has " + glibcxx);
            }
          });
        }
      }
    }
    System.out.println("[natives] checked against " + DOCKERFILE + ":\n  " + String.join("\n  ", natives));
    assertThat(natives).as("bundled natives found (DuckDB's JNI library at least)")
        .anyMatch(n -> n.contains("duckdb") && n.contains("x86-64"));
    assertThat(missing).as("what bundled natives need that the worker image does not declare").isEmpty();
  }

  @Test
  void theElfReaderSeesWhatTheDuckDbLibraryNeeds() throws IOException {
    List<ElfDependencies> duckdb = new ArrayList<>();
    Path folder = ROOT.resolve("connect-snowflake-variant-sink/target/plugin/connect-snowflake-variant-sink");
    try (Stream<Path> jars = Files.list(folder)) {
      for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith("duckdb_jdbc")).toList()) {
        forEachElf(jar, (name, elf) -> {
          if (elf.machine().equals("x86-64") && forThisImage(elf)) {
            duckdb.add(elf);
          }
        });
      }
    }
    assertThat(duckdb).isNotEmpty();
    // What the DuckDB JNI library's maintainers document it needs, found by the reader.
    assertThat(duckdb.get(0).needed()).contains("libstdc++.so.6", "libc.so.6");
    assertThat(duckdb.get(0).highest("GLIBC_")).isNotNull();
  }

  /** Linux on x86-64 or aarch64 against glibc (libc.so.6): the platforms the worker image runs. */
  private static boolean forThisImage(ElfDependencies elf) {
    return IMAGE_MACHINES.contains(elf.machine()) && elf.needed().contains("libc.so.6")
        && elf.needed().stream().noneMatch(n -> MUSL.matcher(n).matches());
  }

  private interface ElfVisitor {
    void visit(String name, ElfDependencies elf);
  }

  private static void forEachElf(Path jar, ElfVisitor visitor) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory() && entry.getName().contains(".so")) {
          byte[] bytes = zip.readAllBytes();
          if (ElfDependencies.isElf(bytes)) {
            visitor.visit(entry.getName(), ElfDependencies.parse(bytes));
          }
        }
      }
    }
  }

  private static String declared(String dockerfile, String key) {
    Matcher m = Pattern.compile("(?m)^# " + Pattern.quote(key) + ": (.+)$").matcher(dockerfile);
    assertThat(m.find()).as("'# %s:' line in %s", key, DOCKERFILE).isTrue();
    return m.group(1).trim();
  }
}
