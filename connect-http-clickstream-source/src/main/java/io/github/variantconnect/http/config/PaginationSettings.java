package io.github.variantconnect.http.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.time.Duration;

/** How pages are requested and chained; pointers are null when not used. */
public record PaginationSettings(
    PaginationMode mode,
    int limit,
    String limitParam,
    String cursorParam,
    JsonPointer cursorPointer,
    String initialCursor,
    JsonPointer hasMorePointer,
    JsonPointer nextUrlPointer,
    String pageParam,
    long firstPage,
    JsonPointer nextPagePointer,
    String sinceParam,
    String initialSince,
    String offsetParam,
    long initialOffset,
    JsonPointer nextOffsetPointer,
    Duration pollInterval,
    int pagesAhead) {}
