package io.github.variantconnect.bench.latency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's topics as they fill, read_committed as the sink does, and remembers each
 * record's event time by partition and offset, so rows seen in DuckDB can be traced back to their
 * event. It also measures the first half of the pipeline: event to record readable in Kafka.
 */
final class KafkaArrivals implements Runnable {

  private final String bootstrapServers;
  private final Map<String, EventTimes> topics;
  private final Map<String, Integer> partitions;
  private final long measureFromMillis;
  private final Map<TopicPartition, long[]> eventTimes = new HashMap<>();
  private final Map<TopicPartition, Integer> known = new HashMap<>();
  private final LatencySamples arrivals = new LatencySamples();
  private volatile boolean stopped;
  private volatile RuntimeException failure;

  /**
   * @param topics how each topic's records carry their event time
   * @param partitions each topic's partition count
   */
  KafkaArrivals(String bootstrapServers, Map<String, EventTimes> topics, Map<String, Integer> partitions,
      long measureFromMillis) {
    this.bootstrapServers = bootstrapServers;
    this.topics = Map.copyOf(topics);
    this.partitions = Map.copyOf(partitions);
    this.measureFromMillis = measureFromMillis;
  }

  @Override
  public void run() {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> assigned = new ArrayList<>();
      topics.keySet().forEach(topic -> {
        for (int p = 0; p < partitions.get(topic); p++) {
          assigned.add(new TopicPartition(topic, p));
        }
      });
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      while (!stopped) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          long now = System.currentTimeMillis();
          long eventTime = topics.get(record.topic()).of(record);
          remember(new TopicPartition(record.topic(), record.partition()), record.offset(), eventTime);
          if (eventTime >= measureFromMillis) {
            arrivals.add(now - eventTime);
          }
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private synchronized void remember(TopicPartition partition, long offset, long eventTime) {
    long[] times = eventTimes.computeIfAbsent(partition, p -> new long[1 << 16]);
    if (offset >= times.length) {
      times = Arrays.copyOf(times, (int) Math.max(offset + 1, times.length * 2L));
      eventTimes.put(partition, times);
    }
    times[(int) offset] = eventTime;
    known.merge(partition, (int) offset + 1, Math::max);
  }

  /** The event time of the record, or -1 while it has not been read yet. */
  synchronized long eventTime(TopicPartition partition, long offset) {
    return offset < known.getOrDefault(partition, 0) ? eventTimes.get(partition)[(int) offset] : -1;
  }

  LatencySamples arrivals() {
    if (failure != null) {
      throw failure;
    }
    return arrivals;
  }

  void stop() {
    stopped = true;
  }
}
