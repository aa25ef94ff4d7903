package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code ALTER TABLE [IF EXISTS] name action}, with one action from the closed set below. */
public final class SqlAlterTable extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  /** What an ALTER TABLE does. */
  public sealed interface Action {}

  /** {@code ADD [COLUMN] [IF NOT EXISTS] column}. */
  public record AddColumn(SqlColumnSpec column, List<SqlTableConstraint> inline, boolean ifNotExists) implements Action {}

  /** {@code ADD [CONSTRAINT name] constraint}. */
  public record AddConstraint(SqlTableConstraint constraint) implements Action {}

  /** {@code DROP [COLUMN] [IF EXISTS] name}. */
  public record DropColumn(SqlIdentifier column, boolean ifExists) implements Action {}

  /** {@code DROP CONSTRAINT [IF EXISTS] name}. */
  public record DropConstraint(SqlIdentifier constraint, boolean ifExists) implements Action {}

  /** {@code DROP PRIMARY KEY}. */
  public record DropPrimaryKey() implements Action {}

  /** {@code RENAME TO name}. */
  public record RenameTable(SqlIdentifier newName) implements Action {}

  /** {@code RENAME COLUMN a TO b} or {@code ALTER COLUMN a RENAME TO b}. */
  public record RenameColumn(SqlIdentifier column, SqlIdentifier newName) implements Action {}

  /** {@code ALTER COLUMN c SET DEFAULT e} or {@code DROP DEFAULT} (value null). */
  public record SetDefault(SqlIdentifier column, SqlNode value, String sql) implements Action {}

  /** {@code ALTER COLUMN c SET NOT NULL} or {@code DROP NOT NULL}. */
  public record SetNotNull(SqlIdentifier column, boolean notNull) implements Action {}

  /** {@code ALTER COLUMN c [SET DATA] TYPE t}. */
  public record SetType(SqlIdentifier column, org.apache.calcite.sql.SqlDataTypeSpec type) implements Action {}

  public final SqlIdentifier table;
  public final boolean ifExists;
  public final Action action;

  public SqlAlterTable(SqlParserPos pos, SqlIdentifier table, boolean ifExists, Action action) {
    super(OPERATOR, pos);
    this.table = table;
    this.ifExists = ifExists;
    this.action = action;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(table);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    table.unparse(writer, 0, 0);
    writer.print(" " + action);
  }
}
