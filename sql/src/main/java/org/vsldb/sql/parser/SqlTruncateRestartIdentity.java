package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code TRUNCATE TABLE t RESTART IDENTITY}: {@code DELETE FROM t} ({@link #delete}), committed as
 * DDL is, then the table's identity counter back at its start (README, "SQL today").
 */
public final class SqlTruncateRestartIdentity extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("TRUNCATE TABLE", SqlKind.OTHER);

  public final SqlDelete delete;

  public SqlTruncateRestartIdentity(SqlParserPos pos, SqlDelete delete) {
    super(pos);
    this.delete = delete;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(delete);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("TRUNCATE TABLE");
    delete.getTargetTable().unparse(writer, 0, 0);
    writer.keyword("RESTART IDENTITY");
  }
}
