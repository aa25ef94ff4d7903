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
 * {@code DROP TABLE|VIEW [IF EXISTS] name [RESTRICT | CASCADE]}. RESTRICT (the default) refuses
 * while views or other tables' foreign keys depend on the object; CASCADE drops those views and
 * foreign keys with it.
 */
public final class SqlDropRelation extends SqlDrop {
  private static final SqlOperator DROP_TABLE = new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);
  private static final SqlOperator DROP_VIEW = new SqlSpecialOperator("DROP VIEW", SqlKind.DROP_VIEW);

  public final SqlIdentifier name;
  public final boolean cascade;

  public SqlDropRelation(SqlParserPos pos, boolean view, boolean ifExists, SqlIdentifier name, boolean cascade) {
    super(view ? DROP_VIEW : DROP_TABLE, pos, ifExists);
    this.name = name;
    this.cascade = cascade;
  }

  /** Whether this drops a view (else a table). */
  public boolean isView() {
    return getKind() == SqlKind.DROP_VIEW;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getOperator().getName());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword(cascade ? "CASCADE" : "RESTRICT");
  }
}
