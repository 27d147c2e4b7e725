package io.github.variantconnect.ats;

import io.github.variantconnect.ats.sim.Line;
import io.github.variantconnect.ats.sim.MetroNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which trains each task emits. A task simulates every line one of its trains runs on, in full
 * (trains interact through block signalling), so a line split over two tasks is simulated twice:
 * whole lines go to tasks when that keeps the tasks close to even, and contiguous slices in line
 * order otherwise. Either way every train goes to exactly one task
 * and its events are the same: only the task that sends them differs.
 */
final class TrainAssignment {

  /** The largest task may carry this much more than an even share before lines are split. */
  private static final double MAX_IMBALANCE = 1.25;

  private TrainAssignment() {}

  /** {@code selected} in line order, split over at most {@code maxTasks} non-empty slices. */
  static List<List<String>> split(MetroNetwork network, List<String> selected, int maxTasks) {
    int tasks = Math.max(1, Math.min(maxTasks, selected.size()));
    List<List<String>> byLine = trainsByLine(network, selected);
    List<List<String>> whole = wholeLines(byLine, tasks);
    if (whole != null) {
      return whole;
    }
    List<List<String>> slices = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      slices.add(List.copyOf(selected.subList(t * selected.size() / tasks, (t + 1) * selected.size() / tasks)));
    }
    return slices;
  }

  private static List<List<String>> trainsByLine(MetroNetwork network, List<String> selected) {
    Set<String> wanted = new HashSet<>(selected);
    List<List<String>> byLine = new ArrayList<>();
    for (Line line : network.lines()) {
      List<String> trains = line.trainIds().stream().filter(wanted::contains).toList();
      if (!trains.isEmpty()) {
        byLine.add(trains);
      }
    }
    return byLine;
  }

  /** Largest lines first, each to the task with the fewest trains; null when too uneven. */
  private static List<List<String>> wholeLines(List<List<String>> byLine, int tasks) {
    if (byLine.size() < tasks) {
      return null;
    }
    List<List<String>> sorted = new ArrayList<>(byLine);
    sorted.sort(Comparator.comparingInt((List<String> l) -> l.size()).reversed());
    List<List<String>> slices = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      slices.add(new ArrayList<>());
    }
    int total = 0;
    for (List<String> line : sorted) {
      slices.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(line);
      total += line.size();
    }
    int largest = slices.stream().mapToInt(List::size).max().orElse(0);
    if (largest > MAX_IMBALANCE * total / tasks) {
      return null;
    }
    return slices.stream().map(List::copyOf).toList();
  }
}
