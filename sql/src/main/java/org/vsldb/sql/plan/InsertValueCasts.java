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
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidatorTable;

/**
 * Text literals in an INSERT's VALUES, given an explicit cast to their column's type before
 * validation, where Calcite's own handling fails:
 *
 * <ul>
 *   <li>for UUID columns, always: Calcite would make them the VALUES' literals as written, typed as
 *       the column (a character literal of type UUID, which its own checks refuse); a cast is
 *       converted as any expression, and {@link UuidRewrite} makes it a UUID literal;
 *   <li>for columns of other types but text (numbers, BOOLEAN, dates and times, instants), when
 *       the VALUES has more than one row: Calcite types each column of the rows as a whole before it
 *       converts them to the table's types, and text beside a NULL or a literal of another kind
 *       ({@code ('2024-01-02'), (NULL)}, {@code (5), ('6')}) has no common type, so the INSERT
 *       failed with "Values passed to VALUES operator must have compatible types", where H2 and
 *       PostgreSQL convert each value to its column. A single row converts as before.
 * </ul>
 */
final class InsertValueCasts {
  private InsertValueCasts() {}

  /** Wraps the text literals of {@code insert}'s VALUES rows that go to columns of {@code table} (see above). */
  static void apply(SqlInsert insert, SqlValidatorTable table) {
    SqlNode source = insert.getSource();
    if (table == null || source.getKind() != SqlKind.VALUES) {
      return;
    }
    RelDataType rowType = table.getRowType();
    SqlNodeList targets = insert.getTargetColumnList();
    List<RelDataTypeField> fields = rowType.getFieldList();
    List<SqlNode> rows = ((SqlCall) source).getOperandList();
    for (SqlNode row : rows) {
      if (row.getKind() != SqlKind.ROW) {
        continue;
      }
      SqlBasicCall r = (SqlBasicCall) row;
      for (int i = 0; i < r.operandCount(); i++) {
        RelDataTypeField target = target(fields, targets, i, rowType);
        SqlNode value = r.operand(i);
        if (target == null || !(value instanceof SqlCharStringLiteral)) {
          continue;
        }
        RelDataType type = target.getType();
        SqlDataTypeSpec spec;
        if (type.getSqlTypeName() == SqlTypeName.UUID) {
          spec = new SqlDataTypeSpec(
              new SqlBasicTypeNameSpec(SqlTypeName.UUID, value.getParserPosition()), value.getParserPosition());
        } else if (rows.size() > 1 && CONVERTED.contains(type.getSqlTypeName())) {
          spec = SqlTypeUtil.convertTypeToSpec(type);
        } else {
          continue;
        }
        r.setOperand(i, SqlStdOperatorTable.CAST.createCall(value.getParserPosition(), value, spec));
      }
    }
  }

  /** The column types whose text in a VALUES of several rows is cast first. */
  private static final java.util.Set<SqlTypeName> CONVERTED = java.util.EnumSet.of(
      SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT,
      SqlTypeName.DECIMAL, SqlTypeName.REAL, SqlTypeName.FLOAT, SqlTypeName.DOUBLE, SqlTypeName.BOOLEAN,
      SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

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
