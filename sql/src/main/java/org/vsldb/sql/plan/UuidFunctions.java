package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.vsldb.sql.type.UuidValues;

/**
 * H2's {@code RANDOM_UUID([version])}: a new UUID for each call (each row), version 4 (random)
 * by default or 7 (time-ordered); docs/SQL.md, "UUID". Generated code calls
 * {@link UuidValues#random}.
 */
final class UuidFunctions {
  private UuidFunctions() {}

  static final SqlUserDefinedFunction RANDOM_UUID =
      new SqlUserDefinedFunction(new SqlIdentifier("RANDOM_UUID", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
          ReturnTypes.explicit(SqlTypeName.UUID), null,
          OperandTypes.operandMetadata(List.of(SqlTypeFamily.INTEGER),
              f -> List.of(f.createSqlType(SqlTypeName.INTEGER)), i -> "version", i -> true),
          new Random()) {
        @Override
        public boolean isDeterministic() {
          return false; // a new value for every call: never folded into a constant
        }
      };

  /** The function behind the operator: a call of {@link UuidValues#random}. */
  private static final class Random implements ScalarFunction, ImplementableFunction {
    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(SqlTypeName.UUID);
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }

    @Override
    public CallImplementor getImplementor() {
      return (translator, call, nullAs) -> {
        List<Expression> args = translator.translateList(call.getOperands());
        Expression version = args.isEmpty()
            ? Expressions.constant(null, Number.class)
            : Expressions.convert_(Expressions.box(args.get(0)), Number.class);
        return Expressions.call(UuidValues.class, "random", version);
      };
    }
  }
}
