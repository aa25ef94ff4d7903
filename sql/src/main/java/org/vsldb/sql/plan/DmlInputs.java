package org.vsldb.sql.plan;

import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Prepares the input of an INSERT or UPDATE for vsl's own value checks. Calcite casts each value
 * to its target column's type, and a cast to {@code VARCHAR(n)}, {@code CHAR(n)},
 * {@code VARBINARY(n)} or {@code BINARY(n)} silently truncates. vsl instead widens those casts to
 * an unbounded {@code VARCHAR} or {@code VARBINARY}, so the DML executor sees the whole value and
 * raises 22001 when it is too long, as H2 and the SQL standard do. String and binary literals,
 * which the conversion casts at once, are checked before it.
 */
public final class DmlInputs {
  private DmlInputs() {}

  /** The input with its top-level casts to bounded strings widened (through UNION ALL of rows). */
  public static RelNode widenStringCasts(RelNode input) {
    if (input instanceof org.apache.calcite.rel.logical.LogicalUnion union) {
      List<RelNode> inputs = new java.util.ArrayList<>();
      for (RelNode in : union.getInputs()) {
        inputs.add(widenStringCasts(in));
      }
      return inputs.equals(union.getInputs()) ? union : union.copy(union.getTraitSet(), inputs, union.all);
    }
    if (!(input instanceof LogicalProject project)) {
      return input;
    }
    RexBuilder rexBuilder = project.getCluster().getRexBuilder();
    RelDataTypeFactory f = rexBuilder.getTypeFactory();
    RexShuttle widen =
        new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall call) {
            if (call.getKind() != SqlKind.CAST) {
              return call;
            }
            RelDataType from = call.getOperands().get(0).getType();
            SqlTypeName wide = null;
            if (isBounded(call.getType(), STRINGS) && isIn(from, STRINGS)) {
              wide = SqlTypeName.VARCHAR;
            } else if (isBounded(call.getType(), BINARIES) && isIn(from, BINARIES)) {
              wide = SqlTypeName.VARBINARY;
            }
            if (wide == null) {
              return call;
            }
            RelDataType t = f.createTypeWithNullability(f.createSqlType(wide), call.getType().isNullable());
            return rexBuilder.makeCast(t, call.getOperands().get(0), true, false);
          }
        };
    List<RexNode> projects = widen.apply(project.getProjects());
    if (projects.equals(project.getProjects())) {
      return input;
    }
    return LogicalProject.create(
        project.getInput(),
        project.getHints(),
        projects,
        project.getRowType().getFieldNames(),
        project.getVariablesSet());
  }

  /**
   * Checks the string literals of an INSERT ... VALUES or an UPDATE ... SET against the lengths of
   * their target columns, before Calcite's conversion casts (and so truncates) them.
   *
   * @throws SQLException 22001 for a literal longer than its column
   */
  public static void checkLiteralLengths(SqlNode node, Table table) throws SQLException {
    List<ColumnDef> cols = table.def().columns();
    if (node instanceof SqlInsert insert) {
      List<String> targets = new java.util.ArrayList<>();
      if (insert.getTargetColumnList() != null) {
        for (SqlNode id : insert.getTargetColumnList()) {
          targets.add(((SqlIdentifier) id).getSimple());
        }
      } else {
        cols.forEach(c -> targets.add(c.name()));
      }
      SqlNode source = insert.getSource();
      if (source.getKind() == SqlKind.VALUES) {
        for (SqlNode row : ((SqlCall) source).getOperandList()) {
          if (row.getKind() != SqlKind.ROW) {
            continue;
          }
          List<SqlNode> values = ((SqlCall) row).getOperandList();
          for (int i = 0; i < values.size() && i < targets.size(); i++) {
            check(values.get(i), table, table.def().columnIndex(targets.get(i)));
          }
        }
      }
    } else if (node instanceof SqlUpdate update) {
      for (int i = 0; i < update.getTargetColumnList().size(); i++) {
        String col = ((SqlIdentifier) update.getTargetColumnList().get(i)).getSimple();
        check(update.getSourceExpressionList().get(i), table, table.def().columnIndex(col));
      }
    }
  }

  private static void check(SqlNode value, Table table, int column) throws SQLException {
    while (value != null && value.getKind() == SqlKind.CAST) {
      value = ((SqlCall) value).operand(0); // a cast the validator added for the assignment
    }
    if (column >= 0 && value instanceof SqlCharStringLiteral literal) {
      Values.forColumn(literal.getValueAs(String.class), table.def().columns().get(column), table.def().name());
    } else if (column >= 0 && value instanceof SqlBinaryStringLiteral literal) {
      Values.forColumn(literal.getValueAs(byte[].class), table.def().columns().get(column), table.def().name());
    }
  }

  private static final java.util.Set<SqlTypeName> STRINGS = java.util.EnumSet.of(SqlTypeName.CHAR, SqlTypeName.VARCHAR);
  private static final java.util.Set<SqlTypeName> BINARIES =
      java.util.EnumSet.of(SqlTypeName.BINARY, SqlTypeName.VARBINARY);

  private static boolean isIn(RelDataType t, java.util.Set<SqlTypeName> family) {
    return family.contains(t.getSqlTypeName());
  }

  private static boolean isBounded(RelDataType t, java.util.Set<SqlTypeName> family) {
    return isIn(t, family) && t.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED;
  }
}
