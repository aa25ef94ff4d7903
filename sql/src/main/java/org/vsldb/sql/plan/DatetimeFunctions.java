package org.vsldb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlDatePartFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.vsldb.sql.type.DatetimeFormats;

/**
 * H2's date and time functions that Calcite lacks (docs/SQL.md, "Functions beyond standard SQL"):
 * {@code FORMATDATETIME(value, pattern [, locale [, zone]])} and
 * {@code PARSEDATETIME(text, pattern [, locale [, zone]])}, calls of {@link DatetimeFormats}; and
 * {@code DAY_OF_MONTH}, {@code DAY_OF_WEEK}, {@code DAY_OF_YEAR}, {@code ISO_DAY_OF_WEEK},
 * {@code ISO_WEEK}, {@code ISO_YEAR}, which the validator rewrites to {@code EXTRACT}.
 */
final class DatetimeFunctions {
  private DatetimeFunctions() {}

  static final SqlOperator FORMATDATETIME = function("FORMATDATETIME", SqlTypeFamily.DATETIME,
      SqlTypeName.TIMESTAMP, SqlTypeName.VARCHAR, new Format());

  static final SqlOperator PARSEDATETIME = function("PARSEDATETIME", SqlTypeFamily.CHARACTER,
      SqlTypeName.VARCHAR, SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, new Parse());

  static final List<SqlOperator> DATE_PARTS = List.of(
      new SqlDatePartFunction("DAY_OF_MONTH", TimeUnit.DAY),
      new SqlDatePartFunction("DAY_OF_WEEK", TimeUnit.DOW),
      new SqlDatePartFunction("DAY_OF_YEAR", TimeUnit.DOY),
      new SqlDatePartFunction("ISO_DAY_OF_WEEK", TimeUnit.ISODOW),
      new SqlDatePartFunction("ISO_WEEK", TimeUnit.WEEK),
      new SqlDatePartFunction("ISO_YEAR", TimeUnit.ISOYEAR));

  /** {@code name(first, pattern [, locale [, zone]])} of type {@code result}, NULL when an argument is. */
  private static SqlOperator function(String name, SqlTypeFamily first, SqlTypeName firstType,
      SqlTypeName result, ImplementableFunction implementation) {
    List<String> names = List.of("value", "pattern", "locale", "zone");
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(result).andThen(SqlTypeTransforms.TO_NULLABLE), null,
        OperandTypes.operandMetadata(
            List.of(first, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
            f -> List.of(f.createSqlType(firstType), f.createSqlType(SqlTypeName.VARCHAR),
                f.createSqlType(SqlTypeName.VARCHAR), f.createSqlType(SqlTypeName.VARCHAR)),
            names::get, i -> i >= 2),
        (org.apache.calcite.schema.Function) implementation);
  }

  /** The operands as the methods take them: boxed, the left-out ones NULL text. */
  private static List<Expression> arguments(List<Expression> translated, Class<?> first) {
    List<Expression> out = new ArrayList<>(4);
    out.add(Expressions.convert_(Expressions.box(translated.get(0)), first));
    for (int i = 1; i < 4; i++) {
      out.add(i < translated.size()
          ? Expressions.convert_(translated.get(i), String.class)
          : Expressions.constant(null, String.class));
    }
    return out;
  }

  private abstract static class Implementation implements ScalarFunction, ImplementableFunction {
    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }
  }

  /** FORMATDATETIME: the method for the value's type. */
  private static final class Format extends Implementation {
    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(SqlTypeName.VARCHAR);
    }

    @Override
    public CallImplementor getImplementor() {
      return (translator, call, nullAs) -> {
        List<Expression> args = translator.translateList(call.getOperands());
        SqlTypeName type = call.getOperands().get(0).getType().getSqlTypeName();
        return switch (type) {
          case NULL -> Expressions.constant(null, String.class);
          case DATE -> Expressions.call(DatetimeFormats.class, "formatDate", arguments(args, Integer.class));
          case TIME -> Expressions.call(DatetimeFormats.class, "formatTime", arguments(args, Integer.class));
          case TIMESTAMP -> Expressions.call(DatetimeFormats.class, "formatTimestamp", arguments(args, Long.class));
          case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
              Expressions.call(DatetimeFormats.class, "formatInstant", arguments(args, Long.class));
          default -> throw new UnsupportedOperationException("FORMATDATETIME of a " + type);
        };
      };
    }
  }

  /** PARSEDATETIME: the instant the text names. */
  private static final class Parse extends Implementation {
    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    }

    @Override
    public CallImplementor getImplementor() {
      return (translator, call, nullAs) -> Expressions.call(DatetimeFormats.class, "parse",
          arguments(translator.translateList(call.getOperands()), String.class));
    }
  }
}
