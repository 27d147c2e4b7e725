package io.github.variantconnect.http.config;

import static io.github.variantconnect.http.config.MappingKeys.pointer;

import io.github.variantconnect.common.config.DurationParser;
import io.github.variantconnect.common.config.EnumKeys;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;

/** Pagination: the mode, parameter names, response pointers and the wait once caught up. */
public final class PaginationKeys {

  static final String GROUP = "Pagination";

  public static final String MODE = "pagination.mode";
  public static final String LIMIT = "pagination.limit";
  public static final String LIMIT_PARAM = "pagination.limit.param";
  public static final String CURSOR_PARAM = "pagination.cursor.param";
  public static final String CURSOR_POINTER = "pagination.cursor.pointer";
  public static final String CURSOR_INITIAL = "pagination.cursor.initial";
  public static final String HAS_MORE_POINTER = "pagination.has.more.pointer";
  public static final String NEXT_URL_POINTER = "pagination.next.url.pointer";
  public static final String PAGE_PARAM = "pagination.page.param";
  public static final String PAGE_SIZE_PARAM = "pagination.page.size.param";
  public static final String PAGE_FIRST = "pagination.page.first";
  public static final String NEXT_PAGE_POINTER = "pagination.next.page.pointer";
  public static final String SINCE_PARAM = "pagination.since.param";
  public static final String SINCE_INITIAL = "pagination.since.initial";
  public static final String OFFSET_PARAM = "pagination.offset.param";
  public static final String OFFSET_INITIAL = "pagination.offset.initial";
  public static final String NEXT_OFFSET_POINTER = "pagination.next.offset.pointer";
  public static final String POLL_INTERVAL = "poll.interval";

  private PaginationKeys() {}

