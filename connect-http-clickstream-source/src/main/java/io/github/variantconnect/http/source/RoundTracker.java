package io.github.variantconnect.http.source;

import java.util.ArrayList;
import java.util.List;

/**
 * What a round of pages has shown so far: the last item's id and the newest event time with the ids
 * at that time. Page pagination starts its next round at that time; without pagination it is the
 * stored position itself.
 */
final class RoundTracker {

  private String lastId;
  private String newestTime;
  private Long newestMillis;
  private final List<String> idsAtNewest = new ArrayList<>();

  void reset() {
    lastId = null;
    newestTime = null;
    newestMillis = null;
    idsAtNewest.clear();
  }

  /** Continues from a stored time position, so ties with it accumulate instead of restarting. */
  void resumeFrom(EndpointOffset position) {
    reset();
    if (position.sinceMillis() != null) {
      newestTime = position.since();
      newestMillis = position.sinceMillis();
      idsAtNewest.addAll(position.tieIds());
    }
  }

  void observe(String id, String time, Long millis) {
    if (id != null) {
      lastId = id;
    }
    if (millis == null) {
      return;
    }
    if (newestMillis == null || millis > newestMillis) {
      newestMillis = millis;
      newestTime = time;
      idsAtNewest.clear();
      addTie(id);
    } else if (millis.longValue() == newestMillis.longValue()) {
      addTie(id);
    }
  }

  private void addTie(String id) {
    if (id != null && !idsAtNewest.contains(id)) {
      idsAtNewest.add(id);
    }
  }

  String lastId() {
    return lastId;
  }

  String newestTime() {
    return newestTime;
  }

  Long newestMillis() {
    return newestMillis;
  }

  int tiesAtNewest() {
    return idsAtNewest.size();
  }

  List<String> idsAtNewest() {
    return List.copyOf(idsAtNewest);
  }
}
