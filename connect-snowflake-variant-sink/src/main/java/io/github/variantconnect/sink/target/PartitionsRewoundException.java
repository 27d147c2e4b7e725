package io.github.variantconnect.sink.target;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The store dropped data it had accepted for some partitions (for example a streaming channel was
 * invalidated and reopened). The core discards what it holds for them and re-reads each from the
 * committed offset + 1; the other partitions of the batch are simply written again.
 */
public class PartitionsRewoundException extends TargetException {

  private final Map<TopicPartition, Long> committed;

  /**
   * @param committed for each rewound partition, its last committed offset, or -1 when the store
   *     holds nothing for it
   */
  public PartitionsRewoundException(String message, Map<TopicPartition, Long> committed, Throwable cause) {
    super(message, true, cause);
    this.committed = Map.copyOf(committed);
  }

  public Map<TopicPartition, Long> committed() {
    return committed;
  }
}
