package io.github.variantconnect.http.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;

/**
 * Parses bodies so no number loses a digit: every decimal is read as a {@link BigDecimal}, kept as
 * a double only when the double prints back as the same value (a price such as 19.99), and kept as
 * a decimal node otherwise. Integers beyond 64 bits stay big integers, as Jackson already does.
 */
final class ExactNumbers extends JsonNodeFactory {

  /** Up to 15 significant digits, every decimal survives a trip through a double. */
  private static final int DOUBLE_SAFE_DIGITS = 15;

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(new ExactNumbers());

  private ExactNumbers() {
    super(true);
  }

  @Override
  public ValueNode numberNode(BigDecimal value) {
    if (value == null) {
      return nullNode();
    }
    if (value.precision() <= DOUBLE_SAFE_DIGITS && Math.abs(value.scale()) < 290) {
      return DoubleNode.valueOf(value.doubleValue());
    }
    double d = value.doubleValue();
    if (Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(value) == 0) {
      return DoubleNode.valueOf(d);
    }
    return super.numberNode(value);
  }
}
