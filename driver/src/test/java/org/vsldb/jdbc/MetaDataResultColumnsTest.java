package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every result set of {@link DatabaseMetaData} has the columns its javadoc lists: the same names,
 * in the same order, with the JDBC type of the javadoc's Java type; and every value it holds is
 * of that Java type. DBeaver reads these columns by name and SQuirreL by position.
 */
class MetaDataResultColumnsTest {
  private static Connection c;

  @BeforeAll
  static void open() throws SQLException {
    c = MetaDataFixture.open();
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  /** A metadata call. */
  interface Call {
    ResultSet run(DatabaseMetaData md) throws SQLException;
  }

  // The javadoc's Java types and the JDBC types they are reported with.
  private static final Map<String, Integer> JDBC_TYPES = Map.of(
      "String", Types.VARCHAR, "int", Types.INTEGER, "short", Types.SMALLINT, "boolean", Types.BOOLEAN,
      "long", Types.BIGINT);
  // getObject of a SMALLINT column is an Integer (JDBC 4.3 table B-3).
  private static final Map<String, Class<?>> JAVA_TYPES = Map.of(
      "String", String.class, "int", Integer.class, "short", Integer.class, "boolean", Boolean.class,
      "long", Long.class);

  private static final String PROCEDURE_COLUMNS_HEAD =
      "PROCEDURE_CAT String, PROCEDURE_SCHEM String, PROCEDURE_NAME String, COLUMN_NAME String,"
          + " COLUMN_TYPE short, DATA_TYPE int, TYPE_NAME String, PRECISION int, LENGTH int, SCALE short,"
          + " RADIX short, NULLABLE short, REMARKS String";
  private static final String KEY_COLUMNS =
      "PKTABLE_CAT String, PKTABLE_SCHEM String, PKTABLE_NAME String, PKCOLUMN_NAME String,"
          + " FKTABLE_CAT String, FKTABLE_SCHEM String, FKTABLE_NAME String, FKCOLUMN_NAME String,"
          + " KEY_SEQ short, UPDATE_RULE short, DELETE_RULE short, FK_NAME String, PK_NAME String,"
          + " DEFERRABILITY short";
  private static final String ROW_ID_COLUMNS =
      "SCOPE short, COLUMN_NAME String, DATA_TYPE int, TYPE_NAME String, COLUMN_SIZE int, BUFFER_LENGTH int,"
          + " DECIMAL_DIGITS short, PSEUDO_COLUMN short";

  static Stream<Arguments> methods() {
    return Stream.of(
        method("getTables", md -> md.getTables(null, null, "%", null),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, TABLE_TYPE String, REMARKS String,"
                + " TYPE_CAT String, TYPE_SCHEM String, TYPE_NAME String, SELF_REFERENCING_COL_NAME String,"
                + " REF_GENERATION String"),
        method("getColumns", md -> md.getColumns(null, null, "%", "%"),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, COLUMN_NAME String, DATA_TYPE int,"
                + " TYPE_NAME String, COLUMN_SIZE int, BUFFER_LENGTH int, DECIMAL_DIGITS int,"
                + " NUM_PREC_RADIX int, NULLABLE int, REMARKS String, COLUMN_DEF String, SQL_DATA_TYPE int,"
                + " SQL_DATETIME_SUB int, CHAR_OCTET_LENGTH int, ORDINAL_POSITION int, IS_NULLABLE String,"
                + " SCOPE_CATALOG String, SCOPE_SCHEMA String, SCOPE_TABLE String, SOURCE_DATA_TYPE short,"
                + " IS_AUTOINCREMENT String, IS_GENERATEDCOLUMN String"),
        method("getPrimaryKeys", md -> md.getPrimaryKeys(null, "SHOP", "ORDER_LINE"),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, COLUMN_NAME String, KEY_SEQ short,"
                + " PK_NAME String"),
        method("getIndexInfo", md -> md.getIndexInfo(null, "SHOP", "ORDERS", false, true),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, NON_UNIQUE boolean,"
                + " INDEX_QUALIFIER String, INDEX_NAME String, TYPE short, ORDINAL_POSITION short,"
                + " COLUMN_NAME String, ASC_OR_DESC String, CARDINALITY long, PAGES long,"
                + " FILTER_CONDITION String"),
        method("getImportedKeys", md -> md.getImportedKeys(null, "SHOP", "ORDER_LINE"), KEY_COLUMNS),
        method("getExportedKeys", md -> md.getExportedKeys(null, "SHOP", "CUSTOMER"), KEY_COLUMNS),
        method("getCrossReference", md -> md.getCrossReference(null, "SHOP", "ORDERS", null, "SHOP", "ORDER_LINE"),
            KEY_COLUMNS),
        method("getTypeInfo", DatabaseMetaData::getTypeInfo,
            "TYPE_NAME String, DATA_TYPE int, PRECISION int, LITERAL_PREFIX String, LITERAL_SUFFIX String,"
                + " CREATE_PARAMS String, NULLABLE short, CASE_SENSITIVE boolean, SEARCHABLE short,"
                + " UNSIGNED_ATTRIBUTE boolean, FIXED_PREC_SCALE boolean, AUTO_INCREMENT boolean,"
                + " LOCAL_TYPE_NAME String, MINIMUM_SCALE short, MAXIMUM_SCALE short, SQL_DATA_TYPE int,"
                + " SQL_DATETIME_SUB int, NUM_PREC_RADIX int"),
        method("getSchemas()", DatabaseMetaData::getSchemas, "TABLE_SCHEM String, TABLE_CATALOG String"),
        method("getSchemas(catalog, pattern)", md -> md.getSchemas(null, "%"),
            "TABLE_SCHEM String, TABLE_CATALOG String"),
        method("getCatalogs", DatabaseMetaData::getCatalogs, "TABLE_CAT String"),
        method("getTableTypes", DatabaseMetaData::getTableTypes, "TABLE_TYPE String"),
        method("getFunctions", md -> md.getFunctions(null, null, "%"),
            "FUNCTION_CAT String, FUNCTION_SCHEM String, FUNCTION_NAME String, REMARKS String,"
                + " FUNCTION_TYPE short, SPECIFIC_NAME String"),
        method("getFunctionColumns", md -> md.getFunctionColumns(null, null, "%", "%"),
            "FUNCTION_CAT String, FUNCTION_SCHEM String, FUNCTION_NAME String, COLUMN_NAME String,"
                + " COLUMN_TYPE short, DATA_TYPE int, TYPE_NAME String, PRECISION int, LENGTH int,"
                + " SCALE short, RADIX short, NULLABLE short, REMARKS String, CHAR_OCTET_LENGTH int,"
                + " ORDINAL_POSITION int, IS_NULLABLE String, SPECIFIC_NAME String"),
        method("getProcedures", md -> md.getProcedures(null, null, "%"),
            "PROCEDURE_CAT String, PROCEDURE_SCHEM String, PROCEDURE_NAME String, RESERVED1 String,"
                + " RESERVED2 String, RESERVED3 String, REMARKS String, PROCEDURE_TYPE short,"
                + " SPECIFIC_NAME String"),
        method("getProcedureColumns", md -> md.getProcedureColumns(null, null, "%", "%"),
            PROCEDURE_COLUMNS_HEAD + ", COLUMN_DEF String, SQL_DATA_TYPE int, SQL_DATETIME_SUB int,"
                + " CHAR_OCTET_LENGTH int, ORDINAL_POSITION int, IS_NULLABLE String, SPECIFIC_NAME String"),
        method("getUDTs", md -> md.getUDTs(null, null, "%", null),
            "TYPE_CAT String, TYPE_SCHEM String, TYPE_NAME String, CLASS_NAME String, DATA_TYPE int,"
                + " REMARKS String, BASE_TYPE short"),
        method("getClientInfoProperties", DatabaseMetaData::getClientInfoProperties,
            "NAME String, MAX_LEN int, DEFAULT_VALUE String, DESCRIPTION String"),
        method("getColumnPrivileges", md -> md.getColumnPrivileges(null, "SHOP", "ORDERS", "%"),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, COLUMN_NAME String, GRANTOR String,"
                + " GRANTEE String, PRIVILEGE String, IS_GRANTABLE String"),
        method("getTablePrivileges", md -> md.getTablePrivileges(null, null, "%"),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, GRANTOR String, GRANTEE String,"
                + " PRIVILEGE String, IS_GRANTABLE String"),
        method("getBestRowIdentifier",
            md -> md.getBestRowIdentifier(null, "SHOP", "ORDERS", DatabaseMetaData.bestRowSession, false),
            ROW_ID_COLUMNS),
        method("getVersionColumns", md -> md.getVersionColumns(null, "SHOP", "ORDERS"), ROW_ID_COLUMNS),
        method("getSuperTypes", md -> md.getSuperTypes(null, null, "%"),
            "TYPE_CAT String, TYPE_SCHEM String, TYPE_NAME String, SUPERTYPE_CAT String,"
                + " SUPERTYPE_SCHEM String, SUPERTYPE_NAME String"),
        method("getSuperTables", md -> md.getSuperTables(null, null, "%"),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, SUPERTABLE_NAME String"),
        method("getAttributes", md -> md.getAttributes(null, null, "%", "%"),
            "TYPE_CAT String, TYPE_SCHEM String, TYPE_NAME String, ATTR_NAME String, DATA_TYPE int,"
                + " ATTR_TYPE_NAME String, ATTR_SIZE int, DECIMAL_DIGITS int, NUM_PREC_RADIX int,"
                + " NULLABLE int, REMARKS String, ATTR_DEF String, SQL_DATA_TYPE int, SQL_DATETIME_SUB int,"
                + " CHAR_OCTET_LENGTH int, ORDINAL_POSITION int, IS_NULLABLE String, SCOPE_CATALOG String,"
                + " SCOPE_SCHEMA String, SCOPE_TABLE String, SOURCE_DATA_TYPE short"),
        method("getPseudoColumns", md -> md.getPseudoColumns(null, null, "%", "%"),
            "TABLE_CAT String, TABLE_SCHEM String, TABLE_NAME String, COLUMN_NAME String, DATA_TYPE int,"
                + " COLUMN_SIZE int, DECIMAL_DIGITS int, NUM_PREC_RADIX int, COLUMN_USAGE String,"
                + " REMARKS String, CHAR_OCTET_LENGTH int, IS_NULLABLE String"));
  }

  private static Arguments method(String name, Call call, String columns) {
    return Arguments.of(name, call, List.of(columns.split(", ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void resultColumns_haveTheJavadocsNamesOrderAndTypes(String method, Call call, List<String> expected)
      throws SQLException {
    List<String> actual = new ArrayList<>();
    try (ResultSet rs = call.run(c.getMetaData())) {
      ResultSetMetaData m = rs.getMetaData();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        actual.add(m.getColumnLabel(i) + " " + javaName(m.getColumnType(i)));
      }
    }
    assertEquals(expected, actual, method);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void everyValue_isNullOrOfItsColumnsJavaType(String method, Call call, List<String> expected)
      throws SQLException {
    try (ResultSet rs = call.run(c.getMetaData())) {
      while (rs.next()) {
        for (int i = 1; i <= expected.size(); i++) {
          Object v = rs.getObject(i);
          Class<?> type = JAVA_TYPES.get(expected.get(i - 1).split(" ")[1]);
          String column = expected.get(i - 1);
          assertTrue(v == null || type.isInstance(v),
              () -> method + " " + column + " holds a " + v.getClass().getSimpleName());
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("methods")
  void columnsAreFoundByName(String method, Call call, List<String> expected) throws SQLException {
    try (ResultSet rs = call.run(c.getMetaData())) {
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(i + 1, rs.findColumn(expected.get(i).split(" ")[0]), method);
      }
    }
  }

  private static String javaName(int jdbcType) {
    return JDBC_TYPES.entrySet().stream().filter(e -> e.getValue() == jdbcType).map(Map.Entry::getKey)
        .findFirst().orElse("JDBC type " + jdbcType);
  }
}
