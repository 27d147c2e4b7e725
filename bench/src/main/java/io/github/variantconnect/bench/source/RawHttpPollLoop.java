package io.github.variantconnect.bench.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline of the HTTP source benchmark: a hand-written poller of the demo API — one
 * {@link HttpClient}, cursor pages, Jackson to split the page into items, a KafkaProducer with the
 * client's defaults — writing the same records (key = session id, value = the item's JSON) as the
 * connector, without retries, offsets or a framework.
 */
final class RawHttpPollLoop {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RawHttpPollLoop() {}

  static void copy(String eventsUrl, int pageSize, long events, String bootstrapServers, String topic) {
    HttpClient http = HttpClient.newHttpClient();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      String cursor = null;
      long sent = 0;
      while (sent < events) {
        String url = eventsUrl + "?limit=" + pageSize
            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response =
            http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
        }
        JsonNode page = JSON.readTree(response.body());
        for (JsonNode item : page.path("data")) {
          byte[] key = item.path("session_id").asText().getBytes(StandardCharsets.UTF_8);
          producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(item)));
          sent++;
        }
        cursor = page.path("next_cursor").asText();
      }
      producer.flush();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Polling " + eventsUrl + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
