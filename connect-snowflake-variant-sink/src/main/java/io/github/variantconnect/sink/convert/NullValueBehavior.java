package io.github.variantconnect.sink.convert;

/** What a tombstone (a record whose value is null) becomes, as in the official connector. */
public enum NullValueBehavior {
  /** A row whose RECORD_CONTENT is an empty object, so deletes stay visible downstream. */
  DEFAULT,
  /** No row; the record's offset still counts as processed. */
  IGNORE
}
