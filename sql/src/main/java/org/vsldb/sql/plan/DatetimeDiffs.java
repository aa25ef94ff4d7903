package org.vsldb.sql.plan;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Gives {@code TIMESTAMPDIFF(unit, a, b)} (and {@code DATEDIFF}, which the parser makes the same
 * call) H2's meaning: the number of unit boundaries between {@code a} and {@code b}, so that
 * {@code DATEDIFF(MONTH, DATE '2020-01-31', DATE '2020-02-01')} is 1 (one month boundary
 * crossed) and {@code TIMESTAMPDIFF(DAY, '… 23:00', next day '01:00')} is 1. Calcite counts
 * whole units elapsed (0 in both). Each datetime operand is floored to the unit first, which
 * makes the whole units between the floored values the boundaries between the given ones. Units
 * finer than a millisecond are left alone: no vsl value has a fraction below it. The tree is
 * changed in place, after the select items are labelled ({@link SelectLabels}).
 */
final class DatetimeDiffs {
  private static final Set<TimeUnit> FLOORED = EnumSet.of(TimeUnit.YEAR, TimeUnit.QUARTER,
      TimeUnit.MONTH, TimeUnit.WEEK, TimeUnit.DAY, TimeUnit.HOUR, TimeUnit.MINUTE, TimeUnit.SECOND);

  private DatetimeDiffs() {}

  static void countBoundaries(SqlNode statement) {
    statement.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getOperator() == SqlStdOperatorTable.TIMESTAMP_DIFF && call.operandCount() == 3
            && call.operand(0) instanceof SqlIntervalQualifier unit
            && FLOORED.contains(unit.getStartUnit()) && unit.timeFrameName == null) {
          call.setOperand(1, floor(call.operand(1), unit));
          call.setOperand(2, floor(call.operand(2), unit));
        }
        return super.visit(call);
      }
    });
  }

  private static SqlNode floor(SqlNode value, SqlIntervalQualifier unit) {
    SqlParserPos pos = value.getParserPosition();
    return SqlStdOperatorTable.FLOOR.createCall(pos, value, unit);
  }
}
