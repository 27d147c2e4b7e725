package net.snowflake.ingest.streaming.internal;

/**
 * Reaches the SDK's own VARIANT validation (package-private DataValidationUtil, snowflake-ingest-sdk
 * 4.3.0) from the fakes, so what they accept, refuse and store is what the SDK's insertRows would.
 */
public final class SdkVariantAccess {

  private SdkVariantAccess() {}

  /** DataValidationUtil#validateAndParseVariantNew: the minified JSON the SDK sends, or its SFException. */
  public static String validateAndParseVariantNew(String column, Object value, long rowIndex) {
    return DataValidationUtil.validateAndParseVariantNew(column, value, rowIndex);
  }
}
