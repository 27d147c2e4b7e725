package io.github.variantconnect.ats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.ats.sim.Line;
import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.sim.SimulationSettings;
import io.github.variantconnect.ats.sim.TrainSnapshot;
import io.github.variantconnect.ats.source.TelemetryFeed;
import io.github.variantconnect.ats.source.TelemetryFeed.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainAssignmentTest {

  private static final MetroNetwork NETWORK = MetroNetwork.defaultNetwork();

  @Test
  void twoTasksGetWholeLinesSoNoLineIsSimulatedTwice() {
    List<List<String>> slices = TrainAssignment.split(NETWORK, NETWORK.trainIds(), 2);

    assertThat(slices).hasSize(2);
    assertEveryTrainOnce(slices);
    for (Line line : NETWORK.lines()) {
      assertThat(slices).filteredOn(slice -> slice.stream().anyMatch(line.trainIds()::contains)).hasSize(1);
    }
    assertThat(slices).extracting(List::size).allSatisfy(size -> assertThat(size).isBetween(57, 58));
  }

  @Test
  void splitsLinesWhenWholeLinesWouldLeaveTasksUneven() {
    // Six lines of 16–22 trains over four tasks: whole lines would give one task 37 trains of 115.
    List<List<String>> slices = TrainAssignment.split(NETWORK, NETWORK.trainIds(), 4);

    assertEveryTrainOnce(slices);
    assertThat(slices).extracting(List::size).containsExactly(28, 29, 29, 29);
  }

  @Test
  void moreTasksThanLinesStillGivesEveryTrainToOneTask() {
    List<String> one = NETWORK.lines().get(0).trainIds();
    List<List<String>> slices = TrainAssignment.split(NETWORK, one, 5);

    assertThat(slices).hasSize(5);
    assertEveryTrainOnce(slices, one);
  }

  @Test
  void aTrainsEventsDoNotDependOnWhichTrainsShareItsTask() {
    List<List<String>> slices = TrainAssignment.split(NETWORK, NETWORK.trainIds(), 2);
    Map<String, List<TrainSnapshot>> alone = new LinkedHashMap<>();
    for (List<String> slice : slices) {
      alone.putAll(byTrain(slice));
    }
    Map<String, List<TrainSnapshot>> together = byTrain(NETWORK.trainIds());

    assertThat(alone).hasSize(NETWORK.trainCount());
    assertThat(alone).isEqualTo(together);
  }

  private static Map<String, List<TrainSnapshot>> byTrain(List<String> trains) {
    TelemetryFeed feed = new TelemetryFeed(NETWORK, trains, SimulationSettings.defaults(42), 1e9, 40,
        Instant.parse("2026-01-05T07:00:00Z"), 0L, id -> null);
    Map<String, List<TrainSnapshot>> events = new LinkedHashMap<>();
    List<Event> batch;
    while (!(batch = feed.due(Long.MAX_VALUE / 4, 1000)).isEmpty()) {
      batch.forEach(e -> events.computeIfAbsent(e.snapshot().trainId(), id -> new ArrayList<>()).add(e.snapshot()));
    }
    return events;
  }

  private static void assertEveryTrainOnce(List<List<String>> slices) {
    assertEveryTrainOnce(slices, NETWORK.trainIds());
  }

  private static void assertEveryTrainOnce(List<List<String>> slices, List<String> trains) {
    List<String> assigned = new ArrayList<>();
    slices.forEach(assigned::addAll);
    assertThat(assigned).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(trains);
    assertThat(slices).allSatisfy(slice -> assertThat(slice).isNotEmpty());
  }
}
