package io.github.variantconnect.bench.conversion;

import io.github.variantconnect.sink.convert.MetadataFields;
import io.github.variantconnect.sink.convert.NullValueBehavior;
import io.github.variantconnect.sink.convert.RecordConverter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.sink.SinkRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of turning one sink record into RECORD_METADATA + RECORD_CONTENT JSON text: the sink's
 * {@link RecordConverter} against the official Snowflake connector's conversion, on the same
 * records. Each invocation converts the next record of a pool, so the JIT cannot fold a constant.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xmx512m"})
public class ConversionBenchmark {

  private static final int POOL = 1024;

  /** {@code struct}: ATS telemetry with its schema; {@code map}: schemaless clickstream JSON. */
  @Param({"struct", "map"})
  public String input;

  private List<SinkRecord> records;
  private RecordConverter ours;
  private OfficialConnectorConversion official;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    records = input.equals("struct")
        ? ConversionFixtures.telemetryStructs(POOL)
        : ConversionFixtures.clickstreamMaps(POOL);
    ours = new RecordConverter(MetadataFields.ALL, NullValueBehavior.DEFAULT, 16L << 20);
    official = new OfficialConnectorConversion();
  }

  private SinkRecord nextRecord() {
    next = (next + 1) & (POOL - 1);
    return records.get(next);
  }

  @Benchmark
  public Object variantSink() {
    return ours.convert(nextRecord(), "BENCH");
  }

  @Benchmark
  public Object officialConnector() throws Exception {
    return official.convert(nextRecord());
  }
}
