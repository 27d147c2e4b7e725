package io.github.variantconnect.sink.target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Reading and deleting rows of an offsets table keyed by (connector, topic, partition) over JDBC;
 * each store brings its own SQL with the parameters in that order.
 */
public final class JdbcOffsets {

  private JdbcOffsets() {}

  /** Runs a query whose one parameter is the connector and whose columns are topic, partition, offset. */
  public static Map<TopicPartition, Long> read(Connection c, String selectSql, String connectorName)
      throws SQLException {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    try (PreparedStatement query = c.prepareStatement(selectSql)) {
      query.setString(1, connectorName);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        }
      }
    }
    return offsets;
  }

  /** Runs a delete whose parameters are connector, topic and partition, once per partition. */
  public static void delete(Connection c, String deleteSql, String connectorName, Collection<TopicPartition> partitions)
      throws SQLException {
    try (PreparedStatement delete = c.prepareStatement(deleteSql)) {
      for (TopicPartition tp : partitions) {
        delete.setString(1, connectorName);
        delete.setString(2, tp.topic());
        delete.setInt(3, tp.partition());
        delete.executeUpdate();
      }
    }
  }
}
