package io.github.variantconnect.ats;

import io.github.variantconnect.ats.config.AtsSourceConfig;
import io.github.variantconnect.ats.config.RecordTimestamp;
import io.github.variantconnect.ats.config.ValueFormat;
import io.github.variantconnect.ats.sim.TrainSnapshot;
import io.github.variantconnect.ats.source.TelemetryFeed.Event;
import io.github.variantconnect.ats.source.TelemetryFeed;
import io.github.variantconnect.ats.source.TelemetryJson;
import io.github.variantconnect.ats.source.TelemetrySchema;
import io.github.variantconnect.ats.source.TrainOffset;
import io.github.variantconnect.common.TokenBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Emits the telemetry of its trains; a thin loop around {@link TelemetryFeed}. */
public class AtsSourceTask extends SourceTask {

  private static final Logger log = LoggerFactory.getLogger(AtsSourceTask.class);
  /** Longest a poll waits for the next tick, so the worker regains control often. */
  private static final long MAX_IDLE_MS = 1000;

  private final CountDownLatch stopped = new CountDownLatch(1);
  private AtsSourceConfig config;
  private TelemetryFeed feed;
  private TokenBucket limiter;
  /** Source partition per train, made once: every record carries its train's. */
  private final Map<String, Map<String, String>> partitions = new HashMap<>();
  private Schema valueSchema;
  private TelemetryJson json;
  private boolean wallClockTimestamps;

  @Override
  public String version() {
    return Versions.of(getClass());
  }

  @Override
  public void start(Map<String, String> props) {
    config = new AtsSourceConfig(props);
    List<String> trains = Arrays.asList(props.get(AtsSourceConnector.TASK_TRAINS).split(","));
    Map<String, TrainOffset> offsets = storedOffsets(context.offsetStorageReader(), trains);
    feed =
        new TelemetryFeed(
            config.network(),
            trains,
            config.simulationSettings(),
            config.speedup(),
            config.maxTicks(),
            Instant.ofEpochMilli(Long.parseLong(props.get(AtsSourceConnector.TASK_SIM_START_MS))),
            Long.parseLong(props.get(AtsSourceConnector.TASK_ANCHOR_MS)),
            offsets::get);
    limiter = new TokenBucket(config.maxEventsPerSecond(), System.nanoTime());
    trains.forEach(id -> partitions.put(id, TrainOffset.partition(id)));
    wallClockTimestamps = config.recordTimestamp() == RecordTimestamp.WALL_CLOCK;
    if (config.valueFormat() == ValueFormat.JSON) {
      json = new TelemetryJson();
      valueSchema = Schema.BYTES_SCHEMA;
    } else {
      valueSchema = TelemetrySchema.VALUE;
    }
    log.info("ATS source task started: {} trains, {} with stored offsets", trains.size(), offsets.size());
  }

  private static Map<String, TrainOffset> storedOffsets(OffsetStorageReader reader, List<String> trains) {
    List<Map<String, String>> partitions = new ArrayList<>(trains.size());
    trains.forEach(id -> partitions.add(TrainOffset.partition(id)));
    Map<String, TrainOffset> offsets = new HashMap<>();
    reader.offsets(partitions).forEach((partition, offset) -> {
      TrainOffset parsed = TrainOffset.fromMap(offset);
      if (parsed != null) {
        offsets.put((String) partition.get(TrainOffset.TRAIN_ID), parsed);
      }
    });
    return offsets;
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    long nowMs = System.currentTimeMillis();
    int permitted = limiter.permits(config.batchSize(), System.nanoTime());
    if (permitted > 0) {
      List<Event> events = feed.due(nowMs, permitted);
      if (!events.isEmpty()) {
        limiter.consume(events.size());
        return toRecords(events, nowMs);
      }
    }
    long waitMs = Math.min(MAX_IDLE_MS, Math.max(1, Math.max(feed.millisUntilDue(nowMs), limiter.millisUntilPermit(System.nanoTime()))));
    stopped.await(waitMs, TimeUnit.MILLISECONDS);
    return null;
  }

  private List<SourceRecord> toRecords(List<Event> events, long nowMs) {
    String topic = config.topic();
    String alertsTopic = config.alertsTopic();
    List<SourceRecord> records = new ArrayList<>(events.size() + 16);
    for (Event event : events) {
      TrainSnapshot s = event.snapshot();
      Map<String, String> partition = partitions.get(s.trainId());
      Map<String, Object> offset = event.offset().toMap();
      Object value = json != null ? json.write(s) : TelemetrySchema.toStruct(s);
      // An accelerated simulation runs ahead of the wall clock; brokers reject timestamps further in
      // the future than log.message.timestamp.after.max.ms (1 h by default), so those get the wall
      // clock. event_time in the value always holds the simulated time.
      long timestamp = wallClockTimestamps ? nowMs : Math.min(s.eventTime().toEpochMilli(), nowMs);
      records.add(new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA, s.trainId(),
          valueSchema, value, timestamp));
      if (!alertsTopic.isEmpty() && !s.alerts().isEmpty()) {
        records.add(new SourceRecord(partition, offset, alertsTopic, null, Schema.STRING_SCHEMA, s.trainId(),
            valueSchema, value, timestamp));
      }
    }
    return records;
  }

  @Override
  public void stop() {
    stopped.countDown();
  }
}
