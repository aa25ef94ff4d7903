package org.vsldb.sql.plan;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql2rel.SqlRexConvertlet;

/**
 * The session's schema as a value: {@code CURRENT_SCHEMA} and H2's {@code SCHEMA()}. A statement
 * is planned for one schema (plans are cached by schema and text, docs/SQL.md), so the name is a
 * constant of its plan.
 */
final class SessionFunctions {
  private SessionFunctions() {}

  /** H2's {@code SCHEMA()}, the session's schema. */
  static final SqlFunction SCHEMA = new SqlFunction("SCHEMA", SqlKind.OTHER_FUNCTION,
      ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NOT_NULLABLE), null,
      OperandTypes.NILADIC, SqlFunctionCategory.SYSTEM) {
    @Override
    public boolean isDynamicFunction() {
      return true; // its value depends on the session, not on its operands
    }
  };

  /** Whether {@code call} asks for the session's schema. */
  static boolean asksSchema(SqlCall call) {
    return call.getOperator() == SqlStdOperatorTable.CURRENT_SCHEMA || call.getOperator() == SCHEMA;
  }

  /** The conversion of such a call: the schema's name, typed as the validator typed the call. */
  static SqlRexConvertlet schema(String schema) {
    return (cx, call) -> {
      // a column's DEFAULT is converted without validation: its call has no validated type
      org.apache.calcite.rel.type.RelDataType type = cx.getValidator().getValidatedNodeTypeIfKnown(call);
      org.apache.calcite.rex.RexNode name = cx.getRexBuilder().makeLiteral(schema);
      return type == null ? name : cx.getRexBuilder().makeCast(type, name, true, false);
    };
  }
}
