package io.github.variantconnect.http.config;

/** The shape of record values handed to the converter. */
public enum ValueFormat {
  /** A {@code Map} without schema: with JsonConverter the topic holds the API's objects unchanged. */
  SCHEMALESS,
  /** A {@code Struct} with a schema inferred from the JSON and cached per shape. */
  STRUCT,
  /** The item's JSON text as a string; only for users who want the text itself. */
  RAW
}
