package io.github.variantconnect.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md stays true to the tree: every module, path, package and class it names in
 * backticks exists, and every module of the reactor is named.
 */
class ArchitectureDocTest {

  private static final String BASE_PACKAGE = "io.github.variantconnect";
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern SHORT_PACKAGE = Pattern.compile("(ats|http|sink|common|testkit|demoapi|quickstart|bench)(\\.[a-z]+)*");
  private static final Pattern CLASS = Pattern.compile("[A-Z][a-z]\\w*(\\.\\w+)?");
  private static final Pattern DIRECTORY = Pattern.compile("[a-z][a-z-]*");

  private final Path root = repositoryRoot();
  private final String doc = read(root.resolve("docs/architecture.md"));

  @Test
  void everyPathPackageAndClassItNamesExists() throws IOException {
    Set<String> packages = new HashSet<>();
    Set<String> classes = new HashSet<>();
    for (Path sources : mainSourceRoots()) {
      try (Stream<Path> files = Files.walk(sources)) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
          packages.add(sources.relativize(f.getParent()).toString().replace('/', '.'));
          classes.add(f.getFileName().toString().replace(".java", ""));
        });
      }
    }
    classes.add("ArchitectureDocTest");
    List<String> missing = new ArrayList<>();
    for (String name : names()) {
      if (name.contains("<") || name.contains("(") || name.contains("=") || name.contains(" ")) {
        continue; // placeholders, calls and config examples
      }
      if (name.contains("/") || name.endsWith(".md")) {
        if (!Files.exists(root.resolve(name))) {
          missing.add("path " + name);
        }
      } else if (name.startsWith(BASE_PACKAGE) || SHORT_PACKAGE.matcher(name).matches()) {
        String full = name.startsWith(BASE_PACKAGE) ? name : BASE_PACKAGE + "." + name;
        if (!packages.contains(full)) {
          missing.add("package " + full);
        }
      } else if (CLASS.matcher(name).matches()) {
        String simple = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (!classes.contains(simple)) {
          missing.add("class " + simple);
        }
      } else if (DIRECTORY.matcher(name).matches() && !Files.isDirectory(root.resolve(name))) {
        missing.add("module " + name);
      }
    }
    assertThat(missing).as("named in docs/architecture.md but not in the tree").isEmpty();
  }

  @Test
  void everyModuleOfTheReactorIsNamed() {
    Matcher modules = MODULE.matcher(read(root.resolve("pom.xml")));
    Set<String> names = names();
    List<String> unnamed = new ArrayList<>();
    while (modules.find()) {
      String module = modules.group(1);
      if (!names.contains(module) && !names.contains(module + "/")) {
        unnamed.add(module);
      }
    }
    assertThat(unnamed).as("reactor modules docs/architecture.md does not name").isEmpty();
  }

  private Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = BACKTICKED.matcher(doc);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  private List<Path> mainSourceRoots() throws IOException {
    List<Path> roots = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
    }
    return roots;
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("docs/architecture.md")) && Files.exists(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
