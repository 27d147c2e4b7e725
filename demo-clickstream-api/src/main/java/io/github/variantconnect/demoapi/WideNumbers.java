package io.github.variantconnect.demoapi;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers no 64-bit integer or double holds, per event sequence number, for the {@code
 * fault.wide_numbers} knob: clients that round them lose digits a test can see.
 */
public final class WideNumbers {

  /** The JSON field holding a 30-digit integer. */
  public static final String ORDER_REF = "order_ref";
  /** The JSON field holding a 29-significant-digit decimal. */
  public static final String AMOUNT_EXACT = "amount_exact";

  private static final BigInteger REF_BASE = new BigInteger("123456789012345678901234500000");
  private static final BigDecimal AMOUNT_BASE = new BigDecimal("12345678901234567890.123456789");

  private WideNumbers() {}

  public static BigInteger orderRef(long seq) {
    return REF_BASE.add(BigInteger.valueOf(seq));
  }

  public static BigDecimal amountExact(long seq) {
    return AMOUNT_BASE.add(BigDecimal.valueOf(seq, 9));
  }
}
