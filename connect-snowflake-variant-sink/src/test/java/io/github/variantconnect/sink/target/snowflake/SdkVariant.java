package io.github.variantconnect.sink.target.snowflake;

import net.snowflake.ingest.streaming.internal.SdkVariantAccess;
import net.snowflake.ingest.utils.ErrorCode;
import net.snowflake.ingest.utils.SFException;

/**
 * VARIANT values as the classic SDK handles them on insert, with ENABLE_NEW_JSON_PARSING_LOGIC on
 * (the default, and what the target sets): the SDK's own DataValidationUtil, called through {@link
 * SdkVariantAccess}.
 */
final class SdkVariant {

  private SdkVariant() {}

  static String validateAndParseVariantNew(String column, Object value, long rowIndex) {
    return SdkVariantAccess.validateAndParseVariantNew(column, value, rowIndex);
  }

  /** DataValidationUtil#valueFormatNotAllowedException's shape: INVALID_VALUE_ROW with the row index. */
  static SFException valueFormatNotAllowed(String column, String reason, long rowIndex) {
    return new SFException(ErrorCode.INVALID_VALUE_ROW, String.format(
        "Value cannot be ingested into Snowflake column %s of type VARIANT, rowIndex:%d, reason: %s", column,
        rowIndex, reason));
  }
}
