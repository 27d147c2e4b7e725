package io.github.variantconnect.sink.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.sink.target.PartitionBatch;
import io.github.variantconnect.sink.target.Row;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionBufferTest {

  private final PartitionBuffer buffer = new PartitionBuffer(new TopicPartition("t", 0));

  @Test
  void aPartitionWithoutCommittedOffsetTakesAnyFirstOffsetThenOnlyNewerOnes() {
    assertThat(buffer.isNew(500)).isTrue();
    buffer.add(row(500), 500, 0);
    assertThat(buffer.isNew(500)).isFalse();
    assertThat(buffer.isNew(499)).isFalse();
    assertThat(buffer.isNew(503)).as("gaps are normal: transaction markers, compaction").isTrue();
  }

  @Test
  void startsAfterTheCommittedOffset() {
    buffer.startAfter(41);
    assertThat(buffer.isNew(41)).isFalse();
    assertThat(buffer.isNew(42)).isTrue();
    assertThat(buffer.hasPending()).isFalse();
  }

  @Test
  void onlyTheFirstRecordAfterASeekCanBeBelowIt() {
    buffer.startAfter(41);
    assertThat(buffer.isBelowSeek(10)).isTrue();
    assertThat(buffer.isBelowSeek(42)).isFalse();
    buffer.add(row(42), 42, 0);
    assertThat(buffer.isBelowSeek(10)).isFalse();
    assertThat(buffer.isNew(10)).isFalse();
  }

  @Test
  void theBatchEndsAtTheLastReceivedOffsetIncludingSkippedRecords() {
    buffer.add(row(1), 1, 0);
    buffer.skip(2, 0);
    PartitionBatch batch = buffer.toBatch();
    assertThat(batch.rows()).extracting(Row::offset).containsExactly(1L);
    assertThat(batch.lastOffset()).isEqualTo(2);

    buffer.written(2);
    assertThat(buffer.hasPending()).isFalse();
    assertThat(buffer.rowCount()).isZero();
    assertThat(buffer.bytes()).isZero();
  }

  @Test
  void rewindDropsTheBufferAndRestartsAfterTheCommittedOffset() {
    buffer.add(row(10), 10, 0);
    buffer.add(row(11), 11, 0);
    buffer.written(11);
    buffer.add(row(12), 12, 0);

    assertThat(buffer.rewind(10)).isEqualTo(11);
    assertThat(buffer.rowCount()).isZero();
    assertThat(buffer.isNew(10)).isFalse();
    assertThat(buffer.isNew(11)).isTrue();
  }

  @Test
  void rewindWithNothingCommittedRestartsAtTheFirstOffsetSeen() {
    buffer.add(row(10), 10, 0);
    assertThat(buffer.rewind(-1)).isEqualTo(10);
    assertThat(buffer.isNew(10)).isTrue();
  }

  private static Row row(long offset) {
    return new Row("T", offset, "{}", "{}");
  }
}
