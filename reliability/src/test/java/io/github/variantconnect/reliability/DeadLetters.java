package io.github.variantconnect.reliability;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The context headers Connect adds to a dead-lettered record. */
final class DeadLetters {

  static final String EXCEPTION_MESSAGE = "__connect.errors.exception.message";
  static final String STAGE = "__connect.errors.stage";
  static final String ORIGINAL_TOPIC = "__connect.errors.topic";
  static final String ORIGINAL_OFFSET = "__connect.errors.offset";

  private DeadLetters() {}

  static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
