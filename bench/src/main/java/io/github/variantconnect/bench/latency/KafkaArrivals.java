package io.github.variantconnect.bench.latency;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the pipeline's topic as it fills and remembers each record's event time (the HTTP source
 * sets the record timestamp from {@code event_time}) by partition and offset, so rows seen in
 * DuckDB can be traced back to their event. It also measures the first half of the pipeline: the
 * time from event to record readable in Kafka.
 */
final class KafkaArrivals implements Runnable {

  private final String bootstrapServers;
  private final String topic;
  private final int partitions;
  private final long measureFromMillis;
  private final long[][] eventTimes;
  private final int[] known;
  private final LatencySamples arrivals = new LatencySamples();
  private volatile boolean stopped;
  private volatile RuntimeException failure;

  KafkaArrivals(String bootstrapServers, String topic, int partitions, long capacityPerPartition, long measureFromMillis) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.partitions = partitions;
    this.measureFromMillis = measureFromMillis;
    this.eventTimes = new long[partitions][(int) capacityPerPartition];
    this.known = new int[partitions];
  }

  @Override
  public void run() {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> assigned = java.util.stream.IntStream.range(0, partitions)
          .mapToObj(p -> new TopicPartition(topic, p)).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      while (!stopped) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
          long now = System.currentTimeMillis();
          remember(record.partition(), record.offset(), record.timestamp());
          if (record.timestamp() >= measureFromMillis) {
            arrivals.add(now - record.timestamp());
          }
        }
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private synchronized void remember(int partition, long offset, long eventTime) {
    long[] times = eventTimes[partition];
    if (offset >= times.length) {
      eventTimes[partition] = Arrays.copyOf(times, (int) Math.max(offset + 1, times.length * 2L));
    }
    eventTimes[partition][(int) offset] = eventTime;
    known[partition] = (int) Math.max(known[partition], offset + 1);
  }

  /** The event time of the record, or -1 while it has not been read yet. */
  synchronized long eventTime(int partition, long offset) {
    return offset < known[partition] ? eventTimes[partition][(int) offset] : -1;
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
