package org.vsldb.sql.parser;

import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SHOW TABLES [FROM schema]} or {@code SHOW SCHEMAS}, as H2 answers them: the columns
 * {@code TABLE_NAME, TABLE_SCHEMA} of the session's schema (or the one named), or
 * {@code SCHEMA_NAME}, sorted by name.
 */
public final class SqlShow extends SqlKeywordStatement {
  private final boolean tables;
  private final String schema;

  public SqlShow(SqlParserPos pos, boolean tables, String schema) {
    super(pos, tables ? "SHOW TABLES" : "SHOW SCHEMAS");
    this.tables = tables;
    this.schema = schema;
  }

  /**
   * The query that answers the statement in {@code sessionSchema}.
   */
  public String query(String sessionSchema) {
    if (!tables) {
      return "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA ORDER BY SCHEMA_NAME";
    }
    String s = schema != null ? schema : sessionSchema;
    return "SELECT TABLE_NAME, TABLE_SCHEMA FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = '"
        + s.replace("'", "''") + "' ORDER BY TABLE_NAME";
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(tables ? "SHOW TABLES" : "SHOW SCHEMAS");
    if (schema != null) {
      writer.keyword("FROM");
      writer.identifier(schema, true);
    }
  }
}
