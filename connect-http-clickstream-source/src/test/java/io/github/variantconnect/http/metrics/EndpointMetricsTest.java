package io.github.variantconnect.http.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.Test;

class EndpointMetricsTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void countersAreReadableOverJmxAndAReplacedTaskLeavesItsSuccessorRegistered() throws Exception {
    ObjectName name = EndpointMetrics.objectName("clicks", "default");
    EndpointMetrics old = new EndpointMetrics("default", 0).register("clicks");
    Clock clock = Clock.fixed(Instant.parse("2026-01-05T08:00:00Z"), ZoneOffset.UTC);
    EndpointMetrics current = new EndpointMetrics("default", 1, clock).register("clicks");
    current.request();
    current.request();
    current.failure("503");
    current.retry();
    current.page(clock.millis());
    current.delivered(10, clock.millis() - 5_000, false);

    old.close();
    assertThat(server.getAttribute(name, "Task")).isEqualTo(1);
    assertThat(server.getAttribute(name, "Requests")).isEqualTo(2L);
    assertThat(server.getAttribute(name, "Records")).isEqualTo(10L);
    assertThat((Long) server.getAttribute(name, "TimeBehindHeadMs")).isEqualTo(5_000L);
    assertThat(((TabularData) server.getAttribute(name, "FailuresByStatus")).size()).isEqualTo(1);

    current.delivered(0, null, true);
    assertThat(server.getAttribute(name, "TimeBehindHeadMs")).isEqualTo(0L);
    current.close();
    assertThat(server.isRegistered(name)).isFalse();
  }
}
