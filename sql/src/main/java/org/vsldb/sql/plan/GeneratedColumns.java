package org.vsldb.sql.plan;

import java.sql.SQLException;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;

/**
 * Refuses values for a {@code GENERATED ALWAYS AS IDENTITY} column: an INSERT may leave it out or
 * give DEFAULT, and an UPDATE may not set it (SQLState 90154, as in H2).
 */
public final class GeneratedColumns {
  private GeneratedColumns() {}

  public static void check(SqlNode validated, Table table) throws SQLException {
    int id = table.def().identityColumn();
    if (id < 0) {
      return;
    }
    ColumnDef col = table.def().columns().get(id);
    if (!col.identity().always()) {
      return;
    }
    if (validated instanceof SqlUpdate u) {
      for (SqlNode target : u.getTargetColumnList()) {
        if (((SqlIdentifier) target).getSimple().equals(col.name())) {
          throw ErrorCode.GENERATED_COLUMN_ASSIGNED.exception(col.name());
        }
      }
    } else if (validated instanceof SqlInsert insert) {
      int position = id;
      if (insert.getTargetColumnList() != null) {
        position = -1;
        for (int i = 0; i < insert.getTargetColumnList().size(); i++) {
          if (((SqlIdentifier) insert.getTargetColumnList().get(i)).getSimple().equals(col.name())) {
            position = i;
          }
        }
        if (position < 0) {
          return;
        }
      }
      SqlNode source = insert.getSource();
      if (source.getKind() != SqlKind.VALUES) {
        throw ErrorCode.GENERATED_COLUMN_ASSIGNED.exception(col.name());
      }
      for (SqlNode row : ((SqlCall) source).getOperandList()) {
        SqlNode v = row instanceof SqlBasicCall r && r.getKind() == SqlKind.ROW && position < r.operandCount()
            ? r.operand(position) : null;
        if (v != null && v.getKind() != SqlKind.DEFAULT) {
          throw ErrorCode.GENERATED_COLUMN_ASSIGNED.exception(col.name());
        }
      }
    }
  }
}
