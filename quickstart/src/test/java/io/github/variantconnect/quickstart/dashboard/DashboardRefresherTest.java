package io.github.variantconnect.quickstart.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.quickstart.duckdb.DuckDbFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardRefresherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path temp;

  private DuckDbFile file;

  @BeforeEach
  void database() throws Exception {
    file = DashboardFixture.duckDbFile(temp.resolve("variant.duckdb"));
  }

  @Test
  void oneRoundAnswersEveryPanel() throws Exception {
    DashboardRefresher refresher = new DashboardRefresher(file, Duration.ofSeconds(3), CLOCK);
    refresher.refresh();

    JsonNode snapshot = JSON.readTree(refresher.snapshotJson());
    JsonNode panels = snapshot.path("panels");
    assertThat(snapshot.path("error").isNull()).isTrue();
    DashboardFixture.assertExpectedPanels(panels);
    assertThat(refresher.kpis()).hasValueSatisfying(row -> assertThat(row).containsEntry("active_trains", 2L));
  }

  @Test
  void aFailingPanelKeepsItsLastGoodAnswer() throws Exception {
    DashboardRefresher refresher = new DashboardRefresher(file, Duration.ofSeconds(3), CLOCK);
    refresher.refresh();
    file.write(Duration.ZERO, c -> c.createStatement().execute("DROP VIEW ATS_KPIS"));

    refresher.refresh();

    JsonNode panels = JSON.readTree(refresher.snapshotJson()).path("panels");
    assertThat(panels.path("kpis").path("error").asText()).contains("ATS_KPIS");
    assertThat(panels.path("kpis").path("rows").path(0).path("active_trains").asInt()).isEqualTo(2);
    assertThat(panels.path("positions").path("error").isNull()).isTrue();
  }

  @Test
  void aMissingFileIsReportedNotThrown() throws Exception {
    DashboardRefresher refresher =
        new DashboardRefresher(new DuckDbFile(temp.resolve("absent.duckdb")), Duration.ofSeconds(3), CLOCK);
    refresher.refresh();

    JsonNode snapshot = JSON.readTree(refresher.snapshotJson());
    assertThat(snapshot.path("error").asText()).isNotBlank();
    assertThat(snapshot.path("panels").path("kpis").path("rows")).isEmpty();
    assertThat(refresher.kpis()).isEmpty();
  }
}
