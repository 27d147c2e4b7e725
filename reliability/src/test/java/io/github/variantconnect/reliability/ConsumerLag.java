package io.github.variantconnect.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a sink's consumer group is behind the topics it reads: end offsets minus the offsets the
 * group committed. The sink commits only what DuckDB holds, so this is the backlog not yet landed.
 * Offsets count transaction markers too, so a caught-up group of an exactly-once source shows a
 * lag of a few offsets per partition, never zero.
 */
final class ConsumerLag implements AutoCloseable {

  private final Admin admin;

  ConsumerLag(Map<String, Object> clientProps) {
    this.admin = Admin.create(clientProps);
  }

  /** Sum over the topics' partitions of their end offsets. */
  long endOffsets(Collection<String> topics) {
    try {
      return latest(partitions(topics)).values().stream().mapToLong(ListOffsetsResultInfo::offset).sum();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read end offsets of " + topics, e);
    }
  }

  /** End offsets minus the group's committed offsets (0 for a partition it has not committed). */
  long lag(String groupId, Collection<String> topics) {
    try {
      List<TopicPartition> partitions = partitions(topics);
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      long lag = 0;
      for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : latest(partitions).entrySet()) {
        OffsetAndMetadata done = committed.get(end.getKey());
        lag += end.getValue().offset() - (done == null ? 0 : done.offset());
      }
      return lag;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the lag of group " + groupId, e);
    }
  }

  private List<TopicPartition> partitions(Collection<String> topics) throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
        description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
    return partitions;
  }

  private Map<TopicPartition, ListOffsetsResultInfo> latest(List<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(p -> request.put(p, OffsetSpec.latest()));
    return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    admin.close();
  }
}
