package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * H2's {@code CASEWHEN(condition, a, b)}: {@code CASE WHEN condition THEN a ELSE b END}, into which
 * the validator rewrites it (so only the branch taken is computed, and a NULL condition takes
 * {@code b}).
 */
final class CaseWhenFunction extends SqlFunction {
  static final CaseWhenFunction INSTANCE = new CaseWhenFunction();

  private CaseWhenFunction() {
    super("CASEWHEN", SqlKind.OTHER_FUNCTION, ReturnTypes.LEAST_RESTRICTIVE, null,
        OperandTypes.sequence("CASEWHEN(<BOOLEAN>, <ANY>, <ANY>)", OperandTypes.BOOLEAN, OperandTypes.ANY,
            OperandTypes.ANY),
        SqlFunctionCategory.SYSTEM);
  }

  @Override
  public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
    List<SqlNode> operands = call.getOperandList();
    if (operands.size() != 3) {
      return call; // the operand check names the expected form
    }
    return new SqlCase(call.getParserPosition(), null,
        SqlNodeList.of(operands.get(0)), SqlNodeList.of(operands.get(1)), operands.get(2));
  }
}
