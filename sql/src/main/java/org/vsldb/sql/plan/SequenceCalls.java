package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.vsldb.sql.exec.SequenceValues;
import org.vsldb.sql.parser.SequenceValueOperator;

/**
 * NEXT VALUE FOR and CURRENT VALUE FOR as vsl runs them. Calcite implements the two with a
 * per-thread counter of its own; vsl converts each ({@link SequenceValueOperator}) into a call of
 * {@link SequenceValues}, which takes values from the store's sequence (invariant I11) and keeps
 * the session's current value. An unqualified name is in the schema of the statement (or of the
 * view, or of the table whose DEFAULT names it), as {@link VslValidator#validateSequenceValue}
 * resolves it.
 *
 * <p>Within one row, every NEXT VALUE FOR of the same sequence gives the same value, as the SQL
 * standard and H2 have it: the calls are equal expressions, which a Calc computes once per row.
 */
public final class SequenceCalls {
  private SequenceCalls() {}

  /** The two functions, made when a statement first names a sequence. */
  private static final class Functions {
    static final SqlUserDefinedFunction NEXT = function("VSL_NEXT_VALUE", "next");
    static final SqlUserDefinedFunction CURRENT = function("VSL_CURRENT_VALUE", "current");
  }

  /** The conversion of a sequence call whose unqualified name is in {@code schema} ({@link StatementConvertlets}). */
  static SqlRexConvertlet convertlet(String schema) {
    return (cx, c) -> {
      RexNode value = call(cx.getRexBuilder(), c, schema);
      RelDataType type = cx.getValidator().getValidatedNodeType(c); // the sequence's type
      return type.getSqlTypeName() == SqlTypeName.BIGINT ? value : cx.getRexBuilder().makeCast(type, value);
    };
  }

  /** The call of the store's sequence for {@code NEXT/CURRENT VALUE FOR name}; {@code schema} if unqualified. */
  public static RexNode call(RexBuilder rexBuilder, SqlCall call, String schema) {
    List<String> names = ((SqlIdentifier) call.operand(0)).names;
    String s = names.size() == 2 ? names.get(0) : schema;
    RelDataTypeFactory f = rexBuilder.getTypeFactory();
    return rexBuilder.makeCall(f.createSqlType(SqlTypeName.BIGINT),
        call.getKind() == SqlKind.NEXT_VALUE ? Functions.NEXT : Functions.CURRENT,
        List.of(rexBuilder.makeLiteral(s), rexBuilder.makeLiteral(names.get(names.size() - 1))));
  }

  private static SqlUserDefinedFunction function(String name, String method) {
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.BIGINT, null, null, new Sequence(method)) {
      @Override
      public boolean isDeterministic() {
        return false; // each row takes a new value: never folded into a constant
      }
    };
  }

  /** The function behind both operators: a call of {@link SequenceValues} with the data context. */
  private static final class Sequence implements ScalarFunction, ImplementableFunction {
    private final String method;

    Sequence(String method) {
      this.method = method;
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(SqlTypeName.BIGINT);
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }

    @Override
    public CallImplementor getImplementor() {
      return (translator, call, nullAs) -> {
        // the operands are the schema's and the sequence's names, constants (local refs in a Calc)
        List<Expression> names = translator.translateList(call.getOperands());
        return Expressions.call(SequenceValues.class, method, translator.getRoot(), names.get(0), names.get(1));
      };
    }
  }
}
