package org.vsldb.sql.plan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Feeds BIGINT arguments of {@code SUM} to it as {@code DECIMAL(19, 0)}, so that the sum is a
 * DECIMAL as in H2 ({@code VslTypeSystem} types {@code SUM(BIGINT)} as {@code DECIMAL(29, 0)})
 * and cannot overflow: Calcite's generated code can add a DECIMAL into a DECIMAL accumulator but
 * not a {@code long}. BIGINT arguments of {@code AVG} and the variance aggregates (typed DOUBLE)
 * are fed as DOUBLE, because the planner reduces them to sums of their argument. Grouped
 * aggregates get the cast in a projection below them; windowed sums on their operand.
 */
final class DecimalAggregates extends ExpressionRewrite {
  private static final Set<SqlKind> SUMS = EnumSet.of(SqlKind.SUM, SqlKind.SUM0);

  /** Typed DOUBLE for integer arguments (VslTypeSystem); reduced by the planner to sums. */
  private static final Set<SqlKind> AVERAGES = EnumSet.of(SqlKind.AVG,
      SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP);

  private final RexBuilder rex;
  private final RexShuttle overs = new Overs();

  DecimalAggregates(RexBuilder rex) {
    this.rex = rex;
  }

  @Override
  protected RexShuttle expressions() {
    return overs;
  }

  @Override
  protected RelNode rewriteNode(RelNode node) {
    return node instanceof LogicalAggregate ? rewrite((LogicalAggregate) node) : node;
  }

  private RelDataType decimal(RelDataType bigint) {
    RelDataTypeFactory f = rex.getTypeFactory();
    return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, 19, 0), bigint.isNullable());
  }

  /** The type a BIGINT argument of {@code kind} is cast to, or null if it stays. */
  private RelDataType target(SqlKind kind, RelDataType argType) {
    if (argType.getSqlTypeName() != SqlTypeName.BIGINT) {
      return null;
    }
    if (SUMS.contains(kind)) {
      return decimal(argType);
    }
    if (AVERAGES.contains(kind)) {
      RelDataTypeFactory f = rex.getTypeFactory();
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), argType.isNullable());
    }
    return null;
  }

  private RelNode rewrite(LogicalAggregate agg) {
    RelNode input = agg.getInput();
    int n = input.getRowType().getFieldCount();
    List<RexNode> projects = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      projects.add(rex.makeInputRef(input, i));
    }
    Map<List<Object>, Integer> castOf = new HashMap<>();
    List<AggregateCall> calls = new ArrayList<>();
    for (AggregateCall call : agg.getAggCallList()) {
      List<Integer> args = call.getArgList();
      RelDataType to = args.size() != 1 ? null
          : target(call.getAggregation().getKind(), input.getRowType().getFieldList().get(args.get(0)).getType());
      if (to != null) {
        int arg = args.get(0);
        int cast = castOf.computeIfAbsent(List.of(arg, to.getSqlTypeName()), k -> {
          projects.add(rex.makeCast(to, rex.makeInputRef(input, arg)));
          return projects.size() - 1;
        });
        calls.add(call.copy(List.of(cast), call.filterArg, call.distinctKeys, call.collation));
      } else {
        calls.add(call);
      }
    }
    if (castOf.isEmpty()) {
      return agg;
    }
    RelNode projected = LogicalProject.create(input, List.of(), projects, (List<String>) null, Set.of());
    return agg.copy(agg.getTraitSet(), projected, agg.getGroupSet(), agg.getGroupSets(), calls);
  }

  private final class Overs extends Expressions {
    @Override
    public RexNode visitOver(RexOver over) {
      RexNode visited = super.visitOver(over);
      if (!(visited instanceof RexOver)) {
        return visited;
      }
      RexOver o = (RexOver) visited;
      if (o.operands.size() != 1
          || !SUMS.contains(o.getAggOperator().getKind())
          || o.operands.get(0).getType().getSqlTypeName() != SqlTypeName.BIGINT) {
        return o;
      }
      RexNode operand = o.operands.get(0);
      RexWindow w = o.getWindow();
      return rex.makeOver(o.getType(), o.getAggOperator(), List.of(rex.makeCast(decimal(operand.getType()), operand)),
          w.partitionKeys, w.orderKeys, w.getLowerBound(), w.getUpperBound(), w.getExclude(), w.isRows(),
          true, false, o.isDistinct(), o.ignoreNulls());
    }
  }
}
