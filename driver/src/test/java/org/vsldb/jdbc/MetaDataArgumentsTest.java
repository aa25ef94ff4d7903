package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.vsldb.jdbc.MetaDataFixture.column;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arguments as the JDBC javadoc defines them: patterns with {@code %}, {@code _} and the search
 * string escape; null meaning "do not filter"; "" meaning "without a catalog/schema"; and an
 * object that does not exist giving an empty result, never an exception.
 */
class MetaDataArgumentsTest {
  private static Connection c;
  private static DatabaseMetaData md;

  @BeforeAll
  static void open() throws SQLException {
    c = MetaDataFixture.open();
    md = c.getMetaData();
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  private static List<String> tables(String schema, String pattern) throws SQLException {
    return column(md.getTables(null, schema, pattern, new String[] {"TABLE", "VIEW"}), "TABLE_NAME");
  }

  @Test
  void underscore_matchesAnyOneCharacter() throws SQLException {
    assertEquals(List.of("AXB", "A_B"), tables("PUBLIC", "A_B"));
  }

  @Test
  void escapedUnderscore_matchesOnlyAnUnderscore() throws SQLException {
    String escape = md.getSearchStringEscape();
    assertEquals(List.of("A_B"), tables("PUBLIC", "A" + escape + "_B"));
  }

  @Test
  void percent_matchesAnySequence_andPatternsApplyToSchemas() throws SQLException {
    assertEquals(List.of("ORDERS", "ORDER_LINE"), tables("SH_P", "ORDER%"));
    assertEquals(List.of("ORDERS", "ORDER_LINE"), tables("%", "%ORDER%").stream()
        .filter(t -> !t.equals("BIG_ORDERS")).toList());
  }

  @Test
  void patterns_areCaseSensitive_asNamesAreStored() throws SQLException {
    assertEquals(List.of(), tables("SHOP", "orders"));
  }

  @Test
  void nullSchemaAndName_matchEverything() throws SQLException {
    assertEquals(List.of("AXB", "A_B", "CUSTOMER", "ORDERS", "ORDER_LINE", "BIG_ORDERS"), tables(null, null));
    assertEquals(List.of("ID", "TOTAL"), column(md.getColumns(null, null, "BIG_ORDERS", null), "COLUMN_NAME"));
  }

  @Test
  void emptySchema_matchesNothing_asEveryObjectHasASchema() throws SQLException {
    assertEquals(List.of(), tables("", "%"));
    assertEquals(List.of(), column(md.getPrimaryKeys(null, "", "ORDERS"), "COLUMN_NAME"));
  }

  @Test
  void emptyCatalog_matchesEverything_andACatalogName_nothing() throws SQLException {
    assertEquals(tables(null, null), column(md.getTables("", null, null, new String[] {"TABLE", "VIEW"}),
        "TABLE_NAME"));
    assertEquals(List.of(), column(md.getTables("VSL", null, null, null), "TABLE_NAME"));
    assertEquals(List.of(), column(md.getColumns("VSL", "SHOP", "ORDERS", null), "COLUMN_NAME"));
    assertEquals(List.of(), column(md.getSchemas("VSL", null), "TABLE_SCHEM"));
    assertEquals(List.of(), column(md.getImportedKeys("VSL", "SHOP", "ORDER_LINE"), "FK_NAME"));
  }

  @Test
  void nullSchema_inExactNameMethods_searchesEverySchema() throws SQLException {
    assertEquals(List.of("ID"), column(md.getPrimaryKeys(null, null, "ORDERS"), "COLUMN_NAME"));
    assertEquals(List.of("FK_LINE_ORDER"), column(md.getImportedKeys(null, null, "ORDER_LINE"), "FK_NAME"));
    assertEquals(List.of("FK_ORDERS_CUSTOMER"), column(md.getExportedKeys(null, null, "CUSTOMER"), "FK_NAME"));
  }

  @Test
  void exactNameMethods_takeNamesLiterally_notAsPatterns() throws SQLException {
    assertEquals(List.of(), column(md.getPrimaryKeys(null, "SHOP", "ORDER%"), "COLUMN_NAME"));
    assertEquals(List.of(), column(md.getIndexInfo(null, "SHOP", "ORDER_", false, true), "INDEX_NAME"));
  }

  @Test
  void missingObjects_giveEmptyResults_neverAnException() throws SQLException {
    for (ResultSet rs : List.of(
        md.getTables(null, "NO_SUCH", "%", null),
        md.getColumns(null, "SHOP", "NO_SUCH", "%"),
        md.getColumns(null, "SHOP", "ORDERS", "NO_SUCH"),
        md.getPrimaryKeys(null, "SHOP", "NO_SUCH"),
        md.getPrimaryKeys(null, "SHOP", "BIG_ORDERS"),
        md.getIndexInfo(null, "NO_SUCH", "ORDERS", false, true),
        md.getIndexInfo(null, "SHOP", "BIG_ORDERS", false, true),
        md.getImportedKeys(null, "SHOP", "NO_SUCH"),
        md.getExportedKeys(null, "NO_SUCH", "CUSTOMER"),
        md.getCrossReference(null, "SHOP", "NO_SUCH", null, "SHOP", "ORDERS"),
        md.getBestRowIdentifier(null, "SHOP", "NO_SUCH", DatabaseMetaData.bestRowSession, true),
        md.getSchemas(null, "NO_SUCH"),
        md.getColumnPrivileges(null, "SHOP", "NO_SUCH", null),
        md.getVersionColumns(null, "SHOP", "NO_SUCH"))) {
      try (rs) {
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void getBestRowIdentifier_isThePrimaryKey() throws SQLException {
    assertEquals(List.of("ORDER_ID", "LINE_NO"), column(
        md.getBestRowIdentifier(null, "SHOP", "ORDER_LINE", DatabaseMetaData.bestRowSession, false), "COLUMN_NAME"));
  }
}
