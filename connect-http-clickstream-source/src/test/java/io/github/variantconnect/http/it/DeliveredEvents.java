package io.github.variantconnect.http.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Checks a topic against the API's ground truth: every event once, unchanged. */
final class DeliveredEvents {

  /** Polls by all connectors of one API together: a couple each where several share it. */
  private static final int POLLS_AFTER_CATCHING_UP = 6;

  private DeliveredEvents() {}

  /**
   * Waits until the topic holds as many committed records as the API served, then checks that they
   * are exactly its events, each once, with the API's JSON unchanged and keyed by session.
   */
  static void assertExactlyOnce(ConnectCluster connect, DemoClickstreamApi api, String topic, Map<String, JsonNode> truth,
      Duration timeout) {
    connect.topicReader().awaitRecords(topic, truth.size(), timeout);
    // A duplicate would come from a poll after the last new event: let the sources on this API poll
    // a few more times before reading the topic again.
    long requests = api.requestCount();
    Awaits.until(timeout, "more polls of " + api.baseUrl() + " after " + topic + " caught up",
        () -> api.requestCount() >= requests + POLLS_AFTER_CATCHING_UP);
    List<ConsumerRecord<String, String>> records = connect.topicReader().readToEnd(topic);
    Map<String, Integer> counts = new HashMap<>();
    Map<String, JsonNode> delivered = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      JsonNode value = DemoFeeds.parse(record.value());
      String id = value.path("event_id").asText();
      counts.merge(id, 1, Integer::sum);
      delivered.put(id, value);
      assertThat(record.key()).as("key of %s", id).isEqualTo(value.path("session_id").asText());
    }
    TreeSet<String> duplicates = new TreeSet<>();
    counts.forEach((id, n) -> {
      if (n > 1) {
        duplicates.add(id);
      }
    });
    TreeSet<String> missing = new TreeSet<>(truth.keySet());
    missing.removeAll(delivered.keySet());
    TreeSet<String> unexpected = new TreeSet<>(delivered.keySet());
    unexpected.removeAll(truth.keySet());
    assertThat(duplicates).as("duplicated events in %s", topic).isEmpty();
    assertThat(missing).as("events missing from %s", topic).isEmpty();
    assertThat(unexpected).as("events in %s the API never served", topic).isEmpty();
    assertThat(records).hasSize(truth.size());
    truth.forEach((id, event) -> assertThat(delivered.get(id)).as("event %s", id).isEqualTo(event));
  }
}
