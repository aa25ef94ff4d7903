package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What DatabaseMetaData says vsl supports is what vsl does: each claim is tried. */
class MetaDataFactsTest {
  private Connection c;
  private Statement s;
  private DatabaseMetaData md;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    s = c.createStatement();
    md = c.getMetaData();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private String one(String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  /** A call of each function the four function lists name, in JDBC's escape syntax. */
  private static final Map<String, String> FUNCTION_CALLS = Map.ofEntries(
      Map.entry("ABS", "ABS(-1)"), Map.entry("ACOS", "ACOS(1)"), Map.entry("ASIN", "ASIN(0)"),
      Map.entry("ATAN", "ATAN(0)"), Map.entry("ATAN2", "ATAN2(1, 1)"), Map.entry("CEILING", "CEILING(1.5)"),
      Map.entry("COS", "COS(0)"), Map.entry("COT", "COT(1)"), Map.entry("DEGREES", "DEGREES(1)"),
      Map.entry("EXP", "EXP(1)"), Map.entry("FLOOR", "FLOOR(1.5)"), Map.entry("LOG", "LOG(2)"),
      Map.entry("LOG10", "LOG10(100)"), Map.entry("MOD", "MOD(7, 3)"), Map.entry("PI", "PI()"),
      Map.entry("POWER", "POWER(2, 3)"), Map.entry("RADIANS", "RADIANS(180)"), Map.entry("RAND", "RAND(1)"),
      Map.entry("ROUND", "ROUND(1.25, 1)"), Map.entry("SIGN", "SIGN(-2)"), Map.entry("SIN", "SIN(0)"),
      Map.entry("SQRT", "SQRT(4)"), Map.entry("TAN", "TAN(0)"), Map.entry("TRUNCATE", "TRUNCATE(1.25, 1)"),
      Map.entry("ASCII", "ASCII('a')"), Map.entry("CHAR", "CHAR(65)"), Map.entry("CHAR_LENGTH", "CHAR_LENGTH('ab')"),
      Map.entry("CHARACTER_LENGTH", "CHARACTER_LENGTH('ab')"), Map.entry("CONCAT", "CONCAT('a', 'b')"),
      Map.entry("INSERT", "INSERT('abc', 2, 1, 'x')"), Map.entry("LCASE", "LCASE('A')"),
      Map.entry("INITCAP", "INITCAP('ab')"), Map.entry("LEFT", "LEFT('abc', 2)"), Map.entry("LENGTH", "LENGTH('ab')"),
      Map.entry("LOCATE", "LOCATE('b', 'abc')"), Map.entry("LOWER", "LOWER('A')"), Map.entry("LPAD", "LPAD('a', 3, 'x')"),
      Map.entry("LTRIM", "LTRIM(' a')"), Map.entry("OVERLAY", "OVERLAY('abc' PLACING 'x' FROM 2)"),
      Map.entry("POSITION", "POSITION('b' IN 'abc')"), Map.entry("REPEAT", "REPEAT('a', 3)"),
      Map.entry("REPLACE", "REPLACE('abc', 'b', 'x')"), Map.entry("REVERSE", "REVERSE('abc')"),
      Map.entry("RIGHT", "RIGHT('abc', 2)"), Map.entry("RPAD", "RPAD('a', 3, 'x')"), Map.entry("RTRIM", "RTRIM('a ')"),
      Map.entry("SPACE", "SPACE(2)"), Map.entry("SUBSTRING", "SUBSTRING('abc', 2, 1)"),
      Map.entry("TRIM", "TRIM(' a ')"), Map.entry("UCASE", "UCASE('a')"), Map.entry("UPPER", "UPPER('a')"),
      Map.entry("CURDATE", "CURDATE()"), Map.entry("CURTIME", "CURTIME()"),
      Map.entry("CURRENT_DATE", "CURRENT_DATE"), Map.entry("CURRENT_TIME", "CURRENT_TIME"),
      Map.entry("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"), Map.entry("DAYNAME", "DAYNAME(DATE '2024-01-02')"),
      Map.entry("DAYOFMONTH", "DAYOFMONTH(DATE '2024-01-02')"), Map.entry("DAYOFWEEK", "DAYOFWEEK(DATE '2024-01-02')"),
      Map.entry("DAYOFYEAR", "DAYOFYEAR(DATE '2024-01-02')"), Map.entry("EXTRACT", "EXTRACT(YEAR FROM DATE '2024-01-02')"),
      Map.entry("CEIL", "CEIL(1.5)"), Map.entry("HOUR", "HOUR(TIME '03:04:05')"), Map.entry("LOCALTIME", "LOCALTIME"),
      Map.entry("LOCALTIMESTAMP", "LOCALTIMESTAMP"), Map.entry("MINUTE", "MINUTE(TIME '03:04:05')"),
      Map.entry("MONTH", "MONTH(DATE '2024-01-02')"), Map.entry("MONTHNAME", "MONTHNAME(DATE '2024-01-02')"),
      Map.entry("NOW", "NOW()"), Map.entry("QUARTER", "QUARTER(DATE '2024-01-02')"),
      Map.entry("SECOND", "SECOND(TIME '03:04:05')"),
      Map.entry("TIMESTAMPADD", "TIMESTAMPADD(SQL_TSI_DAY, 1, TIMESTAMP '2024-01-02 00:00:00')"),
      Map.entry("TIMESTAMPDIFF",
          "TIMESTAMPDIFF(SQL_TSI_DAY, TIMESTAMP '2024-01-02 00:00:00', TIMESTAMP '2024-01-03 00:00:00')"),
      Map.entry("WEEK", "WEEK(DATE '2024-01-02')"), Map.entry("YEAR", "YEAR(DATE '2024-01-02')"),
      Map.entry("COALESCE", "COALESCE(NULL, 1)"), Map.entry("DATABASE", "DATABASE()"),
      Map.entry("IFNULL", "IFNULL(NULL, 1)"), Map.entry("NULLIF", "NULLIF(1, 2)"), Map.entry("USER", "USER()"),
      Map.entry("CONVERT", "CONVERT(1, SQL_VARCHAR)"), Map.entry("CBRT", "CBRT(8)"),
      Map.entry("DIFFERENCE", "DIFFERENCE('Smith', 'Smyth')"), Map.entry("SOUNDEX", "SOUNDEX('Smith')"),
      Map.entry("CONVERT_TIMEZONE", "CONVERT_TIMEZONE('UTC', 'UTC', TIMESTAMP '2024-01-02 00:00:00')"),
      Map.entry("TO_DATE", "TO_DATE('2024-01-02', 'YYYY-MM-DD')"),
      Map.entry("TO_TIMESTAMP", "TO_TIMESTAMP('2024-01-02 03:04:05', 'YYYY-MM-DD HH24:MI:SS')"));

  private List<String> functions() throws SQLException {
    List<String> all = new ArrayList<>();
    for (String list : List.of(md.getNumericFunctions(), md.getStringFunctions(), md.getTimeDateFunctions(),
        md.getSystemFunctions())) {
      all.addAll(List.of(list.split(",")));
    }
    return all;
  }

  @Test
  void everyListedFunction_isCallableThroughTheJdbcEscape() throws SQLException {
    List<String> failed = new ArrayList<>();
    for (String f : functions()) {
      String call = FUNCTION_CALLS.get(f);
      assertTrue(call != null, () -> "no sample call for " + f);
      try {
        one("SELECT {fn " + call + "} FROM (VALUES (1))");
      } catch (SQLException e) {
        failed.add(f + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), failed);
  }

  @Test
  void supportedConversions_workThroughTheConvertEscape() throws SQLException {
    assertTrue(md.supportsConvert());
    assertTrue(md.supportsConvert(java.sql.Types.INTEGER, java.sql.Types.VARCHAR));
    assertEquals("12", one("SELECT {fn CONVERT(12, SQL_VARCHAR)} FROM (VALUES (1))"));
    assertTrue(md.supportsConvert(java.sql.Types.VARCHAR, java.sql.Types.DATE));
    assertEquals("2024-01-02", one("SELECT {fn CONVERT('2024-01-02', SQL_DATE)} FROM (VALUES (1))"));
    assertTrue(md.supportsConvert(java.sql.Types.DECIMAL, java.sql.Types.BIGINT));
    assertEquals("3", one("SELECT {fn CONVERT(3.0, SQL_BIGINT)} FROM (VALUES (1))"));
    assertFalse(md.supportsConvert(java.sql.Types.DATE, java.sql.Types.INTEGER));
    assertFalse(md.supportsConvert(java.sql.Types.STRUCT, java.sql.Types.VARCHAR));
  }

  @Test
  void escapeFunctionLists_areThoseCalcitesParserTranslates_butConvertTimezone() throws SQLException {
    String msg = "Calcite's JDBC escape functions changed: VslDatabaseMetaData's lists must follow";
    assertEquals(org.apache.calcite.sql.SqlJdbcFunctionCall.getNumericFunctions(), md.getNumericFunctions(), msg);
    assertEquals(org.apache.calcite.sql.SqlJdbcFunctionCall.getStringFunctions(), md.getStringFunctions(), msg);
    assertEquals(org.apache.calcite.sql.SqlJdbcFunctionCall.getSystemFunctions(), md.getSystemFunctions(), msg);
    assertEquals(org.apache.calcite.sql.SqlJdbcFunctionCall.getTimeDateFunctions().replace("CONVERT_TIMEZONE,", ""),
        md.getTimeDateFunctions(), msg);
  }

  @Test
  void sqlKeywords_areThoseTheGrammarReports() throws SQLException {
    assertEquals(c.unwrap(VslConnection.class).engine().jdbcKeywords(), md.getSQLKeywords(),
        "the grammar's keywords changed: VslDatabaseMetaData.SQL_KEYWORDS must list them");
  }

  @Test
  void everySqlKeyword_isReserved_andUsableOnlyQuoted() throws SQLException {
    String keywords = md.getSQLKeywords();
    assertFalse(keywords.isBlank());
    List<String> notReserved = new ArrayList<>();
    for (String k : keywords.split(",")) {
      try {
        s.execute("CREATE TABLE " + k + " (A INT)");
        notReserved.add(k);
      } catch (SQLException expected) {
        s.execute("CREATE TABLE \"" + k + "\" (A INT)");
      }
    }
    assertEquals(List.of(), notReserved);
  }

  @Test
  void identifierQuoteString_isDoubleQuote_andQuotedNamesKeepTheirCase() throws SQLException {
    assertEquals("\"", md.getIdentifierQuoteString());
    s.execute("CREATE TABLE \"Mixed\" (\"a b\" INT)");
    s.execute("CREATE TABLE plain (x INT)");
    assertTrue(md.storesUpperCaseIdentifiers() && md.storesMixedCaseQuotedIdentifiers());
    assertEquals(List.of("Mixed", "PLAIN"), MetaDataFixture.column(md.getTables(null, "PUBLIC", null, null),
        "TABLE_NAME"));
  }

  @Test
  void extraNameCharacters_areAcceptedInUnquotedNames() throws SQLException {
    for (char ch : md.getExtraNameCharacters().toCharArray()) {
      s.execute("CREATE TABLE T" + ch + "X (A INT)");
    }
    assertThrows(SQLException.class, () -> s.execute("CREATE TABLE T#X (A INT)"));
  }

  @Test
  void maxNameLengths_areEnforcedByTheParser() throws SQLException {
    int max = md.getMaxTableNameLength();
    assertEquals(max, md.getMaxColumnNameLength());
    assertEquals(max, md.getMaxSchemaNameLength());
    s.execute("CREATE TABLE " + "T".repeat(max) + " (" + "C".repeat(max) + " INT)");
    assertThrows(SQLException.class, () -> s.execute("CREATE TABLE " + "U".repeat(max + 1) + " (A INT)"));
  }

  @Test
  void nullsAreSortedLow_nullsComeFirstAscendingAndLastDescending() throws SQLException {
    assertTrue(md.nullsAreSortedLow());
    assertFalse(md.nullsAreSortedHigh() || md.nullsAreSortedAtStart() || md.nullsAreSortedAtEnd());
    assertEquals(null, one("SELECT x FROM (VALUES (1), (CAST(NULL AS INT))) AS t(x) ORDER BY x"));
    assertEquals("1", one("SELECT x FROM (VALUES (1), (CAST(NULL AS INT))) AS t(x) ORDER BY x DESC"));
  }

  @Test
  void alterTableAddAndDropColumn_work() throws SQLException {
    assertTrue(md.supportsAlterTableWithAddColumn() && md.supportsAlterTableWithDropColumn());
    s.execute("CREATE TABLE t (a INT)");
    s.execute("ALTER TABLE t ADD COLUMN b INT");
    s.execute("ALTER TABLE t DROP COLUMN a");
    assertEquals(List.of("B"), MetaDataFixture.column(md.getColumns(null, null, "T", null), "COLUMN_NAME"));
  }

  @Test
  void queryFeaturesClaimed_work() throws SQLException {
    assertTrue(md.supportsLikeEscapeClause() && md.supportsFullOuterJoins() && md.supportsUnion()
        && md.supportsCorrelatedSubqueries() && md.supportsGroupByUnrelated() && md.supportsOrderByUnrelated()
        && md.supportsExpressionsInOrderBy() && md.supportsColumnAliasing() && md.nullPlusNonNullIsNull());
    assertEquals("1", one("SELECT COUNT(*) FROM (VALUES ('a_b'), ('axb')) AS t(x) WHERE x LIKE 'a!_b' ESCAPE '!'"));
    assertEquals("3", one("SELECT COUNT(*) FROM (VALUES (1), (2)) AS a(x) FULL OUTER JOIN (VALUES (2), (3)) AS b(y)"
        + " ON x = y"));
    assertEquals("2", one("SELECT x + 1 AS y FROM (VALUES (2, 'b'), (1, 'a')) AS t(x, z) GROUP BY x"
        + " ORDER BY MAX(z)"));
    assertEquals(null, one("SELECT 1 + CAST(NULL AS INT) FROM (VALUES (1))"));
  }

  @Test
  void supportedIsolationLevels_areAcceptedBySetTransactionIsolation() throws SQLException {
    for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
        Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
      assertTrue(md.supportsTransactionIsolationLevel(level));
      c.setTransactionIsolation(level);
    }
    assertFalse(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
    assertEquals(Connection.TRANSACTION_READ_COMMITTED, md.getDefaultTransactionIsolation());
  }

  @Test
  void resultSetTypes_forwardOnlyAndScrollInsensitive_readOnly_asStatementsGive() throws SQLException {
    assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
    assertTrue(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE));
    assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY));
    assertFalse(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
    try (Statement st = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
      assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, st.getResultSetType());
    }
    try (Statement st = c.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE)) {
      assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, st.getResultSetType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, st.getResultSetConcurrency());
    }
  }
}
