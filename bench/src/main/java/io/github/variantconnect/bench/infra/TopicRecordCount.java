package io.github.variantconnect.bench.infra;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Records in a topic, as the sum of its partitions' end offsets (the worker runs without transactions). */
public final class TopicRecordCount implements LongSupplier, AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;

  public TopicRecordCount(String bootstrapServers, String topic) {
    this.consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.partitions = Topics.partitions(consumer, topic);
    // Asking end offsets of partitions not assigned works too, but logs a warning per call.
    consumer.assign(partitions);
  }

  @Override
  public long getAsLong() {
    return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
