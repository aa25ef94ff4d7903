package org.vsldb.sql.parser;

import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code SET SCHEMA name}: the schema in which the session's statements find unqualified names. */
public final class SqlSetSchema extends SqlKeywordStatement {
  private final String schema;

  public SqlSetSchema(SqlParserPos pos, String schema) {
    super(pos, "SET SCHEMA");
    this.schema = schema;
  }

  /** The schema's name, as the statement gives it (folded to upper case unless quoted). */
  public String schema() {
    return schema;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SET SCHEMA");
    writer.identifier(schema, true);
  }
}
