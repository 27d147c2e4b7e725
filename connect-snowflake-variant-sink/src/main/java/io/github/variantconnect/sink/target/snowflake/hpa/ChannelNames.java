package io.github.variantconnect.sink.target.snowflake.hpa;

import org.apache.kafka.common.TopicPartition;

/**
 * Channel names that cannot collide: each variable part is preceded by its length, so connector
 * {@code c} with topic {@code a_b} and connector {@code c_a} with topic {@code b} never share a
 * channel, whatever characters the names hold. Kafka topic names are ASCII letters, digits, '.', '_'
 * and '-', which Snowflake takes in channel names as they are.
 */
public final class ChannelNames {

  private ChannelNames() {}

  public static String of(String connectorName, TopicPartition tp) {
    return connectorName.length() + "_" + connectorName + "_" + tp.topic().length() + "_" + tp.topic() + "_"
        + tp.partition();
  }
}
