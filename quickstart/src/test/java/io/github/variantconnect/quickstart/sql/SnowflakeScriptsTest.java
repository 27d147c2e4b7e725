package io.github.variantconnect.quickstart.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.variantconnect.quickstart.sql.SnowflakeStatements.Admin;
import io.github.variantconnect.quickstart.sql.SnowflakeStatements.Checked;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sql/snowflake checked offline: syntax, idempotence, the setup's grants, and parity with sql/duckdb. */
class SnowflakeScriptsTest {

  @Test
  void everyStatementIsValidSnowflakeSql() throws Exception {
    List<Path> scripts = SqlScripts.scripts(SqlDirectory.snowflake());
    assertThat(scripts).extracting(p -> p.getFileName().toString())
        .containsExactly("00_setup.sql", "10_ats.sql", "20_clickstream.sql");

    for (Path script : scripts) {
      List<Checked> checked = SnowflakeStatements.checkScript(read(script));
      assertThat(checked).as(script.getFileName().toString()).isNotEmpty();
      if (!script.getFileName().toString().startsWith("00_")) {
        assertThat(checked).as("%s is all tables, dynamic tables and views, parsed by jsqlparser", script)
            .allSatisfy(c -> assertThat(c.parsed()).isPresent());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE OR REPLACE DYNAMIC TABLE X TARGET_LAG = '1 minute' WAREHOUSE = W AS SELECT a, FROM t",
      "CREATE OR REPLACE VIEW V AS SELECT RECORD_CONTENT:train_id::VARCHAR AS train_id FROM T"
          + " QUALIFY ROW_NUMBER() OVER (PARTITION BY train_id ORDER BY) = 1",
      "CREATE OR REPLACE VIEW V AS SELECT a FROM t LATERAL FLATTEN(input => t.alerts) f WHERE",
      "SELEC 1",
      "GRANT USAGE ON WAREHOUS X TO ROLE Y",
      "GRANT INSERT ON WAREHOUSE X TO ROLE Y",
      "CREATE WAREHOUSE IF NOT EXISTS X WAREHOUSE_SIZ = XSMALL",
      "CREATE ROLE X",
      "USE ROLE IDENTIFIER($NEVER_SET)",
  })
  void theCheckRejectsABrokenStatement(String statement) {
    assertThatThrownBy(() -> SnowflakeStatements.checkScript("SET DEFINED = 'x';\n" + statement + ";"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("line 2: ");
  }

  @Test
  void theCheckRejectsAScriptWithOneBrokenStatement() throws Exception {
    String script = read(SqlDirectory.snowflake().resolve("10_ats.sql"));
    String broken = "COALESCE(AS_ARRAY(RECORD_CONTENT:alerts), ARRAY_CONSTRUCT())";
    assertThat(script).contains(broken);

    assertThatThrownBy(() -> SnowflakeStatements.checkScript(
        script.replace(broken, "COALESCE(AS_ARRAY(RECORD_CONTENT:alerts), ARRAY_CONSTRUCT()")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ATS_TRANSFORMED");
  }

  @Test
  void createsTheSameObjectsWithTheSameColumnsAsDuckDb() throws Exception {
    Map<String, List<String>> expected = new LinkedHashMap<>(AtsViewsCheck.OBJECTS);
    expected.putAll(ClickstreamViewsCheck.OBJECTS);

    assertThat(objects()).containsExactlyEntriesOf(expected);
  }

  @Test
  void everyObjectIsCreatedIdempotently() throws Exception {
    for (Checked checked : allStatements()) {
      Optional<Statement> parsed = checked.parsed();
      if (parsed.isPresent() && parsed.get() instanceof CreateTable table) {
        assertThat(table.isOrReplace() || table.isIfNotExists()).as(table.getTable().getName()).isTrue();
      } else if (parsed.isPresent() && parsed.get() instanceof CreateView view) {
        assertThat(view.isOrReplace()).as(view.getView().getName()).isTrue();
      } else if (parsed.isPresent()) {
        assertThat(parsed.get().getClass().getSimpleName()).as(checked.source().sql()).isEqualTo("SetStatement");
      }
    }
  }

  @Test
  void silverTablesAreDynamicTablesOnTheSetupsWarehouseWithAOneMinuteLag() throws Exception {
    List<String> warehouses = new ArrayList<>();
    for (Checked checked : allStatements()) {
      if (checked.parsed().orElse(null) instanceof CreateTable table && table.getSelect() != null) {
        String sql = table.toString().replaceAll("\\s+", " ");
        assertThat(table.isOrReplace()).as(table.getTable().getName()).isTrue();
        assertThat(table.getCreateOptionsStrings()).as(table.getTable().getName()).contains("DYNAMIC");
        assertThat(sql).as(table.getTable().getName()).contains(" TARGET_LAG = '1 minute' ");
        warehouses.add(sql.replaceAll(".*WAREHOUSE = (\\w+).*", "$1"));
      }
    }
    String setupWarehouse = setup().stream()
        .filter(s -> s.sql().startsWith("SET VC_WAREHOUSE"))
        .map(s -> s.sql().replaceAll(".*'(\\w+)'.*", "$1"))
        .findFirst().orElseThrow();

    assertThat(dynamicTables()).containsExactly("ATS_TRANSFORMED", "CLICKSTREAM_EVENTS");
    assertThat(warehouses).containsOnly(setupWarehouse);
  }

  @Test
  void setupGivesTheConnectorWhatItNeeds() throws Exception {
    List<Admin> admin = new ArrayList<>();
    for (Checked checked : SnowflakeStatements.checkScript(read(SqlDirectory.snowflake().resolve("00_setup.sql")))) {
      checked.admin().ifPresent(admin::add);
    }
    List<String> grants = admin.stream()
        .filter(a -> a.verb().equals("GRANT") && a.properties().get("grantee").equals("IDENTIFIER($VC_ROLE)"))
        .map(a -> String.join(", ", a.privileges()) + " ON " + a.objectType() + " " + a.name())
        .toList();
    Admin user = admin.stream().filter(a -> a.verb().equals("CREATE") && a.objectType().equals("USER"))
        .findFirst().orElseThrow();

    assertThat(admin).anySatisfy(a -> assertThat(a.verb() + " " + a.objectType() + " " + a.name())
        .isEqualTo("CREATE ROLE IDENTIFIER($VC_ROLE)"));
    assertThat(user.properties()).containsEntry("TYPE", "SERVICE").containsEntry("DEFAULT_ROLE", "$VC_ROLE");
    assertThat(admin).filteredOn(a -> a.verb().equals("GRANT") && a.objectType().equals("ROLE"))
        .anySatisfy(a -> assertThat(List.of(a.name(), a.granteeType().orElseThrow(), a.properties().get("grantee")))
            .containsExactly("IDENTIFIER($VC_ROLE)", "USER", "IDENTIFIER($VC_USER)"));
    assertThat(grants).contains(
        "USAGE ON WAREHOUSE IDENTIFIER($VC_WAREHOUSE)",
        "USAGE ON DATABASE IDENTIFIER($VC_DATABASE)",
        "USAGE ON SCHEMA IDENTIFIER($VC_SCHEMA)",
        "CREATE TABLE ON SCHEMA IDENTIFIER($VC_SCHEMA)",
        "INSERT, SELECT ON FUTURE TABLES IDENTIFIER($VC_SCHEMA)",
        "INSERT, SELECT ON ALL TABLES IDENTIFIER($VC_SCHEMA)");
    assertThat(read(SqlDirectory.snowflake().resolve("00_setup.sql")))
        .as("the key-pair step").contains("ALTER USER IDENTIFIER($VC_USER) SET RSA_PUBLIC_KEY");
  }

  /** Name and lower-cased columns of every table, dynamic table and view, in creation order. */
  private static Map<String, List<String>> objects() throws Exception {
    Map<String, List<String>> objects = new LinkedHashMap<>();
    for (Checked checked : allStatements()) {
      Statement statement = checked.parsed().orElse(null);
      if (statement instanceof CreateTable table) {
        objects.put(table.getTable().getName(), table.getSelect() != null ? columns(table.getSelect())
            : table.getColumnDefinitions().stream().map(ColumnDefinition::getColumnName).map(SnowflakeScriptsTest::lower).toList());
      } else if (statement instanceof CreateView view) {
        objects.put(view.getView().getName(), columns(view.getSelect()));
      }
    }
    return objects;
  }

  private static List<String> dynamicTables() throws Exception {
    List<String> names = new ArrayList<>();
    for (Checked checked : allStatements()) {
      if (checked.parsed().orElse(null) instanceof CreateTable table
          && table.getCreateOptionsStrings() != null && table.getCreateOptionsStrings().contains("DYNAMIC")) {
        names.add(table.getTable().getName());
      }
    }
    return names;
  }

  private static List<String> columns(Select select) {
    PlainSelect plain = select instanceof SetOperationList set ? (PlainSelect) set.getSelect(0) : (PlainSelect) select;
    List<String> names = new ArrayList<>();
    for (SelectItem<?> item : plain.getSelectItems()) {
      if (item.getAlias() != null) {
        names.add(lower(item.getAlias().getName()));
      } else if (item.getExpression() instanceof Column column) {
        names.add(lower(column.getColumnName()));
      } else {
        throw new AssertionError("select item without a name: " + item);
      }
    }
    return names;
  }

  private static List<Checked> allStatements() throws Exception {
    List<Checked> all = new ArrayList<>();
    for (Path script : SqlScripts.scripts(SqlDirectory.snowflake())) {
      all.addAll(SnowflakeStatements.checkScript(read(script)));
    }
    return all;
  }

  private static List<SqlScripts.Statement> setup() throws Exception {
    return SqlScripts.split(read(SqlDirectory.snowflake().resolve("00_setup.sql")));
  }

  private static String read(Path path) throws Exception {
    return Files.readString(path, StandardCharsets.UTF_8);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
