package io.github.variantconnect.bench.source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline of the source benchmarks: a plain KafkaProducer with the client's defaults sending
 * ready-made key and value bytes, as fast as it can — what a hand-written loop would do, with no
 * framework, no conversion and no offsets.
 */
final class RawProducerLoop {

  private RawProducerLoop() {}

  /** Sends {@code records} over and over until {@code stop} turns true. */
  static void sendUntil(String bootstrapServers, String topic, List<ConsumerRecord<byte[], byte[]>> records,
      AtomicBoolean stop) {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      while (!stop.get()) {
        for (int i = 0; i < records.size() && !stop.get(); i++) {
          ConsumerRecord<byte[], byte[]> record = records.get(i);
          producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
        }
      }
    }
  }
}
