package io.github.variantconnect.quickstart.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code docker compose config} accepts docker-compose.yml wherever the compose CLI exists. */
class DockerComposeFileTest {

  private static final Path ROOT = Path.of(System.getProperty("variantconnect.root.dir", ".."));

  @Test
  void composeFileIsValid() throws Exception {
    assumeTrue(run(List.of("docker", "compose", "version")).exitCode == 0,
        "docker compose is not installed here; skipping the compose file check");

    Result result = run(List.of("docker", "compose", "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "--quiet"));

    assertThat(result.exitCode).as(result.output).isZero();
  }

  @Test
  void composeFileMountsEveryPluginFolderAndTheRegistrationScript() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));

    assertThat(compose)
        .contains("apache/kafka:")
        .contains("./connect-ats-source/target/plugin/connect-ats-source:")
        .contains("./connect-http-clickstream-source/target/plugin/connect-http-clickstream-source:")
        .contains("./connect-snowflake-variant-sink/target/plugin/connect-snowflake-variant-sink:")
        .contains("/config/register-connectors.sh");
    assertThat(ROOT.resolve("config/register-connectors.sh")).isExecutable();
  }

  private static Result run(List<String> command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    }
  }

  private record Result(int exitCode, String output) {}
}
