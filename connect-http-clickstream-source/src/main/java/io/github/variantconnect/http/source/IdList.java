package io.github.variantconnect.http.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.AbstractList;
import java.util.List;

/**
 * An immutable list of ids that remembers its JSON array text, the form it takes inside a source
 * offset. Every record of a page carries the same window, so it is written once per page, not once
 * per record.
 */
final class IdList extends AbstractList<String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final List<String> ids;
  private String json;

  private IdList(List<String> ids) {
    this.ids = ids;
  }

  static IdList of(List<String> ids) {
    return ids instanceof IdList list ? list : new IdList(List.copyOf(ids));
  }

  @Override
  public String get(int index) {
    return ids.get(index);
  }

  @Override
  public int size() {
    return ids.size();
  }

  static String encode(List<String> ids) {
    IdList list = of(ids);
    if (list.json == null) {
      try {
        list.json = JSON.writeValueAsString(list.ids);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("ids could not be written as JSON", e);
      }
    }
    return list.json;
  }

  static IdList decode(String text) {
    try {
      List<String> ids = JSON.readValue(text, STRINGS);
      IdList list = new IdList(ids == null ? List.of() : List.copyOf(ids));
      list.json = text;
      return list;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON array of ids: " + e.getOriginalMessage());
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("a JSON array of ids may not hold null");
    }
  }
}
