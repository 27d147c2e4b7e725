package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.demoapi.ClickEvent;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A topic, read with read_committed, against the events a demo API published. */
final class TopicAudit {

  private TopicAudit() {}

  /** Every event id of a finished feed. */
  static Set<String> truth(DemoClickstreamApi api) {
    Set<String> ids = new HashSet<>();
    for (ClickEvent event : api.events(0, api.config().maxEvents())) {
      ids.add(event.eventId());
    }
    return ids;
  }

  /**
   * Awaits the whole feed in the topic, then lets the source poll the API a few more times — were it
   * to deliver anything twice, it would be then — and checks each event is there exactly once.
   */
  static void assertDeliveredExactlyOnce(ConnectCluster connect, DemoClickstreamApi api, String topic, Duration timeout) {
    api.awaitPublished(api.config().maxEvents(), timeout);
    Set<String> truth = truth(api);
    connect.topicReader().awaitRecords(topic, truth.size(), timeout);
    long requests = api.requestCount();
    Awaits.until(timeout, "the source polling " + api.baseUrl() + " again after catching up",
        () -> api.requestCount() >= requests + 3);
    List<ConsumerRecord<String, String>> records = connect.topicReader().readToEnd(topic);
    List<String> ids = records.stream().map(r -> EventIds.of(r.value())).toList();
    Set<String> delivered = new HashSet<>(ids);
    TreeSet<String> missing = new TreeSet<>(truth);
    missing.removeAll(delivered);
    TreeSet<String> unexpected = new TreeSet<>(delivered);
    unexpected.removeAll(truth);
    assertThat(ids.size() - delivered.size()).as("events delivered twice to %s", topic).isZero();
    assertThat(missing).as("events missing from %s", topic).isEmpty();
    assertThat(unexpected).as("events in %s the API never served", topic).isEmpty();
  }
}
