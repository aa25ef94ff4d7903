package org.vsldb.sql.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** A table constraint: PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY, optionally named. */
public final class SqlTableConstraint extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CONSTRAINT", SqlKind.OTHER);

  /** The closed set of constraint kinds. */
  public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY }

  public final Kind kind;
  public final SqlIdentifier name;
  public final SqlNodeList columns;
  public final SqlNode check;
  public final String checkSql;
  public final SqlIdentifier refTable;
  public final SqlNodeList refColumns;
  /** A foreign key's ON DELETE and ON UPDATE actions as SQL writes them ({@code RESTRICT}, {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}). */
  public final String onDelete;
  public final String onUpdate;

  public SqlTableConstraint(SqlParserPos pos, Kind kind, SqlIdentifier name, SqlNodeList columns,
      SqlNode check, String checkSql, SqlIdentifier refTable, SqlNodeList refColumns) {
    this(pos, kind, name, columns, check, checkSql, refTable, refColumns, "RESTRICT", "RESTRICT");
  }

  public SqlTableConstraint(SqlParserPos pos, Kind kind, SqlIdentifier name, SqlNodeList columns,
      SqlNode check, String checkSql, SqlIdentifier refTable, SqlNodeList refColumns, String onDelete,
      String onUpdate) {
    super(pos);
    this.onDelete = onDelete;
    this.onUpdate = onUpdate;
    this.kind = kind;
    this.name = name;
    this.columns = columns;
    this.check = check;
    this.checkSql = checkSql;
    this.refTable = refTable;
    this.refColumns = refColumns;
  }

  /** The same constraint with a name (for an inline one written after CONSTRAINT name). */
  public SqlTableConstraint named(SqlIdentifier newName) {
    return new SqlTableConstraint(getParserPosition(), kind, newName, columns, check, checkSql, refTable, refColumns,
        onDelete, onUpdate);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> l = new ArrayList<>();
    l.add(name);
    l.add(columns);
    l.add(check);
    l.add(refTable);
    l.add(refColumns);
    return l;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword(kind.name().replace('_', ' '));
    if (check != null) {
      writer.print("(" + checkSql + ")");
    } else {
      columns.unparse(writer, 0, 0);
    }
    if (refTable != null) {
      writer.keyword("REFERENCES");
      refTable.unparse(writer, 0, 0);
      if (refColumns != null) {
        refColumns.unparse(writer, 0, 0);
      }
      if (!onDelete.equals("RESTRICT")) {
        writer.keyword("ON DELETE " + onDelete);
      }
      if (!onUpdate.equals("RESTRICT")) {
        writer.keyword("ON UPDATE " + onUpdate);
      }
    }
  }
}
