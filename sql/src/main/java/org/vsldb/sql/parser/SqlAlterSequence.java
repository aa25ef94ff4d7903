package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER SEQUENCE [IF EXISTS] name options} (docs/SQL.md, "Sequences"). */
public final class SqlAlterSequence extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER SEQUENCE", SqlKind.ALTER_SEQUENCE);

  public final SqlIdentifier name;
  public final boolean ifExists;
  public final SequenceOptions options;

  public SqlAlterSequence(SqlParserPos pos, boolean ifExists, SqlIdentifier name, SequenceOptions options) {
    super(pos);
    this.ifExists = ifExists;
    this.name = name;
    this.options = options;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public SqlKind getKind() {
    return SqlKind.ALTER_SEQUENCE;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER SEQUENCE");
    name.unparse(writer, 0, 0);
  }
}
