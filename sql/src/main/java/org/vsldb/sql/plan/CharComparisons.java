package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Compares {@code CHAR(n)} values with PAD SPACE semantics, as H2, PostgreSQL and the SQL
 * standard do: trailing spaces do not count, so a {@code CHAR(5)} column holding {@code 'ab   '}
 * equals {@code 'ab'}. Calcite compares the padded strings exactly.
 *
 * <p>In a comparison ({@code = <> < <= > >=}, {@code IS [NOT] DISTINCT FROM}) where an operand that
 * is not a literal has type CHAR(n):
 *
 * <ul>
 *   <li>a character literal on the other side is padded to n at plan time (after dropping its own
 *       trailing spaces), so {@code pk = 'ab'} stays an index lookup;
 *   <li>another CHAR operand of the same length is left alone (both are padded alike);
 *   <li>otherwise both sides lose their trailing spaces ({@code TRIM(TRAILING ' ' FROM x)}).
 * </ul>
 *
 * <p>{@code CHAR LIKE pattern} matches the value without its trailing spaces. Comparisons between
 * two literals keep Calcite's (and H2's) exact meaning.
 */
final class CharComparisons extends ExpressionRewrite {
  private final RexBuilder rex;
  private final RexShuttle expressions = new Comparisons();

  CharComparisons(RexBuilder rex) {
    this.rex = rex;
  }

  @Override
  protected RexShuttle expressions() {
    return expressions;
  }

  private final class Comparisons extends Expressions {
    @Override
    public RexNode visitCall(RexCall call) {
      RexCall c = (RexCall) super.visitCall(call);
      switch (c.getKind()) {
        case EQUALS:
        case NOT_EQUALS:
        case LESS_THAN:
        case LESS_THAN_OR_EQUAL:
        case GREATER_THAN:
        case GREATER_THAN_OR_EQUAL:
        case IS_DISTINCT_FROM:
        case IS_NOT_DISTINCT_FROM:
          return comparison(c);
        case LIKE:
          if (isCharExpression(uncast(c.operands.get(0)))) {
            List<RexNode> ops = new java.util.ArrayList<>(c.operands);
            ops.set(0, rtrim(uncast(ops.get(0))));
            return c.clone(c.getType(), ops);
          }
          return c;
        default:
          return c;
      }
    }
  }

  private RexNode comparison(RexCall c) {
    if (c.operands.size() != 2) {
      return c;
    }
    if (!isCharacter(c.operands.get(0)) || !isCharacter(c.operands.get(1))) {
      return c;
    }
    RexNode a = uncast(c.operands.get(0));
    RexNode b = uncast(c.operands.get(1));
    boolean charA = isCharExpression(a);
    boolean charB = isCharExpression(b);
    if (!charA && !charB) {
      return c;
    }
    if (charA && b instanceof RexLiteral) {
      return c.clone(c.getType(), List.of(a, padded((RexLiteral) b, a.getType())));
    }
    if (charB && a instanceof RexLiteral) {
      return c.clone(c.getType(), List.of(padded((RexLiteral) a, b.getType()), b));
    }
    if (charA && charB && a.getType().getPrecision() == b.getType().getPrecision()) {
      return c;
    }
    return c.clone(c.getType(), List.of(rtrim(a), rtrim(b)));
  }

  /**
   * The CHAR operand under a widening cast to another character type: the validator casts both
   * sides of {@code char5 = 'ab'} to VARCHAR(5), which would both keep the spaces and hide the
   * column from the index rules.
   */
  private static RexNode uncast(RexNode e) {
    if (e.getKind() == SqlKind.CAST) {
      RexNode inner = ((RexCall) e).operands.get(0);
      if (isCharExpression(inner)
          && isCharacter(e)
          && e.getType().getPrecision() >= inner.getType().getPrecision()) {
        return inner;
      }
    }
    return e;
  }

  private static boolean isCharacter(RexNode e) {
    return e.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
  }

  /** A CHAR(n) operand that is not a literal: its values are padded to n. */
  private static boolean isCharExpression(RexNode e) {
    return e.getType().getSqlTypeName() == SqlTypeName.CHAR && !(e instanceof RexLiteral);
  }

  private RexNode padded(RexLiteral literal, RelDataType charType) {
    NlsString s = literal.getValueAs(NlsString.class);
    if (s == null) {
      return literal; // NULL
    }
    String v = stripTrailingSpaces(s.getValue());
    int n = charType.getPrecision();
    if (v.length() > n) {
      return literal; // longer than any value of the column: the exact comparison decides
    }
    String p = v + " ".repeat(n - v.length());
    return rex.makeCharLiteral(new NlsString(p, s.getCharsetName(), s.getCollation()));
  }

  private RexNode rtrim(RexNode e) {
    return rex.makeCall(
        SqlStdOperatorTable.TRIM,
        rex.makeFlag(SqlTrimFunction.Flag.TRAILING),
        rex.makeLiteral(" "),
        e);
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
