package io.github.variantconnect.http.source;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * One item of a page with what its record needs read out of it: event id, key, event time (or why
 * it could not be read) and, for converters that do not depend on the order of items, the value.
 */
record PageItem(JsonNode node, String id, String key, Long millis, String time, String timestampProblem,
    SchemaAndValue value) {}
