package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The statements {@code COMMIT [WORK]} and {@code ROLLBACK [WORK]}. */
public final class SqlTransactionControl extends SqlCall {
  private static final SqlOperator COMMIT = new SqlSpecialOperator("COMMIT", SqlKind.COMMIT);
  private static final SqlOperator ROLLBACK = new SqlSpecialOperator("ROLLBACK", SqlKind.ROLLBACK);

  private final boolean commit;

  public SqlTransactionControl(SqlParserPos pos, boolean commit) {
    super(pos);
    this.commit = commit;
  }

  /** True for COMMIT, false for ROLLBACK. */
  public boolean isCommit() {
    return commit;
  }

  @Override
  public SqlOperator getOperator() {
    return commit ? COMMIT : ROLLBACK;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(commit ? "COMMIT" : "ROLLBACK");
  }
}
