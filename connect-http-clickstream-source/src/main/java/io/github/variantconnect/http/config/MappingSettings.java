package io.github.variantconnect.http.config;

import com.fasterxml.jackson.core.JsonPointer;
import io.github.variantconnect.http.mapping.TimestampFormat;

/** Where records, keys, timestamps and ids sit in a response; a null pointer means "not used". */
public record MappingSettings(
    JsonPointer records,
    JsonPointer key,
    JsonPointer timestamp,
    TimestampFormat timestampFormat,
    RecordTimestamp recordTimestamp,
    JsonPointer eventId,
    ValueFormat valueFormat,
    int dedupWindow) {}
