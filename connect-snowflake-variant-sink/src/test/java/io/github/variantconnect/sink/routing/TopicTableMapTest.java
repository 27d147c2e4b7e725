package io.github.variantconnect.sink.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicTableMapTest {

  @Test
  void routesExactTopicsAndRegexEntriesAndNamesTheRestAfterTheTopic() {
    TopicTableMap map = TopicTableMap.parse(
        "ats-telemetry:ATS_RAW_JSON, clickstream-http-data:clickstream_raw, ats-.*:ATS_OTHER, .*-dlq:DEAD");

    assertThat(map.tableFor("ats-telemetry")).isEqualTo("ATS_RAW_JSON");
    assertThat(map.tableFor("clickstream-http-data")).isEqualTo("CLICKSTREAM_RAW");
    assertThat(map.tableFor("ats-alerts")).isEqualTo("ATS_OTHER");
    assertThat(map.tableFor("ats-alerts-dlq")).as("first matching entry wins").isEqualTo("ATS_OTHER");
    assertThat(map.tableFor("orders-dlq")).isEqualTo("DEAD");
    assertThat(map.tableFor("orders")).isEqualTo("ORDERS");
    assertThat(map.tableFor("xats-alerts")).as("a regex matches the whole topic").startsWith("XATS_ALERTS_");
  }

  @Test
  void anExactEntryBeatsAnEarlierRegex() {
    TopicTableMap map = TopicTableMap.parse("a.*:REGEX,abc:EXACT");
    assertThat(map.tableFor("abc")).isEqualTo("EXACT");
    assertThat(map.tableFor("abd")).isEqualTo("REGEX");
  }

  @Test
  void emptyMapRoutesEveryTopicToItsOwnTable() {
    TopicTableMap map = TopicTableMap.parse("");
    assertThat(map.tableFor("Orders_2")).isEqualTo("ORDERS_2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ats-telemetry:|not of the form topic:table",
      ":TABLE|not of the form topic:table",
      "ats-telemetry|not of the form topic:table",
      "ats-telemetry:1TABLE|must start with a letter or _",
      "ats-telemetry:BAD-NAME|must start with a letter or _",
      "ats-telemetry:A;DROP TABLE X|must start with a letter or _",
      "a:T1,a:T2|mapped more than once",
      "ats-[:T|neither a topic name nor a valid regular expression"})
  void invalidEntriesAreRejectedNamingTheEntry(String text, String message) {
    assertThatThrownBy(() -> TopicTableMap.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource({
      "orders,ORDERS",
      "Orders_v2,ORDERS_V2",
      "clickstream-http-data,CLICKSTREAM_HTTP_DATA_",
      "ats.telemetry,ATS_TELEMETRY_",
      "1st,_1ST_"})
  void topicNamesAreSanitised(String topic, String expectedPrefix) {
    String name = TableNames.fromTopic(topic);
    assertThat(name).startsWith(expectedPrefix);
    assertThat(TableNames.isValid(name)).isTrue();
  }

  @Test
  void topicsThatSanitiseAlikeGetDifferentTables() {
    assertThat(TableNames.fromTopic("a-b")).isNotEqualTo(TableNames.fromTopic("a.b"));
    assertThat(TableNames.fromTopic("a-b")).isEqualTo(TableNames.fromTopic("a-b"));
  }

  @Test
  void veryLongTopicsStayWithinTheIdentifierLimit() {
    String name = TableNames.fromTopic("t-".repeat(200));
    assertThat(name).hasSizeLessThanOrEqualTo(TableNames.MAX_LENGTH);
    assertThat(TableNames.isValid(name)).isTrue();
  }
}
