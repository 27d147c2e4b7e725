package io.github.variantconnect.reliability;

import static io.github.variantconnect.reliability.ConnectorConfigs.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.variantconnect.demoapi.ClickEvent;
import io.github.variantconnect.demoapi.DemoApiConfig;
import io.github.variantconnect.demoapi.DemoClickstreamApi;
import io.github.variantconnect.demoapi.WideNumbers;
import io.github.variantconnect.testkit.Awaits;
import io.github.variantconnect.testkit.ConnectCluster;
import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Integers beyond 64 bits and decimals beyond a double's precision, from the demo API through the
 * HTTP source in each value format and the VARIANT sink into DuckDB, compared as text.
 */
class HttpExactNumbersIT {

  @RegisterExtension
  static final ConnectCluster CONNECT = ConnectCluster.builder().exactlyOnceSource(true).childProcess(true).build();

  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
  /** Reads RECORD_CONTENT without rounding, so a lost digit shows. */
  private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
  private static final Map<String, String> TABLES = Map.of(
      "numbers-schemaless", "NUM_SCHEMALESS", "numbers-struct", "NUM_STRUCT", "numbers-raw", "NUM_RAW");

  @Test
  void exactBigNumbersReachDuckDbDigitForDigitInEveryValueFormat() throws Exception {
    Path duckDb = Pipeline.freshDuckDbFile("exact-numbers");
    DuckDbReader reader = new DuckDbReader(duckDb);
    int total = 1_500;
    DemoApiConfig demo = DemoApiConfig.builder().seed(89).initialEvents(total).maxEvents(total).eventsPerSecond(1_000).build();
    try (DemoClickstreamApi api = DemoClickstreamApi.start(demo)) {
      String wide = api.baseUrl() + "/v1/events?fault.wide_numbers=1";
      // The shipped source config (JsonConverter, schemas.enable=false) for schemaless values; struct values
      // need decimal.format=NUMERIC to be written as numbers; raw text goes through a StringConverter.
      CONNECT.rest().putConfig("numbers-schemaless", with(ConnectorConfigs.http(api.baseUrl(), "numbers-schemaless"),
          "http.url", wide));
      CONNECT.rest().putConfig("numbers-struct", with(ConnectorConfigs.http(api.baseUrl(), "numbers-struct"),
          "http.url", wide, "record.value.format", "struct", "value.converter.decimal.format", "NUMERIC"));
      CONNECT.rest().putConfig("numbers-raw", with(ConnectorConfigs.http(api.baseUrl(), "numbers-raw"),
          "http.url", wide, "record.value.format", "raw", "value.converter", STRING_CONVERTER));
      // As the shipped DuckDB sink config: the topic's JSON text lands as it is.
      CONNECT.rest().putConfig("numbers-sink", with(ConnectorConfigs.duckDbSink(String.join(",", TABLES.keySet()), duckDb,
          "numbers-schemaless:NUM_SCHEMALESS,numbers-struct:NUM_STRUCT,numbers-raw:NUM_RAW", 1),
          "value.converter", STRING_CONVERTER));

      Map<String, Long> seqById = new HashMap<>();
      for (ClickEvent event : api.events(0, total)) {
        seqById.put(event.eventId(), event.seq());
      }
      for (String table : TABLES.values()) {
        Awaits.until(TIMEOUT, total + " rows in " + table, () -> reader.count(table) >= total);
        List<String> contents = reader.read(c -> DuckDbReader.strings(c,
            "SELECT RECORD_CONTENT::VARCHAR FROM " + DuckDbReader.quoted(table)), List.of());
        assertThat(contents).as(table).hasSize(total);
        for (String content : contents) {
          JsonNode row = EXACT.readTree(content);
          long seq = seqById.get(row.path("event_id").asText());
          assertThat(row.path(WideNumbers.ORDER_REF).asText()).as("%s %s", table, WideNumbers.ORDER_REF)
              .isEqualTo(WideNumbers.orderRef(seq).toString());
          assertThat(row.path(WideNumbers.AMOUNT_EXACT).asText()).as("%s %s", table, WideNumbers.AMOUNT_EXACT)
              .isEqualTo(WideNumbers.amountExact(seq).toString());
        }
      }
      for (String name : List.of("numbers-schemaless", "numbers-struct", "numbers-raw", "numbers-sink")) {
        CONNECT.rest().delete(name);
      }
    }
  }
}
