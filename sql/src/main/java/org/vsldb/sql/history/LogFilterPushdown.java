package org.vsldb.sql.history;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedTableFunction;

/**
 * Gives a {@code WHERE} on {@code VSL_LOG}'s result to the function, so that it filters while it
 * reads the log, as its arguments do: a bound on {@code COMMIT_TIME} ({@code >=}, {@code >},
 * {@code <=}, {@code <}, {@code BETWEEN}) becomes {@code FROM_MILLIS}/{@code TO_MILLIS}, and
 * {@code TABLE_NAME = '<name>'} the table argument when the call has none. Any constant bound
 * (a literal, a parameter, an expression of them) qualifies. The filter itself stays: the function
 * returns a superset of its rows (inclusive bounds), never fewer.
 */
public final class LogFilterPushdown extends RelHomogeneousShuttle {
  private static final int COMMIT_TIME = 0;
  private static final int TABLE_NAME = 5;

  private final RexBuilder rex;

  public LogFilterPushdown(RexBuilder rex) {
    this.rex = rex;
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode node = super.visit(other);
    if (node instanceof LogicalFilter f && f.getInput() instanceof LogicalTableFunctionScan scan
        && scan.getCall() instanceof RexCall call
        && call.getOperator() instanceof SqlUserDefinedTableFunction fn && LogFunction.is(fn.getFunction())) {
      List<RexNode> args = arguments(call);
      boolean changed = false;
      RexNode condition = RexUtil.expandSearch(rex, null, f.getCondition());
      for (RexNode c : RelOptUtil.conjunctions(condition)) {
        changed |= push(c, args);
      }
      if (changed) {
        RexNode invocation = rex.makeCall(call.getType(), call.getOperator(), args);
        RelNode pushed = scan.copy(scan.getTraitSet(), scan.getInputs(), invocation,
            scan.getElementType(), scan.getRowType(), scan.getColumnMappings());
        return f.copy(f.getTraitSet(), pushed, f.getCondition());
      }
    }
    return node;
  }

  /** The call's five arguments; missing ones as DEFAULT. */
  private List<RexNode> arguments(RexCall call) {
    List<RexNode> args = new ArrayList<>(call.getOperands());
    while (args.size() <= LogFunction.TO_MILLIS_ARG) {
      args.add(rex.makeCall(org.apache.calcite.sql.fun.SqlStdOperatorTable.DEFAULT));
    }
    return args;
  }

  private static boolean absent(RexNode arg) {
    return arg.getKind() == SqlKind.DEFAULT || (arg instanceof RexLiteral l && l.isNull());
  }

  /** Pushes one conjunct into {@code args} where it can; whether it did. */
  private boolean push(RexNode c, List<RexNode> args) {
    if (!(c instanceof RexCall call) || call.getOperands().size() != 2) {
      return false;
    }
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (!(a instanceof RexInputRef) && b instanceof RexInputRef) {
      RexNode t = a;
      a = b;
      b = t;
      kind = kind.reverse();
    }
    if (!(a instanceof RexInputRef ref) || !RexUtil.isConstant(b)) {
      return false;
    }
    if (ref.getIndex() == COMMIT_TIME && b.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      int slot = switch (kind) {
        case GREATER_THAN, GREATER_THAN_OR_EQUAL -> LogFunction.FROM_MILLIS_ARG;
        case LESS_THAN, LESS_THAN_OR_EQUAL -> LogFunction.TO_MILLIS_ARG;
        default -> -1;
      };
      if (slot < 0 || !absent(args.get(slot))) {
        return false;
      }
      // the runtime value of a TIMESTAMP WITH LOCAL TIME ZONE is its instant in ms
      args.set(slot, rex.makeReinterpretCast(
          rex.getTypeFactory().createTypeWithNullability(
              rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true), b, rex.makeLiteral(false)));
      return true;
    }
    if (ref.getIndex() == TABLE_NAME && kind == SqlKind.EQUALS && b instanceof RexLiteral l
        && l.getValueAs(String.class) != null && l.getValueAs(String.class).indexOf('.') < 0
        && absent(args.get(LogFunction.TABLE_ARG))) {
      args.set(LogFunction.TABLE_ARG, b);
      return true;
    }
    return false;
  }
}
