package org.vsldb.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.List;

/**
 * {@link DatabaseMetaData} read from the store's catalog. Result columns are named and ordered as
 * the JDBC javadoc lists them. vsl has no catalogs: catalog columns are null.
 */
final class VslDatabaseMetaData implements DatabaseMetaData {

  private final VslConnection connection;

  VslDatabaseMetaData(VslConnection connection) {
    this.connection = connection;
  }

  private org.vsldb.storage.table.Catalog catalog() throws SQLException {
    connection.checkOpen();
    return connection.engine().catalog();
  }

  // DatabaseMetaData: tables, columns and schemas //////////////////////////////////////////

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tablePattern, String[] types)
      throws SQLException {
    connection.checkOpen();
    return MetaRelations.tables(connection.engine(), catalog, schemaPattern, tablePattern, types);
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
      throws SQLException {
    connection.checkOpen();
    return MetaRelations.columns(connection.engine(), catalog, schemaPattern, tablePattern, columnPattern);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    connection.checkOpen();
    return MetaRelations.schemas(connection.engine(), catalog, schemaPattern);
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns("TABLE_CAT"), List.of());
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    connection.checkOpen();
    return MetaRelations.tableTypes();
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    connection.checkOpen();
    return MetaTypes.typeInfo();
  }

  // DatabaseMetaData: keys and indexes //////////////////////////////////////////////////////

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return MetaKeys.primaryKeys(catalog(), catalog, schema, table);
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return MetaKeys.indexInfo(catalog(), catalog, schema, table, unique);
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return MetaKeys.foreignKeys(catalog(), null, null, null, catalog, schema, table, true);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return MetaKeys.foreignKeys(catalog(), catalog, schema, table, null, null, null, false);
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return MetaKeys.foreignKeys(catalog(), parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema,
        foreignTable, false);
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return MetaKeys.bestRowIdentifier(catalog(), catalog, schema, table, nullable);
  }

  @Override
  public ResultSet getVersionColumns(String c, String s, String t) throws SQLException {
    connection.checkOpen();
    return MetaResults.of(null, MetaResults.columns(MetaKeys.ROW_ID_COLUMNS), List.of());
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
    List<Object[]> rows = new java.util.ArrayList<>();
    for (ClientInfo.Property p : ClientInfo.PROPERTIES) {
      rows.add(new Object[] {p.name(), ClientInfo.MAX_LENGTH, null, p.description()});
    }
    return MetaResults.of(null, MetaResults.columns("NAME", "MAX_LEN:INTEGER", "DEFAULT_VALUE", "DESCRIPTION"),
        rows);
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
  @Override public String getSQLKeywords() throws SQLException {
    connection.checkOpen();
    return SQL_KEYWORDS;
  }

  /**
   * The keywords of vsl's grammar that SQL:2003 does not have, as {@code SqlEngine.jdbcKeywords()}
   * computes them from the generated parser. They are written out because computing them costs
   * more start-up time than a first statement, and tools (the shell among them) ask for them when
   * they connect. {@code MetaDataFactsTest} checks that they are still the grammar's.
   */
  static final String SQL_KEYWORDS =
      "ABS,ALLOW,ARRAY,ARRAY_MAX_CARDINALITY,ASENSITIVE,ASOF,ASYMMETRIC,ATOMIC,BEGIN_FRAME,"
      + "BEGIN_PARTITION,BIGINT,BINARY,BLOB,BOOLEAN,CALLED,CARDINALITY,CEIL,CEILING,CLASSIFIER,"
      + "CLOB,COLLECT,CORR,COVAR_POP,COVAR_SAMP,CUBE,CUME_DIST,CURRENT_CATALOG,"
      + "CURRENT_DEFAULT_TRANSFORM_GROUP,CURRENT_ROLE,CURRENT_ROW,CURRENT_SCHEMA,"
      + "CURRENT_TRANSFORM_GROUP_FOR_TYPE,CYCLE,DATETIME,DEFINE,DENSE_RANK,DEREF,DISALLOW,"
      + "DYNAMIC,EACH,ELEMENT,EMPTY,END-EXEC,END_FRAME,END_PARTITION,EQUALS,EVERY,EXP,EXPLAIN,"
      + "EXTEND,FILTER,FIRST_VALUE,FLOOR,FRAME_ROW,FREE,FRIDAY,FUSION,GROUPING,GROUPS,HOLD,"
      + "IMPORT,INITIAL,INTERSECTION,JSON_ARRAY,JSON_ARRAYAGG,JSON_EXISTS,JSON_OBJECT,"
      + "JSON_OBJECTAGG,JSON_QUERY,JSON_SCOPE,JSON_VALUE,LAG,LARGE,LAST_VALUE,LATERAL,LEAD,"
      + "LIKE_REGEX,LIMIT,LN,LOCALTIME,LOCALTIMESTAMP,MATCHES,MATCH_CONDITION,MATCH_NUMBER,"
      + "MATCH_RECOGNIZE,MEASURE,MEASURES,MEMBER,MERGE,METHOD,MINUS,MOD,MODIFIES,MONDAY,MULTISET,"
      + "NCLOB,NEW,NONE,NORMALIZE,NTH_VALUE,NTILE,OCCURRENCES_REGEX,OFFSET,OLD,OMIT,ONE,ORDINAL,"
      + "OVER,OVERLAY,PARTITION,PATTERN,PER,PERCENT,PERCENTILE_CONT,PERCENTILE_DISC,PERCENT_RANK,"
      + "PERIOD,PERMUTE,PORTION,POSITION_REGEX,POWER,PRECEDES,PREV,QUALIFY,RANGE,RANK,READS,"
      + "RECURSIVE,REF,REFERENCING,REGR_AVGX,REGR_AVGY,REGR_COUNT,REGR_INTERCEPT,REGR_R2,"
      + "REGR_SLOPE,REGR_SXX,REGR_SXY,REGR_SYY,RELEASE,RESET,RESULT,ROLLUP,ROW,ROW_NUMBER,"
      + "RUNNING,SAFE_CAST,SAFE_OFFSET,SAFE_ORDINAL,SATURDAY,SAVEPOINT,SCOPE,SEARCH,SEEK,"
      + "SENSITIVE,SHOW,SIMILAR,SKIP,SPECIFICTYPE,SQRT,START,STATIC,STDDEV_POP,STDDEV_SAMP,"
      + "STREAM,SUBMULTISET,SUBSET,SUBSTRING_REGEX,SUCCEEDS,SUNDAY,SYMMETRIC,SYSTEM,SYSTEM_TIME,"
      + "TABLESAMPLE,THURSDAY,TINYINT,TRANSLATE_REGEX,TREAT,TRIGGER,TRIM_ARRAY,TRUNCATE,TRY_CAST,"
      + "TUESDAY,UESCAPE,UNNEST,UNSIGNED,UPSERT,UUID,VALUE_OF,VARBINARY,VARIANT,VAR_POP,VAR_SAMP,"
      + "VERSIONING,WEDNESDAY,WIDTH_BUCKET,WINDOW,WITHIN,WITHOUT";
  // The functions of JDBC's escape syntax, {fn NAME(...)}, as vsl's parser translates them (Calcite's
  // SqlJdbcFunctionCall lists; it translates {fn CONVERT_TIMEZONE(...)} but cannot run it, so that
  // one is left out). Written out, as SQL_KEYWORDS is, so that tools asking for them when they
  // connect do not initialise Calcite's operator table; MetaDataFactsTest checks them against
  // Calcite's lists.
  static final String NUMERIC_FUNCTIONS = "ABS,ACOS,ASIN,ATAN,ATAN2,CBRT,CEILING,COS,COT,DEGREES,EXP,"
      + "FLOOR,LOG,LOG10,MOD,PI,POWER,RADIANS,RAND,ROUND,SIGN,SIN,SQRT,TAN,TRUNCATE";
  static final String STRING_FUNCTIONS = "ASCII,CHAR,CONCAT,DIFFERENCE,INSERT,LCASE,LEFT,LENGTH,LOCATE,"
      + "LTRIM,REPEAT,REPLACE,RIGHT,RTRIM,SOUNDEX,SPACE,SUBSTRING,UCASE";
  static final String SYSTEM_FUNCTIONS = "CONVERT,DATABASE,IFNULL,USER";
  static final String TIME_DATE_FUNCTIONS = "CURDATE,CURTIME,DAYNAME,DAYOFMONTH,DAYOFWEEK,DAYOFYEAR,HOUR,"
      + "MINUTE,MONTH,MONTHNAME,NOW,QUARTER,SECOND,TIMESTAMPADD,TIMESTAMPDIFF,TO_DATE,TO_TIMESTAMP,WEEK,YEAR";

  @Override public String getNumericFunctions() { return NUMERIC_FUNCTIONS; }
  @Override public String getStringFunctions() { return STRING_FUNCTIONS; }
  @Override public String getSystemFunctions() { return SYSTEM_FUNCTIONS; }
  @Override public String getTimeDateFunctions() { return TIME_DATE_FUNCTIONS; }
  @Override public String getSearchStringEscape() { return "\\"; }
  @Override public String getExtraNameCharacters() { return ""; }
  @Override public String getSchemaTerm() { return "schema"; }
  @Override public String getProcedureTerm() { return "procedure"; }
  @Override public String getCatalogTerm() { return "catalog"; }
  @Override public boolean isCatalogAtStart() { return true; }
  @Override public String getCatalogSeparator() { return "."; }

  // DatabaseMetaData: what vsl supports ////////////////////////////////////////////////////

  @Override public boolean supportsAlterTableWithAddColumn() { return true; }
  @Override public boolean supportsAlterTableWithDropColumn() { return true; }
  @Override public boolean supportsColumnAliasing() { return true; }
  @Override public boolean nullPlusNonNullIsNull() { return true; }
  @Override public boolean supportsConvert() { return true; }
  @Override public boolean supportsConvert(int fromType, int toType) { return Conversions.supported(fromType, toType); }
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
  @Override public boolean supportsIntegrityEnhancementFacility() { return true; }
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
  @Override public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
  }
  @Override public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
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
  @Override public boolean supportsGetGeneratedKeys() { return true; }
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
  @Override public long getMaxLogicalLobSize() { return MetaTypes.MAX_LENGTH; }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
