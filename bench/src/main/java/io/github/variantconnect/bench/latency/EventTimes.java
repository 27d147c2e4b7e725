package io.github.variantconnect.bench.latency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where each source's records carry the moment their event happened, in wall-clock milliseconds. */
enum EventTimes {

  /**
   * The ATS source's record timestamp: with a simulation sped up this far the simulated time runs
   * ahead of the wall clock, so the source stamps each record with the wall clock of the poll that
   * emitted it (its {@code event_time} field keeps the simulated time). That poll runs when the
   * tick is due, so the timestamp is when the train reported.
   */
  RECORD_TIMESTAMP {
    @Override
    long of(ConsumerRecord<byte[], byte[]> record) {
      return record.timestamp();
    }
  },

  /**
   * The clickstream event's own {@code event_time}: the moment the demo API published it. The HTTP
   * source's shipped {@code record.timestamp=wall_clock} stamps the record when the source sent it,
   * which would leave the polling delay out.
   */
  VALUE_EVENT_TIME {
    private static final byte[] FIELD = "\"event_time\":\"".getBytes(StandardCharsets.US_ASCII);

    @Override
    long of(ConsumerRecord<byte[], byte[]> record) {
      byte[] value = record.value();
      int start = indexOf(value, FIELD);
      if (start < 0) {
        throw new IllegalStateException("no event_time in " + record.topic() + "-" + record.partition() + "@"
            + record.offset());
      }
      start += FIELD.length;
      int end = start;
      while (end < value.length && value[end] != '"') {
        end++;
      }
      String text = new String(value, start, end - start, StandardCharsets.US_ASCII);
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("event_time '" + text + "' of " + record.topic() + "-" + record.partition()
            + "@" + record.offset() + " is not ISO-8601", e);
      }
    }
  };

  /** The event's wall-clock time in epoch milliseconds. */
  abstract long of(ConsumerRecord<byte[], byte[]> record);

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
