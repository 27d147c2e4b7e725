package io.github.variantconnect.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.variantconnect.testkit.ConnectCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The local stack: a KRaft broker and a distributed Connect worker (plugins from their built
 * folders), the connectors from {@code config/} registered through the REST API, and a live view of
 * what reaches the topics. Stops on Ctrl-C.
 */
public final class Quickstart {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> CONNECTOR_FILES = List.of("ats-source.json");

  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    Path configDir = Path.of(System.getProperty("variantconnect.config.dir", "config"));
    ConnectCluster cluster = ConnectCluster.builder().exactlyOnceSource(true).build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopped.countDown();
      try {
        cluster.close();
      } catch (Exception e) {
        System.err.println("Shutdown: " + e.getMessage());
      }
    }, "quickstart-shutdown"));

    System.out.println("Kafka broker:        " + cluster.kafka().bootstrapServers());
    System.out.println("Connect REST API:    " + cluster.worker().restUrl());
    for (String file : CONNECTOR_FILES) {
      register(cluster, configDir.resolve(file));
    }
    System.out.println("Streaming ats-telemetry (Ctrl-C to stop)...");
    follow(cluster.kafka().bootstrapServers(), "ats-telemetry", stopped);
  }

  private static void register(ConnectCluster cluster, Path file) throws IOException {
    JsonNode registration = JSON.readTree(Files.readString(file));
    String name = registration.path("name").asText();
    Map<String, String> config = JSON.convertValue(registration.path("config"),
        JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    cluster.rest().putConfig(name, config);
    cluster.awaitRunning(name, 1, Duration.ofMinutes(1));
    System.out.println("Connector running:   " + name + " (" + file.getFileName() + ")");
  }

  /** Prints each event in one line, and a summary per tick. */
  private static void follow(String bootstrap, String topic, CountDownLatch stopped) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "quickstart-viewer");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      TickSummary summary = new TickSummary();
      while (stopped.getCount() > 0) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          JsonNode event = JSON.readTree(record.value());
          summary.add(event).ifPresent(System.out::println);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (org.apache.kafka.common.errors.InterruptException e) {
      Thread.currentThread().interrupt();
    }
  }
}
