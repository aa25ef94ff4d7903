package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vsldb.jdbc.MetaDataFixture.column;
import static org.vsldb.jdbc.MetaDataFixture.rows;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData describes the schema's tables, views, columns, keys and indexes as they are. */
class MetaDataObjectsTest {
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

  @Test
  void getTables_listsTablesAndViews_orderedByTypeSchemaAndName() throws SQLException {
    assertEquals(List.of("SHOP.CUSTOMER.TABLE", "SHOP.ORDERS.TABLE", "SHOP.ORDER_LINE.TABLE", "SHOP.BIG_ORDERS.VIEW"),
        rows(md.getTables(null, "SHOP", "%", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
  }

  @Test
  void getTables_typeFilter_returnsOnlyThoseTypes() throws SQLException {
    assertEquals(List.of("BIG_ORDERS"), column(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
    assertEquals(List.of("AXB", "A_B", "CUSTOMER", "ORDERS", "ORDER_LINE"),
        column(md.getTables(null, null, "%", new String[] {"TABLE"}), "TABLE_NAME"));
    assertTrue(column(md.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}), "TABLE_SCHEM").stream()
        .allMatch("INFORMATION_SCHEMA"::equals));
    assertEquals(List.of(), column(md.getTables(null, null, "%", new String[] {"SYNONYM"}), "TABLE_NAME"));
  }

  @Test
  void everyTableTypeOfGetTables_isAValueOfGetTableTypes() throws SQLException {
    List<String> types = column(md.getTableTypes(), "TABLE_TYPE");
    assertEquals(List.of("SYSTEM TABLE", "TABLE", "VIEW"), types);
    assertEquals(new HashSet<>(types), new HashSet<>(column(md.getTables(null, null, null, null), "TABLE_TYPE")));
  }

  @Test
  void informationSchemaTables_areSystemTables_withTheirColumns() throws SQLException {
    List<String> system = column(md.getTables(null, "INFORMATION_SCHEMA", "%", null), "TABLE_NAME");
    assertTrue(system.containsAll(List.of("COLUMNS", "INDEXES", "SCHEMATA", "TABLES", "VIEWS")), system.toString());
    assertEquals(List.of("TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE"),
        column(md.getColumns(null, "INFORMATION_SCHEMA", "TABLES", null), "COLUMN_NAME"));
  }

  @Test
  void getSchemas_listsEverySchemaIncludingInformationSchema_sorted() throws SQLException {
    assertEquals(List.of("INFORMATION_SCHEMA", "PUBLIC", "SHOP"), column(md.getSchemas(), "TABLE_SCHEM"));
    assertEquals(List.of("SHOP"), column(md.getSchemas(null, "SH%"), "TABLE_SCHEM"));
  }

  @Test
  void getColumns_describesEachColumn() throws SQLException {
    assertEquals(List.of(
            "ID.4.INTEGER.10.0.NO.null.NO",
            "NAME.12.VARCHAR.40.null.NO.null.NO",
            "EMAIL.12.VARCHAR.80.null.YES.null.NO",
            "CREATED.93.TIMESTAMP.23.3.YES.CURRENT_TIMESTAMP.NO"),
        rows(md.getColumns(null, "SHOP", "CUSTOMER", null), "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE",
            "DECIMAL_DIGITS", "IS_NULLABLE", "COLUMN_DEF", "IS_AUTOINCREMENT"));
    assertEquals(List.of("ID.BIGINT.YES", "CUSTOMER_ID.INTEGER.NO", "TOTAL.DECIMAL.NO", "PLACED.DATE.NO"),
        rows(md.getColumns(null, "SHOP", "ORDERS", null), "COLUMN_NAME", "TYPE_NAME", "IS_AUTOINCREMENT"));
    assertEquals(List.of("TOTAL.10.2"),
        rows(md.getColumns(null, "SHOP", "ORDERS", "TOTAL"), "COLUMN_NAME", "COLUMN_SIZE", "DECIMAL_DIGITS"));
  }

  @Test
  void getColumns_ofAView_comeFromItsQuery() throws SQLException {
    assertEquals(List.of("ID.BIGINT.1", "TOTAL.DECIMAL.2"),
        rows(md.getColumns(null, "SHOP", "BIG_ORDERS", null), "COLUMN_NAME", "TYPE_NAME", "ORDINAL_POSITION"));
  }

  @Test
  void ordinalPositions_areUniquePerTable_andStartAtOne() throws SQLException {
    List<String> seen = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, null, null, null)) {
      String table = null;
      int expected = 0;
      while (rs.next()) {
        String t = rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME");
        expected = t.equals(table) ? expected + 1 : 1;
        table = t;
        assertEquals(expected, rs.getInt("ORDINAL_POSITION"), t + "." + rs.getString("COLUMN_NAME"));
        seen.add(t);
      }
    }
    assertTrue(seen.contains("SHOP.BIG_ORDERS") && seen.contains("INFORMATION_SCHEMA.COLUMNS"), seen.toString());
  }

  @Test
  void getPrimaryKeys_listsKeyColumnsByColumnName_withTheirKeySequence() throws SQLException {
    assertEquals(List.of("LINE_NO.2.PK_ORDER_LINE", "ORDER_ID.1.PK_ORDER_LINE"),
        rows(md.getPrimaryKeys(null, "SHOP", "ORDER_LINE"), "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
  }

  @Test
  void getIndexInfo_listsThePrimaryKeyUniqueConstraintsAndIndexes_uniqueFirst() throws SQLException {
    assertEquals(List.of("FALSE.CUSTOMER_EMAIL.1.EMAIL.A", "FALSE.PK_CUSTOMER.1.ID.A"),
        rows(md.getIndexInfo(null, "SHOP", "CUSTOMER", false, true), "NON_UNIQUE", "INDEX_NAME",
            "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC"));
    List<String> orders = rows(md.getIndexInfo(null, "SHOP", "ORDERS", false, true), "NON_UNIQUE", "INDEX_NAME");
    assertEquals("FALSE.PK_ORDERS", orders.get(0));
    assertTrue(orders.contains("TRUE.ORDERS_PLACED"), orders.toString());
    assertEquals(List.of("FALSE.PK_ORDERS"),
        rows(md.getIndexInfo(null, "SHOP", "ORDERS", true, true), "NON_UNIQUE", "INDEX_NAME"));
  }

  @Test
  void getImportedKeys_namesParentChildAndBothConstraints() throws SQLException {
    assertEquals(List.of("ORDERS.ID.ORDER_LINE.ORDER_ID.1.FK_LINE_ORDER.PK_ORDERS"),
        rows(md.getImportedKeys(null, "SHOP", "ORDER_LINE"), "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME",
            "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME", "PK_NAME"));
    try (ResultSet rs = md.getImportedKeys(null, "SHOP", "ORDER_LINE")) {
      assertTrue(rs.next());
      assertEquals(DatabaseMetaData.importedKeyRestrict, rs.getShort("UPDATE_RULE"));
      assertEquals(DatabaseMetaData.importedKeyRestrict, rs.getShort("DELETE_RULE"));
      assertEquals(DatabaseMetaData.importedKeyNotDeferrable, rs.getShort("DEFERRABILITY"));
    }
  }

  @Test
  void getExportedKeysAndCrossReference_findTheSameForeignKeysFromTheParent() throws SQLException {
    assertEquals(List.of("ORDERS.FK_ORDERS_CUSTOMER"),
        rows(md.getExportedKeys(null, "SHOP", "CUSTOMER"), "FKTABLE_NAME", "FK_NAME"));
    assertEquals(List.of("ORDER_LINE.FK_LINE_ORDER"),
        rows(md.getCrossReference(null, "SHOP", "ORDERS", null, "SHOP", "ORDER_LINE"), "FKTABLE_NAME", "FK_NAME"));
    assertEquals(List.of(), column(md.getCrossReference(null, "SHOP", "CUSTOMER", null, "SHOP", "ORDER_LINE"),
        "FK_NAME"));
  }

  @Test
  void getTypeInfo_listsEveryColumnType_orderedByDataType() throws SQLException {
    List<String> names = column(md.getTypeInfo(), "TYPE_NAME");
    Set<String> expected = Set.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE",
        "DECIMAL", "CHAR", "VARCHAR", "BINARY", "VARBINARY", "DATE", "TIME", "TIMESTAMP",
        "TIMESTAMP WITH LOCAL TIME ZONE", "UUID", "CLOB", "BLOB");
    assertEquals(expected, new HashSet<>(names));
    assertEquals(expected.size(), names.size());
    List<Integer> types = new ArrayList<>();
    try (ResultSet rs = md.getTypeInfo()) {
      while (rs.next()) {
        types.add(rs.getInt("DATA_TYPE"));
      }
    }
    assertEquals(types.stream().sorted().toList(), types);
    assertTrue(types.containsAll(List.of(Types.BINARY, Types.VARBINARY, Types.BLOB, Types.CLOB,
        Types.TIMESTAMP_WITH_TIMEZONE)));
  }

  @Test
  void getTypeInfo_everyTypeName_canDeclareAColumn_andIntegerTypesAutoIncrement() throws SQLException {
    try (ResultSet rs = md.getTypeInfo(); java.sql.Statement s = c.createStatement()) {
      int i = 0;
      while (rs.next()) {
        String name = rs.getString("TYPE_NAME");
        String params = rs.getString("CREATE_PARAMS");
        String declared = params == null ? name : params.contains(",") ? name + "(10,2)" : name + "(10)";
        String identity = rs.getBoolean("AUTO_INCREMENT") ? " GENERATED BY DEFAULT AS IDENTITY" : "";
        s.execute("CREATE TABLE TYPE_" + ++i + " (C " + declared + identity + ")");
      }
    }
  }
}
