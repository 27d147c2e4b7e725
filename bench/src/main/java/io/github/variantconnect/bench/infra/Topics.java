package io.github.variantconnect.bench.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Topics of the benchmark broker: created fresh per run, deleted after, so the disk stays small. */
public final class Topics {

  private final String bootstrapServers;

  public Topics(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Creates the topic and returns once its partitions take writes: a producer that writes to a
   * partition the broker does not host yet gets errors it may not recover from (an idempotent
   * producer can end in OutOfOrderSequence retries).
   */
  public void create(String topic, int partitions) {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (true) {
        try {
          // Answered by the partition's leader only once it hosts the partition.
          admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          GrowthTimer.sleepNanos(Duration.ofMillis(100).toNanos());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create topic " + topic, e);
    }
  }

  public void delete(String topic) {
    try (Admin admin = admin()) {
      admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot delete topic " + topic, e);
    }
  }

  /** Every record of the topic, key and value bytes as the broker holds them. */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    return read(topic, Long.MAX_VALUE);
  }

  /** The topic's first records, up to {@code max} (fewer if the topic holds fewer). */
  public List<ConsumerRecord<byte[], byte[]>> read(String topic, long max) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long total = Math.min(max,
          consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum());
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>((int) total);
      while (records.size() < total) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (records.size() < total) {
            records.add(record);
          }
        }
      }
      return records;
    }
  }

  /**
   * The topic's partitions. Right after the topic was created a client may not see it yet (and an
   * empty answer would count zero records forever), so this asks until it does.
   */
  static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<org.apache.kafka.common.PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Topic " + topic + " has no partitions after 30 s");
      }
      GrowthTimer.sleepNanos(Duration.ofMillis(100).toNanos());
    }
  }

  private Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers));
  }
}
