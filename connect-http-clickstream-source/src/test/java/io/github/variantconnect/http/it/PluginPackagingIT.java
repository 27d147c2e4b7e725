package io.github.variantconnect.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.PluginPackageInspector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginPackagingIT {

  @Test
  void pluginFolderAndHubZipAreCompleteAndBundleNoWorkerJars() throws Exception {
    Path buildDir = Path.of(System.getProperty("variantconnect.build.dir"));
    String version = System.getProperty("variantconnect.project.version");
    PluginPackageInspector inspector = new PluginPackageInspector("variantconnect", "connect-http-clickstream-source",
        version, "connect-http-clickstream-source-" + version + ".jar");

    assertThat(inspector.inspect(buildDir)).isEmpty();
  }
}
