package io.github.variantconnect.sink.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.sink.FakeSinkTaskContext;
import io.github.variantconnect.sink.Records;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordErrorsTest {

  private final FakeSinkTaskContext context = new FakeSinkTaskContext();
  private final SinkRecord record = Records.json("orders", 2, 41, "oops");
  private final RecordRejectedException error = new RecordRejectedException(SinkErrorCode.INVALID_JSON, "syntax");

  @Test
  void withoutToleranceTheTaskFailsNamingTopicPartitionOffsetAndTheFix() {
    RecordErrors errors = new RecordErrors(false, context.errantRecordReporter());

    assertThatThrownBy(() -> errors.rejected(record, error))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("orders/2@41")
        .hasMessageContaining("[VS-302]")
        .hasMessageContaining("[VS-101]")
        .hasMessageContaining("errors.tolerance=all");
    assertThat(context.deadLetters).isEmpty();
  }

  @Test
  void withToleranceTheRecordGoesToTheDeadLetterQueueWithItsReason() {
    RecordErrors errors = new RecordErrors(true, context.errantRecordReporter());

    errors.rejected(record, error);
    errors.awaitReported();

    assertThat(context.deadLetters).containsExactly(record);
    assertThat(context.deadLetterErrors.get(0).getMessage()).isEqualTo("[VS-101] Record value is not valid JSON: syntax");
  }

  @Test
  void aDeadLetterThatCannotBeWrittenFailsTheTaskBeforeItsOffsetIsStored() {
    context.reportFailure = new IllegalStateException("topic authorization failed");
    RecordErrors errors = new RecordErrors(true, context.errantRecordReporter());

    errors.rejected(record, error);

    assertThatThrownBy(errors::awaitReported)
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("[VS-301]")
        .hasMessageContaining("orders/2@41")
        .hasMessageContaining("topic authorization failed");
  }

  @Test
  void withToleranceButNoReporterTheRecordIsSkipped() {
    RecordErrors errors = new RecordErrors(true, null);
    errors.rejected(record, error);
    errors.awaitReported();
  }
}
