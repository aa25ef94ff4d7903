package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE SEQUENCE [IF NOT EXISTS] name [AS type] [options]} (docs/SQL.md, "Sequences"). */
public final class SqlCreateSequence extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE SEQUENCE", SqlKind.CREATE_SEQUENCE);

  public final SqlIdentifier name;
  public final SequenceOptions options;

  public SqlCreateSequence(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name, SequenceOptions options) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.options = options;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE SEQUENCE");
    name.unparse(writer, 0, 0);
  }
}
