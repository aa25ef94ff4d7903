package org.vsldb.sql.plan;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Checks a validated statement whose {@code ?} parameters stand for the literals an
 * {@link AdHocDigest} replaced: the plan may serve every statement of the digest only if each
 * parameter is an operand of a comparison ({@code =}, {@code <>}, {@code <}, {@code <=},
 * {@code >}, {@code >=}, BETWEEN, or an IN list) whose other side is not a literal and has the
 * parameter's type family: numeric for a number, VARCHAR for a string, the same type for a DATE,
 * TIME or TIMESTAMP. There the parameter is compared exactly as the literal would be. Anywhere
 * else (an argument of a function or an operator, a cast the validator added, a comparison with a
 * CHAR column, which pads, or a DATE with a TIMESTAMP) the literal could mean something a
 * parameter does not, and the statement is planned from its own text.
 */
final class LiteralParameters {
  private static final Set<SqlKind> COMPARISONS = EnumSet.of(
      SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL,
      SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.BETWEEN);

  private final SqlValidator validator;
  private final BitSet compared = new BitSet();
  private boolean elsewhere;

  private LiteralParameters(SqlValidator validator) {
    this.validator = validator;
  }

  /** Whether each of the {@code count} parameters of {@code validated} is a compared literal. */
  static boolean comparedOnly(SqlNode validated, SqlValidator validator, int count) {
    LiteralParameters check = new LiteralParameters(validator);
    // The validator checks the condition of an UPDATE or DELETE in the SELECT it derives from it.
    SqlNode root = validated;
    if (validated instanceof SqlUpdate u && u.getSourceSelect() != null) {
      root = u.getSourceSelect();
    } else if (validated instanceof SqlDelete d && d.getSourceSelect() != null) {
      root = d.getSourceSelect();
    }
    check.visit(root);
    return !check.elsewhere && check.compared.cardinality() == count;
  }

  private void visit(SqlNode node) {
    if (node instanceof SqlDynamicParam) {
      elsewhere = true;
    } else if (node instanceof SqlNodeList list) {
      for (SqlNode e : list) {
        if (e != null) {
          visit(e);
        }
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      SqlKind kind = call.getKind();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode op = operands.get(i);
        if (op instanceof SqlDynamicParam p && COMPARISONS.contains(kind)) {
          check(p, kind == SqlKind.BETWEEN && i > 0 ? operands.subList(0, 1) : others(operands, i));
        } else if (op instanceof SqlNodeList list && i == 1
            && (kind == SqlKind.IN || kind == SqlKind.NOT_IN)) {
          for (SqlNode e : list) {
            if (e instanceof SqlDynamicParam p) {
              check(p, operands.subList(0, 1));
            } else if (e != null) {
              visit(e);
            }
          }
        } else if (op != null) {
          visit(op);
        }
      }
    }
  }

  private static List<SqlNode> others(List<SqlNode> operands, int self) {
    List<SqlNode> out = new java.util.ArrayList<>(operands);
    out.remove(self);
    return out;
  }

  private void check(SqlDynamicParam p, List<SqlNode> others) {
    RelDataType own = validator.getValidatedNodeTypeIfKnown(p);
    boolean ok = own != null && !others.isEmpty();
    for (SqlNode other : others) {
      // A cast (the validator's, for a CHAR column compared with VARCHAR, or the user's) must
      // not hide an operand of another family: each level of it is checked.
      SqlNode e = other;
      while (ok) {
        ok = sameFamily(own, e);
        if (e instanceof SqlCall cast && cast.getKind() == SqlKind.CAST) {
          e = cast.operand(0);
        } else {
          break;
        }
      }
    }
    if (ok) {
      compared.set(p.getIndex());
    } else {
      elsewhere = true;
    }
  }

  private boolean sameFamily(RelDataType own, SqlNode other) {
    if (other instanceof SqlDynamicParam || other instanceof SqlLiteral) {
      return false;
    }
    RelDataType t = validator.getValidatedNodeTypeIfKnown(other);
    if (t == null) {
      return false;
    }
    if (SqlTypeUtil.isNumeric(own)) {
      return SqlTypeUtil.isNumeric(t);
    }
    if (SqlTypeUtil.isDatetime(own)) {
      // a DATE with a DATE, a TIME with a TIME, a TIMESTAMP with a TIMESTAMP (not WITH LOCAL TIME ZONE)
      return own.getSqlTypeName() == t.getSqlTypeName();
    }
    return own.getSqlTypeName() == SqlTypeName.VARCHAR && t.getSqlTypeName() == SqlTypeName.VARCHAR;
  }
}
