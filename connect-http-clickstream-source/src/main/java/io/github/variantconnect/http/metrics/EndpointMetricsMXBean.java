package io.github.variantconnect.http.metrics;

import java.util.Map;

/** JMX view of one endpoint, registered as {@code io.github.variantconnect.http:type=endpoint,...}. */
public interface EndpointMetricsMXBean {

  String getEndpoint();

  int getTask();

  long getRequests();

  /** Failed requests by HTTP status, or by kind (io, timeout, bad_body, too_large, refused). */
  Map<String, Long> getFailuresByStatus();

  long getFailures();

  long getRetries();

  long getRecords();

  long getPages();

  long getDuplicatesDropped();

  /** Now minus the event time of the last delivered record; 0 once the endpoint has caught up. */
  long getTimeBehindHeadMs();

  long getLastSuccessEpochMs();
}
