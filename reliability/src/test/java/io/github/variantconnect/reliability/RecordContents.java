package io.github.variantconnect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.variantconnect.testkit.duckdb.DuckDbReader;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code RECORD_CONTENT} of every event id in a pipeline's tables, as the text DuckDB stores:
 * what a crashed run must reproduce byte for byte from an uncrashed run with the same seeds.
 */
record RecordContents(Map<String, String> byId) {

  /** Reads both tables of the pipeline; an id landed twice fails here, before any comparison. */
  static RecordContents of(Pipeline pipeline) {
    Map<String, String> byId = new HashMap<>();
    for (String table : List.of(pipeline.atsTable(), pipeline.clicksTable())) {
      List<String[]> rows = pipeline.reader().read(c -> {
        List<String[]> read = new ArrayList<>();
        try (Statement statement = c.createStatement();
            ResultSet rs = statement.executeQuery("SELECT RECORD_CONTENT->>'$.event_id', CAST(RECORD_CONTENT AS VARCHAR) FROM "
                + DuckDbReader.quoted(table))) {
          while (rs.next()) {
            read.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
        return read;
      }, List.of());
      for (String[] row : rows) {
        assertThat(byId.put(row[0], row[1])).as("a second row of event %s in %s", row[0], table).isNull();
      }
    }
    return new RecordContents(Map.copyOf(byId));
  }

  /** The ids whose content differs from {@code reference}, or which only one of them holds. */
  TreeSet<String> differencesFrom(RecordContents reference) {
    TreeSet<String> differing = new TreeSet<>();
    reference.byId.forEach((id, content) -> {
      if (!content.equals(byId.get(id))) {
        differing.add(id);
      }
    });
    byId.keySet().stream().filter(id -> !reference.byId.containsKey(id)).forEach(differing::add);
    return differing;
  }

  /** Same ids, and for each the same bytes of content; names the first ids that differ. */
  void assertIdenticalTo(RecordContents reference, String run) {
    TreeSet<String> differing = differencesFrom(reference);
    String first = differing.isEmpty() ? "" : differing.first();
    assertThat(differing)
        .as("event ids of %s whose RECORD_CONTENT differs from the reference run; first: %s%n run:       %s%n reference: %s",
            run, first, byId.get(first), reference.byId.get(first))
        .isEmpty();
    assertThat(byId).as("events of %s", run).hasSameSizeAs(reference.byId);
  }

  /** A copy with the content of one id changed: the comparison must notice a single byte. */
  RecordContents withOneByteChanged(String id) {
    Map<String, String> changed = new HashMap<>(byId);
    String content = changed.get(id);
    int last = content.length() - 2;
    changed.put(id, content.substring(0, last) + (char) (content.charAt(last) ^ 1) + content.substring(last + 1));
    return new RecordContents(changed);
  }
}
