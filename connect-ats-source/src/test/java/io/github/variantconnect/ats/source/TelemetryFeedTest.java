package io.github.variantconnect.ats.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.ats.sim.MetroNetwork;
import io.github.variantconnect.ats.sim.SimulationSettings;
import io.github.variantconnect.ats.sim.TrainSnapshot;
import io.github.variantconnect.ats.source.TelemetryFeed.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryFeedTest {

  private static final MetroNetwork NETWORK = MetroNetwork.defaultNetwork();
  private static final SimulationSettings SETTINGS = SimulationSettings.defaults(7);
  private static final Instant START = Instant.parse("2026-01-05T07:00:00Z");
  private static final long FAR_FUTURE = Long.MAX_VALUE / 4;

  private static TelemetryFeed feed(List<String> trains, Map<String, TrainOffset> offsets, long maxTicks) {
    return new TelemetryFeed(NETWORK, trains, SETTINGS, 1e9, maxTicks, START, 0L, offsets::get);
  }

  private static List<TrainSnapshot> drain(TelemetryFeed feed, int batch) {
    List<TrainSnapshot> out = new ArrayList<>();
    List<Event> events;
    while (!(events = feed.due(FAR_FUTURE, batch)).isEmpty()) {
      events.forEach(e -> out.add(e.snapshot()));
    }
    return out;
  }

  @Test
  void emitsEveryTrainOncePerTickInTickOrder() {
    List<TrainSnapshot> events = drain(feed(NETWORK.trainIds(), Map.of(), 5), 1000);

    assertThat(events).hasSize(NETWORK.trainCount() * 5);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).seq()).isGreaterThanOrEqualTo(events.get(i - 1).seq());
    }
  }

  @Test
  void resumingFromStoredOffsetsMidTickContinuesExactly() {
    List<TrainSnapshot> whole = drain(feed(NETWORK.trainIds(), Map.of(), 8), 1000);

    // Stop after an odd number of events, in the middle of a tick, as a crash would.
    TelemetryFeed first = feed(NETWORK.trainIds(), Map.of(), 8);
    Map<String, TrainOffset> offsets = new HashMap<>();
    List<TrainSnapshot> before = new ArrayList<>();
    for (Event e : first.due(FAR_FUTURE, 3 * NETWORK.trainCount() + 17)) {
      before.add(e.snapshot());
      offsets.put(e.snapshot().trainId(), e.offset());
    }
    List<TrainSnapshot> after = drain(feed(NETWORK.trainIds(), offsets, 8), 50);

    List<TrainSnapshot> joined = new ArrayList<>(before);
    joined.addAll(after);
    assertThat(byTrainAndSeq(joined)).isEqualTo(byTrainAndSeq(whole));
    assertThat(joined).hasSameSizeAs(whole);
  }

  @Test
  void splittingTrainsOverTasksChangesNoEvent() {
    List<String> trains = NETWORK.trainIds();
    int half = trains.size() / 2 + 3; // a split inside a line
    List<TrainSnapshot> split = new ArrayList<>(drain(feed(trains.subList(0, half), Map.of(), 6), 100));
    split.addAll(drain(feed(trains.subList(half, trains.size()), Map.of(), 6), 100));

    assertThat(byTrainAndSeq(split)).isEqualTo(byTrainAndSeq(drain(feed(trains, Map.of(), 6), 100)));
  }

  @Test
  void waitsForTheWallClockAtRealTimeSpeed() {
    TelemetryFeed realTime = new TelemetryFeed(NETWORK, NETWORK.trainIds(), SETTINGS, 1.0, 0, START, 1_000_000L, Map.<String, TrainOffset>of()::get);

    assertThat(realTime.due(999_999L, 10_000)).isEmpty();
    assertThat(realTime.due(1_000_000L, 10_000)).hasSize(NETWORK.trainCount());
    assertThat(realTime.millisUntilDue(1_000_000L)).isEqualTo(SETTINGS.tick().toMillis());
    assertThat(realTime.due(1_000_000L + SETTINGS.tick().toMillis() - 1, 10_000)).isEmpty();
  }

  @Test
  void aBoundedRunFinishes() {
    TelemetryFeed bounded = feed(NETWORK.trainIds(), Map.of(), 2);
    drain(bounded, 1000);
    assertThat(bounded.finished()).isTrue();
    assertThat(bounded.millisUntilDue(0)).isEqualTo(Long.MAX_VALUE);
  }

  private static Map<String, TrainSnapshot> byTrainAndSeq(List<TrainSnapshot> events) {
    Map<String, TrainSnapshot> map = new HashMap<>();
    events.forEach(e -> assertThat(map.put(e.trainId() + "#" + e.seq(), e)).isNull());
    return map;
  }
}
