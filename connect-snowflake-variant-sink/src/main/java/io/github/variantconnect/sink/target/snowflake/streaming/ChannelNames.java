package io.github.variantconnect.sink.target.snowflake.streaming;

import org.apache.kafka.common.TopicPartition;

/**
 * Channel names, {@code <connector>_<topic>_<partition>} as the official connector's, made
 * unambiguous: in the connector name {@code ~} becomes {@code ~t} and {@code _} becomes {@code ~u},
 * so the first {@code _} ends the connector and the last one starts the partition (topic names
 * hold only letters, digits, {@code .}, {@code _} and {@code -}). Connector {@code a_b} with topic
 * {@code c} and connector {@code a} with topic {@code b_c} get different channels; names without
 * {@code _} or {@code ~} in the connector read as before.
 */
final class ChannelNames {

  private ChannelNames() {}

  static String of(String connectorName, TopicPartition tp) {
    return connectorName.replace("~", "~t").replace("_", "~u") + "_" + tp.topic() + "_" + tp.partition();
  }
}
