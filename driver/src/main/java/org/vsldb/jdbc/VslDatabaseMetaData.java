package org.vsldb.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * {@link DatabaseMetaData} read from the store's catalog. Result columns are named and ordered as
 * the JDBC javadoc lists them. vsl has no catalogs: catalog columns are null.
 */
final class VslDatabaseMetaData implements DatabaseMetaData {

  private final VslConnection connection;

  VslDatabaseMetaData(VslConnection connection) {
    this.connection = connection;
  }

  private List<Table> tables(String schemaPattern, String tablePattern) throws SQLException {
    connection.checkOpen();
    List<Table> out = new ArrayList<>();
    for (Table t : connection.engine().store().catalog().tables()) {
      TableDef d = t.def();
      if (MetaResults.matches(schemaPattern, d.schema()) && MetaResults.matches(tablePattern, d.name())) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparing((Table t) -> t.def().schema()).thenComparing(t -> t.def().name()));
    return out;
  }

  private static Table exact(List<Table> tables, String schema, String table) {
    for (Table t : tables) {
      if ((schema == null || schema.equals(t.def().schema())) && t.def().name().equals(table)) {
        return t;
      }
    }
    return null;
  }

  // DatabaseMetaData: catalog queries ///////////////////////////////////////////////////////

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tablePattern, String[] types)
      throws SQLException {
    boolean wantTables = types == null;
    if (types != null) {
      for (String t : types) {
        wantTables |= "TABLE".equalsIgnoreCase(t);
      }
    }
    List<Object[]> rows = new ArrayList<>();
    if (wantTables) {
      for (Table t : tables(schemaPattern, tablePattern)) {
        rows.add(new Object[] {null, t.def().schema(), t.def().name(), "TABLE", "", null, null, null, null, null});
      }
    }
    return MetaResults.of(null, MetaResults.columns(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
        "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"), rows);
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (Table t : tables(schemaPattern, tablePattern)) {
      List<ColumnDef> cols = t.def().columns();
      for (int i = 0; i < cols.size(); i++) {
        ColumnDef c = cols.get(i);
        if (!MetaResults.matches(columnPattern, c.name())) {
          continue;
        }
        TypeInfo ti = TypeInfo.of(c);
        rows.add(new Object[] {
          null, t.def().schema(), t.def().name(), c.name(), ti.jdbcType, ti.name, ti.columnSize,
          null, ti.decimalDigits, ti.radix, c.nullable() ? columnNullable : columnNoNulls, "", null,
          null, null, ti.charOctetLength, i + 1, c.nullable() ? "YES" : "NO", null, null, null,
          null, "NO", "NO"
        });
      }
    }
    return MetaResults.of(null, MetaResults.columns(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:INTEGER", "TYPE_NAME",
        "COLUMN_SIZE:INTEGER", "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:INTEGER",
        "NUM_PREC_RADIX:INTEGER", "NULLABLE:INTEGER", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:INTEGER",
        "SQL_DATETIME_SUB:INTEGER", "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER",
        "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:SMALLINT",
        "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN"), rows);
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    Table t = table == null ? null : exact(tables(null, null), schema, table);
    if (t != null) {
      List<String> names = t.def().primaryKeyNames();
      for (int i = 0; i < names.size(); i++) {
        rows.add(new Object[] {null, t.def().schema(), t.def().name(), names.get(i), (short) (i + 1),
          t.def().primaryKeyName()});
      }
      rows.sort(Comparator.comparing(r -> (String) r[3]));
    }
    return MetaResults.of(null, MetaResults.columns(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:SMALLINT", "PK_NAME"), rows);
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    Table t = table == null ? null : exact(tables(null, null), schema, table);
    if (t != null) {
      List<String> names = t.def().primaryKeyNames();
      for (int i = 0; i < names.size(); i++) {
        rows.add(new Object[] {null, t.def().schema(), t.def().name(), false, null,
          t.def().primaryKeyName(), tableIndexOther, (short) (i + 1), names.get(i), "A",
          t.approximateRowCount(), 0L, null});
      }
      for (org.vsldb.storage.table.IndexDef ix : t.def().indexes()) {
        if (unique && !ix.unique()) {
          continue;
        }
        List<String> cols = t.def().names(ix.columns());
        for (int i = 0; i < cols.size(); i++) {
          rows.add(new Object[] {null, t.def().schema(), t.def().name(), !ix.unique(), null,
            ix.name(), tableIndexOther, (short) (i + 1), cols.get(i), "A",
            t.approximateRowCount(), 0L, null});
        }
      }
    }
    return MetaResults.of(null, MetaResults.columns(
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:BOOLEAN", "INDEX_QUALIFIER", "INDEX_NAME",
        "TYPE:SMALLINT", "ORDINAL_POSITION:SMALLINT", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY:BIGINT",
        "PAGES:BIGINT", "FILTER_CONDITION"), rows);
  }

  private static final String[] KEY_COLUMNS = {
    "PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM",
    "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:SMALLINT", "UPDATE_RULE:SMALLINT", "DELETE_RULE:SMALLINT",
    "FK_NAME", "PK_NAME", "DEFERRABILITY:SMALLINT"
  };

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return keys(null, null, schema, table);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return keys(schema, table, null, null);
  }

  @Override
  public ResultSet getCrossReference(String pc, String ps, String pt, String fc, String fs, String ft)
      throws SQLException {
    return keys(ps, pt, fs, ft);
  }

  /** Foreign-key columns, filtered by parent and child table (null: any), in the JDBC order. */
  private ResultSet keys(String parentSchema, String parentTable, String childSchema, String childTable)
      throws SQLException {
    connection.checkOpen();
    org.vsldb.storage.table.Catalog catalog = connection.engine().store().catalog();
    List<Object[]> rows = new ArrayList<>();
    for (Table child : catalog.tables()) {
      if (!matches(child, childSchema, childTable)) {
        continue;
      }
      for (org.vsldb.storage.table.ForeignKeyDef fk : child.def().foreignKeys()) {
        Table parent = catalog.table(fk.refTableId());
        if (parent == null || !matches(parent, parentSchema, parentTable)) {
          continue;
        }
        int[] cols = fk.columns();
        int[] refs = fk.refColumns();
        for (int i = 0; i < cols.length; i++) {
          rows.add(new Object[] {null, parent.def().schema(), parent.def().name(),
            parent.def().columns().get(refs[i]).name(), null, child.def().schema(), child.def().name(),
            child.def().columns().get(cols[i]).name(), (short) (i + 1), (short) importedKeyRestrict,
            (short) importedKeyRestrict, fk.name(),
            org.vsldb.sql.schema.InformationSchema.referencedConstraint(parent.def(), refs),
            (short) importedKeyNotDeferrable});
        }
      }
    }
    rows.sort(Comparator.<Object[], String>comparing(r -> (String) r[1]).thenComparing(r -> (String) r[2])
        .thenComparing(r -> (String) r[5]).thenComparing(r -> (String) r[6]).thenComparing(r -> (Short) r[8]));
    return MetaResults.of(null, MetaResults.columns(KEY_COLUMNS), rows);
  }

  private static boolean matches(Table t, String schema, String table) {
    return (schema == null || schema.equals(t.def().schema())) && (table == null || table.equals(t.def().name()));
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    connection.checkOpen();
    List<Object[]> rows = new ArrayList<>();
    for (String s : connection.engine().store().catalog().schemaNames()) {
      if (MetaResults.matches(schemaPattern, s)) {
        rows.add(new Object[] {s, null});
      }
    }
    rows.sort(Comparator.comparing(r -> (String) r[0]));
    return MetaResults.of(null, MetaResults.columns("TABLE_SCHEM", "TABLE_CATALOG"), rows);
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TABLE_CAT"), List.of());
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TABLE_TYPE"), List.<Object[]>of(new Object[] {"TABLE"}));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    connection.checkOpen();
    List<Object[]> rows = new ArrayList<>();
    for (org.vsldb.storage.table.ColumnType ct : org.vsldb.storage.table.ColumnType.values()) {
      TypeInfo ti = TypeInfo.of(new ColumnDef("X", ct, -1, -1, true));
      boolean chars = ct.isCharacter();
      String createParams = chars || ct.isBinary() ? "LENGTH"
          : ct == org.vsldb.storage.table.ColumnType.DECIMAL ? "PRECISION,SCALE" : null;
      String quote = chars ? "'" : switch (ct) {
        case DATE -> "DATE '";
        case TIME -> "TIME '";
        case TIMESTAMP -> "TIMESTAMP '";
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP WITH LOCAL TIME ZONE '";
        case BINARY, VARBINARY -> "X'";
        default -> null;
      };
      rows.add(new Object[] {
        ti.name, ti.jdbcType, ti.maxPrecision, quote, quote == null ? null : "'", createParams,
        (short) typeNullable, chars, (short) typeSearchable,
        !ti.signed, false, false, ti.name, (short) 0, (short) ti.maxScale, null, null, ti.radix
      });
    }
    // The documented equivalents (README, "SQL today"): columns declared so are VARCHAR and
    // VARBINARY, but tools that look a name up by JDBC type find these.
    rows.add(new Object[] {"CLOB", Types.CLOB, Integer.MAX_VALUE, "'", "'", null, (short) typeNullable, true,
        (short) typeSearchable, true, false, false, "CLOB", (short) 0, (short) 0, null, null, null});
    rows.add(new Object[] {"BLOB", Types.BLOB, Integer.MAX_VALUE, "X'", "'", null, (short) typeNullable, false,
        (short) typeSearchable, true, false, false, "BLOB", (short) 0, (short) 0, null, null, null});
    rows.sort(Comparator.comparing(r -> (Integer) r[1]));
    return MetaResults.of(null, MetaResults.columns(
        "TYPE_NAME", "DATA_TYPE:INTEGER", "PRECISION:INTEGER", "LITERAL_PREFIX", "LITERAL_SUFFIX",
        "CREATE_PARAMS", "NULLABLE:SMALLINT", "CASE_SENSITIVE:BOOLEAN", "SEARCHABLE:SMALLINT",
        "UNSIGNED_ATTRIBUTE:BOOLEAN", "FIXED_PREC_SCALE:BOOLEAN", "AUTO_INCREMENT:BOOLEAN",
        "LOCAL_TYPE_NAME", "MINIMUM_SCALE:SMALLINT", "MAXIMUM_SCALE:SMALLINT", "SQL_DATA_TYPE:INTEGER",
        "SQL_DATETIME_SUB:INTEGER", "NUM_PREC_RADIX:INTEGER"), rows);
  }

  // Objects vsl does not have: truthfully empty results, with the javadoc's columns.
  @Override
  public ResultSet getProcedures(String c, String s, String p) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
        "RESERVED1", "RESERVED2", "RESERVED3", "REMARKS", "PROCEDURE_TYPE:SMALLINT", "SPECIFIC_NAME"), List.of());
  }

  @Override
  public ResultSet getFunctions(String c, String s, String f) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
        "REMARKS", "FUNCTION_TYPE:SMALLINT", "SPECIFIC_NAME"), List.of());
  }

  @Override
  public ResultSet getUDTs(String c, String s, String t, int[] types) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME",
        "DATA_TYPE:INTEGER", "REMARKS", "BASE_TYPE:SMALLINT"), List.of());
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("NAME", "MAX_LEN:INTEGER", "DEFAULT_VALUE", "DESCRIPTION"),
        List.of());
  }

  @Override
  public ResultSet getTablePrivileges(String c, String s, String t) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR",
        "GRANTEE", "PRIVILEGE", "IS_GRANTABLE"), List.of());
  }

  @Override
  public ResultSet getColumnPrivileges(String c, String s, String t, String col) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
        "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE"), List.of());
  }

  @Override
  public ResultSet getSuperTables(String c, String s, String t) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME"),
        List.of());
  }

  @Override
  public ResultSet getSuperTypes(String c, String s, String t) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT",
        "SUPERTYPE_SCHEM", "SUPERTYPE_NAME"), List.of());
  }

  private static final String[] ROW_ID_COLUMNS = {
    "SCOPE:SMALLINT", "COLUMN_NAME", "DATA_TYPE:INTEGER", "TYPE_NAME", "COLUMN_SIZE:INTEGER",
    "BUFFER_LENGTH:INTEGER", "DECIMAL_DIGITS:SMALLINT", "PSEUDO_COLUMN:SMALLINT"
  };

  @Override
  public ResultSet getVersionColumns(String c, String s, String t) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns(ROW_ID_COLUMNS), List.of());
  }

  @Override
  public ResultSet getBestRowIdentifier(String c, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    Table t = table == null ? null : exact(tables(null, null), schema, table);
    if (t != null) {
      for (int p : t.def().primaryKey()) {
        ColumnDef col = t.def().columns().get(p);
        TypeInfo ti = TypeInfo.of(col);
        rows.add(new Object[] {(short) bestRowSession, col.name(), ti.jdbcType, ti.name, ti.columnSize, null,
          ti.decimalDigits == null ? null : (short) (int) ti.decimalDigits, (short) bestRowNotPseudo});
      }
    }
    return MetaResults.of(null, MetaResults.columns(ROW_ID_COLUMNS), rows);
  }

  @Override
  public ResultSet getPseudoColumns(String c, String s, String t, String col) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
        "DATA_TYPE:INTEGER", "COLUMN_SIZE:INTEGER", "DECIMAL_DIGITS:INTEGER", "NUM_PREC_RADIX:INTEGER",
        "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH:INTEGER", "IS_NULLABLE"), List.of());
  }

  @Override
  public ResultSet getProcedureColumns(String c, String s, String p, String col) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME",
        "COLUMN_NAME", "COLUMN_TYPE:SMALLINT", "DATA_TYPE:INTEGER", "TYPE_NAME", "PRECISION:INTEGER",
        "LENGTH:INTEGER", "SCALE:SMALLINT", "RADIX:SMALLINT", "NULLABLE:SMALLINT", "REMARKS", "COLUMN_DEF",
        "SQL_DATA_TYPE:INTEGER", "SQL_DATETIME_SUB:INTEGER", "CHAR_OCTET_LENGTH:INTEGER",
        "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SPECIFIC_NAME"), List.of());
  }

  @Override
  public ResultSet getFunctionColumns(String c, String s, String f, String col) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME",
        "COLUMN_NAME", "COLUMN_TYPE:SMALLINT", "DATA_TYPE:INTEGER", "TYPE_NAME", "PRECISION:INTEGER",
        "LENGTH:INTEGER", "SCALE:SMALLINT", "RADIX:SMALLINT", "NULLABLE:SMALLINT", "REMARKS",
        "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE", "SPECIFIC_NAME"), List.of());
  }

  @Override
  public ResultSet getAttributes(String c, String s, String t, String a) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME",
        "DATA_TYPE:INTEGER", "ATTR_TYPE_NAME", "ATTR_SIZE:INTEGER", "DECIMAL_DIGITS:INTEGER",
        "NUM_PREC_RADIX:INTEGER", "NULLABLE:INTEGER", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE:INTEGER",
        "SQL_DATETIME_SUB:INTEGER", "CHAR_OCTET_LENGTH:INTEGER", "ORDINAL_POSITION:INTEGER", "IS_NULLABLE",
        "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:SMALLINT"), List.of());
  }

  /** JDBC facts about one column type. */
  private record TypeInfo(String name, int jdbcType, Integer columnSize, Integer decimalDigits, Integer radix,
      Integer charOctetLength, int maxPrecision, int maxScale, boolean signed) {
    /** The longest BINARY(n) or CHAR(n). */
    static final int BINARY_MAX = org.vsldb.sql.type.VslTypeSystem.MAX_LENGTH;

    static TypeInfo of(ColumnDef c) {
      int p = c.precision();
      return switch (c.type()) {
        case BOOLEAN -> new TypeInfo("BOOLEAN", Types.BOOLEAN, 1, null, null, null, 1, 0, false);
        case TINYINT -> new TypeInfo("TINYINT", Types.TINYINT, 3, 0, 10, null, 3, 0, true);
        case SMALLINT -> new TypeInfo("SMALLINT", Types.SMALLINT, 5, 0, 10, null, 5, 0, true);
        case INTEGER -> new TypeInfo("INTEGER", Types.INTEGER, 10, 0, 10, null, 10, 0, true);
        case BIGINT -> new TypeInfo("BIGINT", Types.BIGINT, 19, 0, 10, null, 19, 0, true);
        case REAL -> new TypeInfo("REAL", Types.REAL, 24, null, 2, null, 24, 0, true);
        case DOUBLE -> new TypeInfo("DOUBLE", Types.DOUBLE, 53, null, 2, null, 53, 0, true);
        case DECIMAL -> new TypeInfo("DECIMAL", Types.DECIMAL, p < 0 ? 19 : p, Math.max(0, c.scale()), 10, null,
            38, 38, true);
        case CHAR -> new TypeInfo("CHAR", Types.CHAR, p < 0 ? 1 : p, null, null,
            p < 0 ? 4 : (int) Math.min(Integer.MAX_VALUE, 4L * p), BINARY_MAX, 0, false);
        case VARCHAR -> new TypeInfo("VARCHAR", Types.VARCHAR, p < 0 ? Integer.MAX_VALUE : p, null, null,
            p < 0 ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, 4L * p), Integer.MAX_VALUE, 0, false);
        case DATE -> new TypeInfo("DATE", Types.DATE, 10, null, null, null, 10, 0, false);
        case TIME -> new TypeInfo("TIME", Types.TIME, 12, 3, null, null, 12, 3, false);
        case TIMESTAMP -> new TypeInfo("TIMESTAMP", Types.TIMESTAMP, 23, 3, null, null, 23, 3, false);
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> new TypeInfo("TIMESTAMP WITH LOCAL TIME ZONE",
            Types.TIMESTAMP_WITH_TIMEZONE, 29, 3, null, null, 29, 3, false);
        case BINARY -> new TypeInfo("BINARY", Types.BINARY, p < 0 ? 1 : p, null, null, null,
            BINARY_MAX, 0, false);
        case VARBINARY -> new TypeInfo("VARBINARY", Types.VARBINARY, p < 0 ? Integer.MAX_VALUE : p, null, null,
            null, Integer.MAX_VALUE, 0, false);
      };
    }
  }

  // DatabaseMetaData: product and driver ////////////////////////////////////////////////////

  @Override public String getDatabaseProductName() { return "vsl"; }
  @Override public String getDatabaseProductVersion() { return VslDriver.VERSION; }
  @Override public String getDriverName() { return "vsl JDBC driver"; }
  @Override public String getDriverVersion() { return VslDriver.VERSION; }
  @Override public int getDriverMajorVersion() { return VslDriver.MAJOR; }
  @Override public int getDriverMinorVersion() { return VslDriver.MINOR; }
  @Override public int getDatabaseMajorVersion() { return VslDriver.MAJOR; }
  @Override public int getDatabaseMinorVersion() { return VslDriver.MINOR; }
  @Override public int getJDBCMajorVersion() { return 4; }
  @Override public int getJDBCMinorVersion() { return 2; }
  @Override public String getURL() { return connection.config().url(); }
  @Override public String getUserName() { return "SA"; }
  @Override public Connection getConnection() { return connection; }
  @Override public boolean isReadOnly() throws SQLException { return connection.isReadOnly(); }
  @Override public int getSQLStateType() { return sqlStateSQL; }
  @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }

  // DatabaseMetaData: identifiers and syntax //////////////////////////////////////////////

  @Override public boolean allProceduresAreCallable() { return false; }
  @Override public boolean allTablesAreSelectable() { return true; }
  @Override public boolean nullsAreSortedHigh() { return false; }
  @Override public boolean nullsAreSortedLow() { return true; }
  @Override public boolean nullsAreSortedAtStart() { return false; }
  @Override public boolean nullsAreSortedAtEnd() { return false; }
  @Override public boolean usesLocalFiles() { return true; }
  @Override public boolean usesLocalFilePerTable() { return false; }
  @Override public boolean supportsMixedCaseIdentifiers() { return false; }
  @Override public boolean storesUpperCaseIdentifiers() { return true; }
  @Override public boolean storesLowerCaseIdentifiers() { return false; }
  @Override public boolean storesMixedCaseIdentifiers() { return false; }
  @Override public boolean supportsMixedCaseQuotedIdentifiers() { return true; }
  @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
  @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
  @Override public boolean storesMixedCaseQuotedIdentifiers() { return true; }
  @Override public String getIdentifierQuoteString() { return "\""; }
  @Override public String getSQLKeywords() { return "CHECKPOINT,LIMIT,OFFSET,TOP"; }
  @Override public String getNumericFunctions() {
    return "ABS,ACOS,ASIN,ATAN,ATAN2,CEILING,COS,COT,DEGREES,EXP,FLOOR,LOG,LOG10,MOD,PI,POWER,RADIANS,RAND,ROUND,SIGN,SIN,SQRT,TAN,TRUNCATE";
  }
  @Override public String getStringFunctions() {
    return "ASCII,CHAR,CHAR_LENGTH,CHARACTER_LENGTH,CONCAT,INITCAP,LEFT,LOWER,LPAD,LTRIM,OVERLAY,POSITION,REPEAT,REPLACE,REVERSE,RIGHT,RPAD,RTRIM,SUBSTRING,TRIM,UPPER";
  }
  @Override public String getSystemFunctions() { return "COALESCE,NULLIF,USER"; }
  @Override public String getTimeDateFunctions() {
    return "CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,EXTRACT,FLOOR,CEIL,HOUR,LOCALTIME,LOCALTIMESTAMP,MINUTE,MONTH,QUARTER,SECOND,TIMESTAMPADD,TIMESTAMPDIFF,WEEK,YEAR";
  }
  @Override public String getSearchStringEscape() { return "\\"; }
  @Override public String getExtraNameCharacters() { return ""; }
  @Override public String getSchemaTerm() { return "schema"; }
  @Override public String getProcedureTerm() { return "procedure"; }
  @Override public String getCatalogTerm() { return "catalog"; }
  @Override public boolean isCatalogAtStart() { return true; }
  @Override public String getCatalogSeparator() { return "."; }

  // DatabaseMetaData: what vsl supports ////////////////////////////////////////////////////

  @Override public boolean supportsAlterTableWithAddColumn() { return false; }
  @Override public boolean supportsAlterTableWithDropColumn() { return false; }
  @Override public boolean supportsColumnAliasing() { return true; }
  @Override public boolean nullPlusNonNullIsNull() { return true; }
  @Override public boolean supportsConvert() { return false; }
  @Override public boolean supportsConvert(int fromType, int toType) { return false; }
  @Override public boolean supportsTableCorrelationNames() { return true; }
  @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
  @Override public boolean supportsExpressionsInOrderBy() { return true; }
  @Override public boolean supportsOrderByUnrelated() { return true; }
  @Override public boolean supportsGroupBy() { return true; }
  @Override public boolean supportsGroupByUnrelated() { return true; }
  @Override public boolean supportsGroupByBeyondSelect() { return true; }
  @Override public boolean supportsLikeEscapeClause() { return true; }
  @Override public boolean supportsMultipleResultSets() { return false; }
  @Override public boolean supportsMultipleTransactions() { return true; }
  @Override public boolean supportsNonNullableColumns() { return true; }
  @Override public boolean supportsMinimumSQLGrammar() { return true; }
  @Override public boolean supportsCoreSQLGrammar() { return true; }
  @Override public boolean supportsExtendedSQLGrammar() { return false; }
  @Override public boolean supportsANSI92EntryLevelSQL() { return true; }
  @Override public boolean supportsANSI92IntermediateSQL() { return false; }
  @Override public boolean supportsANSI92FullSQL() { return false; }
  @Override public boolean supportsIntegrityEnhancementFacility() { return false; }
  @Override public boolean supportsOuterJoins() { return true; }
  @Override public boolean supportsFullOuterJoins() { return true; }
  @Override public boolean supportsLimitedOuterJoins() { return true; }
  @Override public boolean supportsSchemasInDataManipulation() { return true; }
  @Override public boolean supportsSchemasInProcedureCalls() { return false; }
  @Override public boolean supportsSchemasInTableDefinitions() { return true; }
  @Override public boolean supportsSchemasInIndexDefinitions() { return false; }
  @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
  @Override public boolean supportsCatalogsInDataManipulation() { return false; }
  @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
  @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
  @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
  @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
  @Override public boolean supportsPositionedDelete() { return false; }
  @Override public boolean supportsPositionedUpdate() { return false; }
  @Override public boolean supportsSelectForUpdate() { return false; }
  @Override public boolean supportsStoredProcedures() { return false; }
  @Override public boolean supportsSubqueriesInComparisons() { return true; }
  @Override public boolean supportsSubqueriesInExists() { return true; }
  @Override public boolean supportsSubqueriesInIns() { return true; }
  @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
  @Override public boolean supportsCorrelatedSubqueries() { return true; }
  @Override public boolean supportsUnion() { return true; }
  @Override public boolean supportsUnionAll() { return true; }
  @Override public boolean supportsOpenCursorsAcrossCommit() { return true; }
  @Override public boolean supportsOpenCursorsAcrossRollback() { return true; }
  @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
  @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }
  @Override public boolean supportsTransactions() { return true; }
  @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_READ_COMMITTED; }
  @Override public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
        || level == Connection.TRANSACTION_REPEATABLE_READ || level == Connection.TRANSACTION_SERIALIZABLE;
  }
  @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return false; }
  @Override public boolean supportsDataManipulationTransactionsOnly() { return true; }
  @Override public boolean dataDefinitionCausesTransactionCommit() { return true; }
  @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
  @Override public boolean supportsResultSetType(int type) { return type == ResultSet.TYPE_FORWARD_ONLY; }
  @Override public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }
  @Override public boolean ownUpdatesAreVisible(int type) { return false; }
  @Override public boolean ownDeletesAreVisible(int type) { return false; }
  @Override public boolean ownInsertsAreVisible(int type) { return false; }
  @Override public boolean othersUpdatesAreVisible(int type) { return false; }
  @Override public boolean othersDeletesAreVisible(int type) { return false; }
  @Override public boolean othersInsertsAreVisible(int type) { return false; }
  @Override public boolean updatesAreDetected(int type) { return false; }
  @Override public boolean deletesAreDetected(int type) { return false; }
  @Override public boolean insertsAreDetected(int type) { return false; }
  @Override public boolean supportsBatchUpdates() { return true; }
  @Override public boolean supportsSavepoints() { return true; }
  @Override public boolean supportsNamedParameters() { return false; }
  @Override public boolean supportsMultipleOpenResults() { return false; }
  @Override public boolean supportsGetGeneratedKeys() { return false; }
  @Override public boolean supportsResultSetHoldability(int h) {
    return h == ResultSet.HOLD_CURSORS_OVER_COMMIT || h == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }
  @Override public int getResultSetHoldability() { return ResultSet.HOLD_CURSORS_OVER_COMMIT; }
  @Override public boolean locatorsUpdateCopy() { return false; }
  @Override public boolean supportsStatementPooling() { return false; }
  @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
  @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }
  @Override public boolean generatedKeyAlwaysReturned() { return false; }
  @Override public boolean doesMaxRowSizeIncludeBlobs() { return false; }

  // DatabaseMetaData: limits (0 means no limit) ///////////////////////////////////////////

  @Override public int getMaxBinaryLiteralLength() { return 0; }
  @Override public int getMaxCharLiteralLength() { return 0; }
  @Override public int getMaxColumnNameLength() { return 256; }
  @Override public int getMaxColumnsInGroupBy() { return 0; }
  @Override public int getMaxColumnsInIndex() { return 0; }
  @Override public int getMaxColumnsInOrderBy() { return 0; }
  @Override public int getMaxColumnsInSelect() { return 0; }
  @Override public int getMaxColumnsInTable() { return 0; }
  @Override public int getMaxConnections() { return 0; }
  @Override public int getMaxCursorNameLength() { return 0; }
  @Override public int getMaxIndexLength() { return 0; }
  @Override public int getMaxSchemaNameLength() { return 256; }
  @Override public int getMaxProcedureNameLength() { return 0; }
  @Override public int getMaxCatalogNameLength() { return 0; }
  @Override public int getMaxRowSize() { return 0; }
  @Override public int getMaxStatementLength() { return 0; }
  @Override public int getMaxStatements() { return 0; }
  @Override public int getMaxTableNameLength() { return 256; }
  @Override public int getMaxTablesInSelect() { return 0; }
  @Override public int getMaxUserNameLength() { return 0; }
  @Override public long getMaxLogicalLobSize() { return 0; }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
