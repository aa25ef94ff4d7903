package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code DROP SCHEMA [IF EXISTS] name CASCADE}: the schema with its tables, views and sequences,
 * the views elsewhere that use them and the foreign keys elsewhere that reference its tables
 * ({@code org.vsldb.sql.ddl.DropExecutor#dropSchema}). Without CASCADE, Calcite's node stands.
 */
public final class SqlDropSchemaCascade extends SqlDrop {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP SCHEMA", SqlKind.DROP_SCHEMA);

  public final SqlIdentifier name;

  public SqlDropSchemaCascade(SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
    super(OPERATOR, pos, ifExists);
    this.name = name;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DROP SCHEMA");
    name.unparse(writer, 0, 0);
    writer.keyword("CASCADE");
  }
}
