package io.github.variantconnect.demoapi;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Requests served and faults injected, by type. */
final class ServerCounters {
  private final LongAdder requests = new LongAdder();
  private final Map<FaultType, LongAdder> faults = new EnumMap<>(FaultType.class);

  ServerCounters() {
    for (FaultType type : FaultType.values()) {
      faults.put(type, new LongAdder());
    }
  }

  void request() {
    requests.increment();
  }

  void fault(FaultType type) {
    faults.get(type).increment();
  }

  long requests() {
    return requests.sum();
  }

  long faults() {
    return faults.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long faults(FaultType type) {
    return faults.get(type).sum();
  }

  Map<String, Long> faultsByType() {
    Map<String, Long> byType = new LinkedHashMap<>();
    faults.forEach((type, count) -> byType.put(type.jsonName(), count.sum()));
    return byType;
  }
}
