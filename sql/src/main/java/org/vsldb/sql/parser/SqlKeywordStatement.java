package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A statement that is one keyword and nothing else, such as {@code CHECKPOINT}. */
abstract class SqlKeywordStatement extends SqlCall {
  private final SqlOperator operator;

  SqlKeywordStatement(SqlParserPos pos, String keyword) {
    super(pos);
    this.operator = new SqlSpecialOperator(keyword, SqlKind.OTHER);
  }

  @Override
  public SqlOperator getOperator() {
    return operator;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(operator.getName());
  }
}
