package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidatorTable;

/**
 * Text literals in an INSERT's VALUES for UUID columns, given an explicit cast to UUID before
 * validation. Calcite would make them the VALUES' literals as written, typed as the column
 * (a character literal of type UUID, which its own checks refuse); a cast is converted as any
 * expression, and {@link UuidRewrite} makes it a UUID literal.
 */
final class UuidInsertCasts {
  private UuidInsertCasts() {}

  /** Wraps the text literals of {@code insert}'s VALUES rows that go to UUID columns of {@code table}. */
  static void apply(SqlInsert insert, SqlValidatorTable table) {
    SqlNode source = insert.getSource();
    if (table == null || source.getKind() != SqlKind.VALUES) {
      return;
    }
    RelDataType rowType = table.getRowType();
    SqlNodeList targets = insert.getTargetColumnList();
    List<RelDataTypeField> fields = rowType.getFieldList();
    for (SqlNode row : ((SqlCall) source).getOperandList()) {
      if (row.getKind() != SqlKind.ROW) {
        continue;
      }
      SqlBasicCall r = (SqlBasicCall) row;
      for (int i = 0; i < r.operandCount(); i++) {
        RelDataTypeField target = target(fields, targets, i, rowType);
        SqlNode value = r.operand(i);
        if (target != null && target.getType().getSqlTypeName() == SqlTypeName.UUID
            && value instanceof SqlCharStringLiteral) {
          SqlDataTypeSpec uuid = new SqlDataTypeSpec(
              new SqlBasicTypeNameSpec(SqlTypeName.UUID, value.getParserPosition()), value.getParserPosition());
          r.setOperand(i, SqlStdOperatorTable.CAST.createCall(value.getParserPosition(), value, uuid));
        }
      }
    }
  }

  /** The column the {@code i}th value goes to, or null if there is none. */
  private static RelDataTypeField target(List<RelDataTypeField> fields, SqlNodeList targets, int i,
      RelDataType rowType) {
    if (targets == null) {
      return i < fields.size() ? fields.get(i) : null;
    }
    if (i >= targets.size() || !(targets.get(i) instanceof SqlIdentifier id) || !id.isSimple()) {
      return null;
    }
    return rowType.getField(id.getSimple(), true, false);
  }
}
