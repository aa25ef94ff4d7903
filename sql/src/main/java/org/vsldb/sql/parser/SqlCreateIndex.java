package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column [ASC|DESC], ...)}. */
public final class SqlCreateIndex extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  public final SqlIdentifier name;
  public final SqlIdentifier table;
  public final SqlNodeList columns;
  public final boolean unique;

  public SqlCreateIndex(SqlParserPos pos, boolean ifNotExists, boolean unique, SqlIdentifier name,
      SqlIdentifier table, SqlNodeList columns) {
    super(OPERATOR, pos, false, ifNotExists);
    this.unique = unique;
    this.name = name;
    this.table = table;
    this.columns = columns;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, table, columns);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
    name.unparse(writer, 0, 0);
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    columns.unparse(writer, 0, 0);
  }
}
