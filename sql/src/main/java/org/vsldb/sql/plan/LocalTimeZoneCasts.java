package org.vsldb.sql.plan;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.vsldb.sql.type.Instants;

/**
 * Conversions between TIMESTAMP (a wall-clock time) and TIMESTAMP WITH LOCAL TIME ZONE (an
 * instant) in the session's time zone, done by vsl instead of Calcite's runtime, which drops the
 * milliseconds in a cast between the two and compares a TIMESTAMP with an instant without
 * converting either. After conversion to relational algebra, this shuttle replaces each such cast
 * by {@link Instants#localToInstant} or {@link Instants#instantToLocal}, and converts the TIMESTAMP side of a
 * comparison with an instant. A cast from text becomes {@link Instants#textToInstant}, which reads
 * H2's and ISO 8601's forms ({@code 2024-01-02 03:04:05+02}, {@code ...T...Z}, a zone name, or no
 * offset: the session zone) where Calcite's takes only {@code yyyy-MM-dd HH:mm:ss zone}.
 */
final class LocalTimeZoneCasts extends ExpressionRewrite {
  private static final Set<SqlKind> COMPARISONS = EnumSet.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
      SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
      SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM);

  /**
   * The two conversion functions, made when a statement first needs one: making them initialises
   * Calcite's table of operator implementations.
   */
  private static final class Functions {
    static final SqlOperator TO_INSTANT = function("localToInstant");
    static final SqlOperator TO_LOCAL = function("instantToLocal");
    static final SqlOperator TEXT_TO_INSTANT = MethodFunctions.of("VSL_TEXT_TO_INSTANT", Instants.class,
        "textToInstant",
        ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE).andThen(SqlTypeTransforms.TO_NULLABLE),
        String.class);
  }

  private final RexShuttle rex;

  LocalTimeZoneCasts(RexBuilder rexBuilder) {
    this.rex = new Rewriter(rexBuilder);
  }

  @Override
  protected RexShuttle expressions() {
    return rex;
  }

  private static SqlOperator function(String name) {
    return MethodFunctions.of("VSL_" + name.toUpperCase(java.util.Locale.ROOT), Instants.class, name,
        ReturnTypes.ARG0, long.class);
  }

  private static boolean is(RexNode n, SqlTypeName t) {
    return n.getType().getSqlTypeName() == t;
  }

  /** Rewrites the casts and comparisons of one expression tree. */
  private final class Rewriter extends Expressions {
    private final RexBuilder rexBuilder;

    Rewriter(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitCall(RexCall original) {
      RexNode visited = super.visitCall(original);
      if (!(visited instanceof RexCall call)) {
        return visited;
      }
      List<RexNode> ops = call.getOperands();
      if (call.getKind() == SqlKind.CAST && ops.size() == 1) {
        RexNode from = ops.get(0);
        if (is(from, SqlTypeName.TIMESTAMP) && is(call, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
          return rexBuilder.makeCall(call.getType(), Functions.TO_INSTANT, List.of(from));
        }
        if (is(from, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) && is(call, SqlTypeName.TIMESTAMP)) {
          return rexBuilder.makeCall(call.getType(), Functions.TO_LOCAL, List.of(from));
        }
        if (SqlTypeName.CHAR_TYPES.contains(from.getType().getSqlTypeName())
            && is(call, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
          return rexBuilder.makeCall(call.getType(), Functions.TEXT_TO_INSTANT, List.of(from));
        }
        return call;
      }
      if (COMPARISONS.contains(call.getKind()) && ops.size() == 2) {
        RexNode a = ops.get(0);
        RexNode b = ops.get(1);
        if (is(a, SqlTypeName.TIMESTAMP) && is(b, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)) {
          return call.clone(call.getType(), List.of(toInstant(a), b));
        }
        if (is(a, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) && is(b, SqlTypeName.TIMESTAMP)) {
          return call.clone(call.getType(), List.of(a, toInstant(b)));
        }
      }
      return call;
    }

    private RexNode toInstant(RexNode local) {
      RelDataTypeFactory f = rexBuilder.getTypeFactory();
      RelDataType t = f.createTypeWithNullability(
          f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, local.getType().getPrecision()),
          local.getType().isNullable());
      return rexBuilder.makeCall(t, Functions.TO_INSTANT, List.of(local));
    }
  }
}
