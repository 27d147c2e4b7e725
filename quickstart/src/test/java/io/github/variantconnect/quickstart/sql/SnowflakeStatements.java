package io.github.variantconnect.quickstart.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * An offline syntax check of Snowflake scripts. Queries and DDL for tables, dynamic tables and views
 * go through jsqlparser (its Snowflake support covers VARIANT paths, {@code ::} casts, QUALIFY,
 * LATERAL FLATTEN and dynamic tables). jsqlparser 5.3 has no grammar for account administration
 * (roles, users, warehouses, grants on them, USE), so those are held to {@link Admin}'s small
 * grammar instead: only the statement shapes the setup script needs, with the privileges and
 * properties Snowflake accepts for them. Session variables ({@code $NAME}) must be SET earlier in
 * the same script.
 */
final class SnowflakeStatements {

  /** A statement of the admin grammar, broken into its parts. */
  record Admin(String verb, String objectType, List<String> privileges, String name,
      Optional<String> granteeType, Map<String, String> properties) {}

  /** One checked statement: exactly one of {@code parsed} and {@code admin} is present. */
  record Checked(SqlScripts.Statement source, Optional<Statement> parsed, Optional<Admin> admin) {}

  private static final String VARIABLE = "\\$[A-Za-z_][A-Za-z0-9_]*";
  private static final String NAME =
      "(?:IDENTIFIER\\(" + VARIABLE + "\\)|[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*){0,2})";
  private static final String VALUE = "(?:'(?:[^']|'')*'|" + VARIABLE + "|-?\\d+|[A-Za-z_][A-Za-z0-9_]*)";
  private static final Pattern PROPERTY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*) ?= ?(" + VALUE + ")");
  private static final Pattern USE = Pattern.compile(
      "USE (ROLE|WAREHOUSE|DATABASE|SCHEMA) (" + NAME + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE = Pattern.compile(
      "CREATE (ROLE|USER|WAREHOUSE|DATABASE|SCHEMA) IF NOT EXISTS (" + NAME + ")((?: [A-Za-z_][A-Za-z0-9_]* ?= ?"
          + VALUE + ")*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern GRANT_ROLE = Pattern.compile(
      "GRANT ROLE (" + NAME + ") TO (ROLE|USER) (" + NAME + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern GRANT_ON_OBJECT = Pattern.compile(
      "GRANT ([A-Z ,]+?) ON (WAREHOUSE|DATABASE|SCHEMA) (" + NAME + ") TO ROLE (" + NAME + ")",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern GRANT_ON_TABLES = Pattern.compile(
      "GRANT ([A-Z ,]+?) ON (FUTURE|ALL) TABLES IN SCHEMA (" + NAME + ") TO ROLE (" + NAME + ")",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SET = Pattern.compile(
      "SET ([A-Za-z_][A-Za-z0-9_]*) ?= ?'(?:[^']|'')*'", Pattern.CASE_INSENSITIVE);

  private static final Map<String, Set<String>> PROPERTIES = Map.of(
      "ROLE", Set.of("COMMENT"),
      "USER", Set.of("TYPE", "DEFAULT_ROLE", "DEFAULT_WAREHOUSE", "DEFAULT_NAMESPACE", "COMMENT",
          "RSA_PUBLIC_KEY", "RSA_PUBLIC_KEY_2"),
      "WAREHOUSE", Set.of("WAREHOUSE_SIZE", "AUTO_SUSPEND", "AUTO_RESUME", "INITIALLY_SUSPENDED",
          "COMMENT"),
      "DATABASE", Set.of("COMMENT", "DATA_RETENTION_TIME_IN_DAYS"),
      "SCHEMA", Set.of("COMMENT", "DATA_RETENTION_TIME_IN_DAYS"));
  private static final Map<String, Set<String>> PRIVILEGES = Map.of(
      "WAREHOUSE", Set.of("USAGE", "OPERATE", "MONITOR"),
      "DATABASE", Set.of("USAGE", "MONITOR", "CREATE SCHEMA"),
      "SCHEMA", Set.of("USAGE", "MONITOR", "CREATE TABLE", "CREATE VIEW", "CREATE DYNAMIC TABLE",
          "CREATE STAGE", "CREATE PIPE"),
      "TABLES", Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES"));

  private SnowflakeStatements() {}

  /**
   * Checks every statement of a script in order.
   *
   * @throws IllegalArgumentException naming the line and the reason of the first statement that
   *     fails, so a broken script cannot pass
   */
  static List<Checked> checkScript(String script) {
    Set<String> variables = new HashSet<>();
    List<Checked> checked = new ArrayList<>();
    for (SqlScripts.Statement statement : SqlScripts.split(script)) {
      checked.add(check(statement, variables));
    }
    return checked;
  }

  private static Checked check(SqlScripts.Statement statement, Set<String> variables) {
    String sql = statement.sql();
    String flat = sql.replaceAll("\\s+", " ").replaceAll("\\( ", "(").replaceAll(" \\)", ")");
    for (String used : variablesUsed(sql)) {
      if (!variables.contains(used.toUpperCase(Locale.ROOT))) {
        throw failure(statement, "session variable $" + used + " is used before it is SET");
      }
    }
    Matcher set = SET.matcher(flat);
    if (set.matches()) {
      variables.add(set.group(1).toUpperCase(Locale.ROOT));
    }
    Optional<Statement> parsed = parse(sql);
    if (parsed.isPresent()) {
      return new Checked(statement, parsed, Optional.empty());
    }
    Optional<Admin> admin = admin(statement, flat);
    if (admin.isEmpty()) {
      throw failure(statement, "not valid Snowflake SQL: " + parseError(sql));
    }
    return new Checked(statement, Optional.empty(), admin);
  }

  /** The statement as jsqlparser understands it, or empty if it fails or gives up. */
  static Optional<Statement> parse(String sql) {
    try {
      Statement parsed = CCJSqlParserUtil.parse(sql);
      return parsed instanceof UnsupportedStatement ? Optional.empty() : Optional.of(parsed);
    } catch (JSQLParserException e) {
      return Optional.empty();
    }
  }

  private static String parseError(String sql) {
    try {
      Statement parsed = CCJSqlParserUtil.parse(sql);
      return "jsqlparser does not support " + parsed.getClass().getSimpleName()
          + " and it is not one of the account administration statements";
    } catch (JSQLParserException e) {
      String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      int cut = message.indexOf("Was expecting");
      return (cut > 0 ? message.substring(0, cut) : message).strip().replaceAll("\\s+", " ");
    }
  }

  private static Optional<Admin> admin(SqlScripts.Statement statement, String flat) {
    Matcher m = USE.matcher(flat);
    if (m.matches()) {
      return Optional.of(new Admin("USE", upper(m.group(1)), List.of(), m.group(2), Optional.empty(), Map.of()));
    }
    m = CREATE.matcher(flat);
    if (m.matches()) {
      String type = upper(m.group(1));
      Map<String, String> properties = new LinkedHashMap<>();
      Matcher p = PROPERTY.matcher(m.group(3));
      while (p.find()) {
        String property = upper(p.group(1));
        if (!PROPERTIES.get(type).contains(property)) {
          throw failure(statement, "CREATE " + type + " has no property " + property);
        }
        properties.put(property, p.group(2));
      }
      return Optional.of(new Admin("CREATE", type, List.of(), m.group(2), Optional.empty(), properties));
    }
    m = GRANT_ROLE.matcher(flat);
    if (m.matches()) {
      return Optional.of(new Admin("GRANT", "ROLE", List.of(), m.group(1), Optional.of(upper(m.group(2))),
          Map.of("grantee", m.group(3))));
    }
    m = GRANT_ON_OBJECT.matcher(flat);
    if (m.matches()) {
      String type = upper(m.group(2));
      return Optional.of(new Admin("GRANT", type, privileges(statement, m.group(1), type), m.group(3),
          Optional.of("ROLE"), Map.of("grantee", m.group(4))));
    }
    m = GRANT_ON_TABLES.matcher(flat);
    if (m.matches()) {
      return Optional.of(new Admin("GRANT", upper(m.group(2)) + " TABLES",
          privileges(statement, m.group(1), "TABLES"), m.group(3), Optional.of("ROLE"),
          Map.of("grantee", m.group(4))));
    }
    return Optional.empty();
  }

  private static List<String> privileges(SqlScripts.Statement statement, String list, String type) {
    List<String> privileges = new ArrayList<>();
    for (String privilege : list.split(",")) {
      String p = upper(privilege.strip());
      if (!PRIVILEGES.get(type).contains(p)) {
        throw failure(statement, "privilege " + p + " does not apply to " + type);
      }
      privileges.add(p);
    }
    return privileges;
  }

  private static Set<String> variablesUsed(String sql) {
    // Literals may hold a '$' that is not a variable.
    String code = sql.replaceAll("'(?:[^']|'')*'", "''");
    Set<String> used = new HashSet<>();
    Matcher m = Pattern.compile(VARIABLE).matcher(code);
    while (m.find()) {
      used.add(m.group().substring(1));
    }
    return used;
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  private static IllegalArgumentException failure(SqlScripts.Statement statement, String reason) {
    String sql = statement.sql().replaceAll("\\s+", " ");
    return new IllegalArgumentException("line " + statement.line() + ": " + reason + " in: "
        + (sql.length() > 120 ? sql.substring(0, 120) + "..." : sql));
  }
}
