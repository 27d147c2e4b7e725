package io.github.variantconnect.sink;

import io.github.variantconnect.sink.config.VariantSinkConfig;
import io.github.variantconnect.sink.errors.RecordErrors;
import io.github.variantconnect.sink.metrics.SinkMetrics;
import io.github.variantconnect.sink.target.Target;
import io.github.variantconnect.sink.target.TargetProviders;
import io.github.variantconnect.sink.target.TargetSettings;
import io.github.variantconnect.sink.core.SinkWriter;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires config, target, metrics and dead-letter handling to a {@link SinkWriter}, which does the work. */
public class VariantSinkTask extends SinkTask {

  private static final Logger log = LoggerFactory.getLogger(VariantSinkTask.class);

  private SinkWriter writer;
  private SinkMetrics metrics;
  /** Writes batches while the task thread converts the next records. */
  private ExecutorService writeThread;

  @Override
  public String version() {
    return Versions.of(getClass());
  }

  @Override
  public void start(Map<String, String> props) {
    VariantSinkConfig config = new VariantSinkConfig(props);
    int taskId = Integer.parseInt(props.getOrDefault(VariantSinkConnector.TASK_ID, "0"));
    Target target = TargetProviders.byName(config.targetName())
        .create(new TargetSettings(config.connectorName(), taskId, props));
    metrics = new SinkMetrics(config.connectorName(), taskId);
    RecordErrors errors = new RecordErrors(config.toleratesErrors(), errantRecordReporter());
    String threadName = "variant-sink-write-" + config.connectorName() + "-" + taskId;
    writeThread = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, threadName);
      thread.setDaemon(true);
      return thread;
    });
    writer = new SinkWriter(config, target, context, errors, metrics, System::currentTimeMillis, writeThread);
    log.info("Variant sink task {} of {} started: target {}", taskId, config.connectorName(), config.targetName());
  }

  private ErrantRecordReporter errantRecordReporter() {
    try {
      return context.errantRecordReporter();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      // Workers before Kafka 2.6 have no dead-letter API for sink tasks.
      return null;
    }
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    writer.open(partitions);
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    writer.put(records);
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    return writer.preCommit();
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    writer.close(partitions);
  }

  @Override
  public void stop() {
    try {
      if (writer != null) {
        writer.stop();
      }
    } finally {
      if (metrics != null) {
        metrics.close();
      }
      if (writeThread != null) {
        writeThread.shutdownNow();
      }
    }
  }
}
