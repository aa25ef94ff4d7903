package org.vsldb.sql.plan;

import java.lang.reflect.Method;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Operators that vsl's rewrites put into plans, each a call of a public static method that the
 * generated code calls (deterministic: a call with constant operands is folded when planned).
 */
final class MethodFunctions {
  private MethodFunctions() {}

  /** The operator {@code name}, a call of {@code owner.method(parameters)} of type {@code type}. */
  static SqlOperator of(String name, Class<?> owner, String method, SqlReturnTypeInference type,
      Class<?>... parameters) {
    Method m;
    try {
      m = owner.getMethod(method, parameters);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        type, null, null, ScalarFunctionImpl.create(m));
  }

  /**
   * As {@link #of}, for a function statements call by name: its operands are checked against
   * {@code families}, which name the SQL types of {@code parameters} in order.
   */
  static SqlOperator named(String name, Class<?> owner, String method, SqlReturnTypeInference type,
      java.util.List<org.apache.calcite.sql.type.SqlTypeFamily> families, Class<?>... parameters) {
    Method m;
    try {
      m = owner.getMethod(method, parameters);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    ScalarFunctionImpl f = (ScalarFunctionImpl) ScalarFunctionImpl.create(m);
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        type, null,
        org.apache.calcite.sql.type.OperandTypes.operandMetadata(families,
            t -> f.getParameters().stream().map(p -> p.getType(t)).toList(),
            i -> f.getParameters().get(i).getName(), i -> false),
        f);
  }
}