  static ConfigDef define(ConfigDef def) {
    int order = 0;
    return def
        .define(MODE, Type.STRING, EnumKeys.name(PaginationMode.CURSOR), EnumKeys.validator(PaginationMode.class),
            Importance.HIGH,
            "How pages are chained: none (one request per poll.interval), cursor (the body names the next"
                + " cursor), next_link (the body holds the next page's URL), link_header (an RFC 8288 Link"
                + " rel=\"next\" header), page (page numbers within a since timestamp), offset (offset and limit)."
                + " Pages are read until one comes back empty (or says there is no more), then the endpoint"
                + " waits poll.interval.",
            GROUP, ++order, Width.SHORT, "Mode", EnumKeys.recommender(PaginationMode.class))
        .define(LIMIT, Type.INT, 1000, Range.between(1, 100_000), Importance.MEDIUM,
            "Records asked for per page (${limit}).",
            GROUP, ++order, Width.SHORT, "Page size")
        .define(LIMIT_PARAM, Type.STRING, "limit", Validators.paramName(), Importance.LOW,
            "Name of the page-size parameter in the implied query (page mode: see pagination.page.size.param).",
            GROUP, ++order, Width.SHORT, "Limit parameter")
        .define(CURSOR_PARAM, Type.STRING, "cursor", Validators.paramName(), Importance.LOW,
            "cursor mode: name of the cursor parameter in the implied query or body.",
            GROUP, ++order, Width.SHORT, "Cursor parameter")
        .define(CURSOR_POINTER, Type.STRING, "/next_cursor", Validators.jsonPointer(), Importance.MEDIUM,
            "cursor mode: JSON pointer to the next cursor in a response. When it is missing or null the"
                + " endpoint stays on its cursor and skips the records it already delivered.",
            GROUP, ++order, Width.MEDIUM, "Cursor pointer")
        .define(CURSOR_INITIAL, Type.STRING, "", Importance.LOW,
            "cursor mode: the cursor of the very first request. Empty: the parameter is left out (the API's"
                + " oldest retained data).",
            GROUP, ++order, Width.MEDIUM, "Initial cursor")
        .define(HAS_MORE_POINTER, Type.STRING, "/has_more", Validators.jsonPointer(), Importance.LOW,
            "JSON pointer to a boolean saying whether more pages follow; false ends the round like an empty"
                + " page. Empty or absent from a response: only an empty page ends the round.",
            GROUP, ++order, Width.MEDIUM, "Has-more pointer")
        .define(NEXT_URL_POINTER, Type.STRING, "/next_url", Validators.jsonPointer(), Importance.MEDIUM,
            "next_link mode: JSON pointer to the next page's URL (absolute, or relative to the request).",
            GROUP, ++order, Width.MEDIUM, "Next URL pointer")
        .define(PAGE_PARAM, Type.STRING, "page", Validators.paramName(), Importance.LOW,
            "page mode: name of the page-number parameter.",
            GROUP, ++order, Width.SHORT, "Page parameter")
        .define(PAGE_SIZE_PARAM, Type.STRING, "size", Validators.paramName(), Importance.LOW,
            "page mode: name of the page-size parameter.",
            GROUP, ++order, Width.SHORT, "Page size parameter")
        .define(PAGE_FIRST, Type.LONG, 1L, Range.atLeast(0), Importance.LOW,
            "page mode: number of the first page (0 or 1).",
            GROUP, ++order, Width.SHORT, "First page")
        .define(NEXT_PAGE_POINTER, Type.STRING, "/next_page", Validators.jsonPointer(), Importance.LOW,
            "page mode: JSON pointer to the next page number; null there ends the round. Empty or absent from a"
                + " response: a page shorter than the page size ends the round.",
            GROUP, ++order, Width.MEDIUM, "Next page pointer")
        .define(SINCE_PARAM, Type.STRING, "since", Validators.paramName(), Importance.LOW,
            "page mode: name of the parameter carrying ${since}, the event time (as the API wrote it) of the"
                + " newest record delivered in the previous round; the API must include records at that time,"
                + " which are then skipped. Empty: no since parameter, page numbers only.",
            GROUP, ++order, Width.SHORT, "Since parameter")
        .define(SINCE_INITIAL, Type.STRING, "", Importance.LOW,
            "page mode: ${since} of the first round. Empty: the parameter is left out.",
            GROUP, ++order, Width.MEDIUM, "Initial since")
        .define(OFFSET_PARAM, Type.STRING, "offset", Validators.paramName(), Importance.LOW,
            "offset mode: name of the offset parameter.",
            GROUP, ++order, Width.SHORT, "Offset parameter")
        .define(OFFSET_INITIAL, Type.LONG, 0L, Range.atLeast(0), Importance.LOW,
            "offset mode: offset of the first request.",
            GROUP, ++order, Width.SHORT, "Initial offset")
        .define(NEXT_OFFSET_POINTER, Type.STRING, "/next_offset", Validators.jsonPointer(), Importance.LOW,
            "offset mode: JSON pointer to the next offset. Empty or absent from a response: offset plus the"
                + " number of records received.",
            GROUP, ++order, Width.MEDIUM, "Next offset pointer")
        .define(POLL_INTERVAL, Type.STRING, "1s", DurationParser.atLeast(Duration.ofMillis(10)), Importance.MEDIUM,
            "How long an endpoint waits after a round ends (empty page, no more pages, or pagination none)"
                + " before asking again, e.g. 1s, 500ms, 1m.",
            GROUP, ++order, Width.SHORT, "Poll interval");
  }

  static PaginationSettings parse(AbstractConfig config) {
    PaginationMode mode = EnumKeys.parse(PaginationMode.class, MODE, config.getString(MODE));
    return new PaginationSettings(
        mode,
        config.getInt(LIMIT),
        // Page mode names its size parameter separately; the rest of the code sees one name.
        mode == PaginationMode.PAGE ? config.getString(PAGE_SIZE_PARAM).trim() : config.getString(LIMIT_PARAM).trim(),
        config.getString(CURSOR_PARAM).trim(),
        pointer(config, CURSOR_POINTER),
        config.getString(CURSOR_INITIAL),
        pointer(config, HAS_MORE_POINTER),
        pointer(config, NEXT_URL_POINTER),
        config.getString(PAGE_PARAM).trim(),
        config.getLong(PAGE_FIRST),
        pointer(config, NEXT_PAGE_POINTER),
        config.getString(SINCE_PARAM).trim(),
        config.getString(SINCE_INITIAL).trim(),
        config.getString(OFFSET_PARAM).trim(),
        config.getLong(OFFSET_INITIAL),
        pointer(config, NEXT_OFFSET_POINTER),
        DurationParser.parse(config.getString(POLL_INTERVAL)));
  }
}
