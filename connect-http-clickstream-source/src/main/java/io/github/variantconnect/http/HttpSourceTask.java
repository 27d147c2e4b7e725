package io.github.variantconnect.http;

import io.github.variantconnect.http.config.EndpointSpec;
import io.github.variantconnect.http.config.HttpSourceConfig;
import io.github.variantconnect.http.source.EndpointGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.LongSupplier;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the endpoints the connector assigned to it; a thin loop around {@link EndpointGroup}. */
public class HttpSourceTask extends SourceTask {

  private static final Logger log = LoggerFactory.getLogger(HttpSourceTask.class);

  private final CountDownLatch stopped = new CountDownLatch(1);
  private final LongSupplier nanoClock;
  private EndpointGroup endpoints;

  public HttpSourceTask() {
    this(System::nanoTime);
  }

  /** A task whose requests, retries and rate limit are scheduled on {@code nanoClock}, as {@link System#nanoTime()}. */
  HttpSourceTask(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  @Override
  public String version() {
    return Versions.of(getClass());
  }

  @Override
  public void start(Map<String, String> props) {
    HttpSourceConfig config = new HttpSourceConfig(props);
    List<String> names = Arrays.stream(props.getOrDefault(HttpSourceConnector.TASK_ENDPOINTS, "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (names.isEmpty()) {
      names = config.endpoints().stream().map(EndpointSpec::name).toList();
    }
    int index = Integer.parseInt(props.getOrDefault(HttpSourceConnector.TASK_INDEX, "0"));
    String connector = props.getOrDefault("name", "http-source");
    endpoints = EndpointGroup.open(config, names, context.offsetStorageReader(), connector, index, nanoClock);
    StringBuilder positions = new StringBuilder();
    endpoints.positions().forEach((name, position) -> positions.append(name).append(" at ").append(position.summary()).append("; "));
    log.info("HTTP source task {} of {} started: {}", index, connector, positions);
  }

  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    return endpoints.poll(stopped);
  }

  @Override
  public void stop() {
    stopped.countDown();
    if (endpoints != null) {
      endpoints.close();
    }
  }
}
