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
 * {@link TransactionalTarget} over JDBC, with an offsets table keyed by (connector, topic,
 * partition): reading and deleting its rows is the same for every store; each brings the SQL, with
 * the parameters in that order, and how it stores offsets and rows.
 */
public abstract class JdbcTransactionalTarget extends TransactionalTarget<Connection> {

  private final String connectorName;
  private final String selectOffsetsSql;
  private final String deleteOffsetSql;

  /**
   * @param selectOffsetsSql a query whose one parameter is the connector and whose columns are
   *     topic, partition, offset
   * @param deleteOffsetSql a delete whose parameters are connector, topic and partition
   */
  protected JdbcTransactionalTarget(long maxContentBytes, String connectorName, String selectOffsetsSql,
      String deleteOffsetSql) {
    super(maxContentBytes);
    this.connectorName = connectorName;
    this.selectOffsetsSql = selectOffsetsSql;
    this.deleteOffsetSql = deleteOffsetSql;
  }

  @Override
  protected final Map<TopicPartition, Long> readOffsets(Connection c) throws SQLException {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    try (PreparedStatement query = c.prepareStatement(selectOffsetsSql)) {
      query.setString(1, connectorName);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        }
      }
    }
    return offsets;
  }

  @Override
  protected final void deleteOffsets(Connection c, Collection<TopicPartition> partitions) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement(deleteOffsetSql)) {
      for (TopicPartition tp : partitions) {
        delete.setString(1, connectorName);
        delete.setString(2, tp.topic());
        delete.setInt(3, tp.partition());
        delete.executeUpdate();
      }
    }
  }

  /** Rolls back after a failure; one that fails too is left to closing the connection. */
  protected static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // Closing the connection discards the transaction anyway.
    }
  }
}
