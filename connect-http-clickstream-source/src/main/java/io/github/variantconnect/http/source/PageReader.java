package io.github.variantconnect.http.source;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.variantconnect.http.client.ApiResponse;
import io.github.variantconnect.http.mapping.RecordFields;
import io.github.variantconnect.http.mapping.ValueConverter;
import io.github.variantconnect.http.source.Page.MalformedPageException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.SchemaAndValue;

/**
 * Turns a response into a {@link FetchedPage}: the body parsed, each item's fields read and, where
 * the converter allows, its value converted. None of this depends on the endpoint's position, so it
 * runs on the thread that fetched the page, while the task thread hands the previous page over.
 */
final class PageReader {

  private final JsonPointer recordsPointer;
  private final RecordFields fields;
  private final ValueConverter values;

  PageReader(JsonPointer recordsPointer, RecordFields fields, ValueConverter values) {
    this.recordsPointer = recordsPointer;
    this.fields = fields;
    this.values = values;
  }

  FetchedPage read(ApiResponse response) {
    if (!response.isSuccess()) {
      return new FetchedPage(response, null, List.of(), null);
    }
    Page page;
    try {
      page = Page.parse(response, recordsPointer);
    } catch (MalformedPageException e) {
      return new FetchedPage(response, null, List.of(), e);
    }
    List<PageItem> items = new ArrayList<>(page.size());
    for (JsonNode node : page.items()) {
      items.add(item(node));
    }
    return new FetchedPage(response, page, items, null);
  }

  private PageItem item(JsonNode node) {
    Long millis = null;
    String time = null;
    String problem = null;
    try {
      millis = fields.timestampMillis(node);
      time = millis == null ? null : fields.timestampText(node);
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
    boolean convert = !values.dependsOnItemOrder() && !node.isNull();
    SchemaAndValue value = convert ? values.convert(node) : null;
    return new PageItem(node, fields.id(node), fields.key(node), millis, time, problem, value);
  }
}
