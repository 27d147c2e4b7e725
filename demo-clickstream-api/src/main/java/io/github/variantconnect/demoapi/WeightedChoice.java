package io.github.variantconnect.demoapi;

import java.util.ArrayList;
import java.util.List;

/** Picks values with fixed relative weights; values may be null (e.g. "no referrer"). */
final class WeightedChoice<T> {
  private final List<T> values = new ArrayList<>();
  private final List<Integer> cumulative = new ArrayList<>();
  private int total;

  WeightedChoice<T> add(T value, int weight) {
    if (weight <= 0) {
      throw new IllegalArgumentException("weight must be positive, got " + weight);
    }
    total += weight;
    values.add(value);
    cumulative.add(total);
    return this;
  }

  T pick(SeededRandom random) {
    int ticket = random.nextInt(total);
    for (int i = 0; i < cumulative.size(); i++) {
      if (ticket < cumulative.get(i)) {
        return values.get(i);
      }
    }
    throw new IllegalStateException("empty choice");
  }
}
