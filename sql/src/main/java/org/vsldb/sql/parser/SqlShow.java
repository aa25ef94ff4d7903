package org.vsldb.sql.parser;

import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * H2's {@code SHOW TABLES [FROM schema]}, {@code SHOW SCHEMAS} and
 * {@code SHOW COLUMNS FROM [schema.]table [FROM schema]}, answered as H2 answers them, by a query of
 * {@code INFORMATION_SCHEMA}: {@code TABLE_NAME, TABLE_SCHEMA} of the session's schema (or the one
 * named), sorted by name; {@code SCHEMA_NAME}, sorted; or one row per column of the table in its
 * order, {@code FIELD, TYPE, NULL, KEY, DEFAULT} ({@code KEY} is {@code PRI} for a column of the
 * primary key, {@code UNI} of a unique index, else empty; {@code DEFAULT} the default's text or
 * {@code NULL}), no rows for a table that does not exist.
 */
public final class SqlShow extends SqlKeywordStatement {
  /** What is shown. */
  public enum What { TABLES, SCHEMAS, COLUMNS }

  private final What what;
  private final String schema;
  private final String table;

  public SqlShow(SqlParserPos pos, What what, String schema, String table) {
    super(pos, "SHOW " + what);
    this.what = what;
    this.schema = schema;
    this.table = table;
  }

  /**
   * The query that answers the statement in {@code sessionSchema}.
   */
  public String query(String sessionSchema) {
    String s = quote(schema != null ? schema : sessionSchema);
    return switch (what) {
      case SCHEMAS -> "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA ORDER BY SCHEMA_NAME";
      case TABLES -> "SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = "
          + s + " ORDER BY TABLE_NAME";
      case COLUMNS -> "SELECT C.COLUMN_NAME AS FIELD, C.DATA_TYPE AS \"TYPE\", C.IS_NULLABLE AS \"NULL\", "
          + "CASE (SELECT MAX(I.INDEX_TYPE_NAME) FROM INFORMATION_SCHEMA.INDEXES I "
          + "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS IC "
          + "ON IC.INDEX_SCHEMA = I.INDEX_SCHEMA AND IC.INDEX_NAME = I.INDEX_NAME AND IC.TABLE_NAME = I.TABLE_NAME "
          + "WHERE IC.TABLE_SCHEMA = C.TABLE_SCHEMA AND IC.TABLE_NAME = C.TABLE_NAME "
          + "AND IC.COLUMN_NAME = C.COLUMN_NAME) "
          + "WHEN 'PRIMARY KEY' THEN 'PRI' WHEN 'UNIQUE INDEX' THEN 'UNI' ELSE '' END AS \"KEY\", "
          + "COALESCE(C.COLUMN_DEFAULT, 'NULL') AS \"DEFAULT\" "
          + "FROM INFORMATION_SCHEMA.COLUMNS C WHERE C.TABLE_SCHEMA = " + s + " AND C.TABLE_NAME = "
          + quote(table) + " ORDER BY C.ORDINAL_POSITION";
    };
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW " + what);
    if (table != null) {
      writer.keyword("FROM");
      writer.identifier(table, true);
    }
    if (schema != null) {
      writer.keyword("FROM");
      writer.identifier(schema, true);
    }
  }
}
