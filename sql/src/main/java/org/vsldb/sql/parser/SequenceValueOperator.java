package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code NEXT VALUE FOR seq} and {@code CURRENT VALUE FOR seq} as vsl parses them: Calcite's
 * operators with a working {@code unparse} (Calcite's fails outside a list, and its converter
 * writes calls as text while grouping), typed as the sequence's values are (Calcite's are always
 * BIGINT), and converted by vsl's own convertlet into calls of the store's sequence
 * (org.vsldb.sql.plan.SequenceCalls). After parsing, {@link #replaceIn} puts
 * them in place of Calcite's.
 */
public final class SequenceValueOperator extends SqlSpecialOperator {
  public static final SequenceValueOperator NEXT = new SequenceValueOperator(SqlKind.NEXT_VALUE);
  public static final SequenceValueOperator CURRENT = new SequenceValueOperator(SqlKind.CURRENT_VALUE);

  private SequenceValueOperator(SqlKind kind) {
    super(kind.name(), kind, 100);
  }

  /** What a validator tells of a sequence: the type of its values. */
  public interface Types {
    /** The data type of the sequence {@code name} names (TINYINT, SMALLINT, INTEGER or BIGINT). */
    SqlTypeName sequenceType(SqlIdentifier name);
  }

  /** The sequence's name as written. */
  public static SqlIdentifier name(SqlCall call) {
    return (SqlIdentifier) call.operand(0);
  }

  @Override
  public boolean isDeterministic() {
    return false;
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    writer.keyword(kind == SqlKind.NEXT_VALUE ? "NEXT VALUE FOR" : "CURRENT VALUE FOR");
    call.operand(0).unparse(writer, 0, 0);
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    RelDataTypeFactory f = validator.getTypeFactory();
    SqlTypeName type = validator instanceof Types t ? t.sequenceType(name(call)) : SqlTypeName.BIGINT;
    return f.createTypeWithNullability(f.createSqlType(type), false);
  }

  @Override
  public void validateCall(SqlCall call, SqlValidator validator, SqlValidatorScope scope,
      SqlValidatorScope operandScope) {
    validator.validateSequenceValue(scope, name(call));
  }

  /** Puts these operators in place of Calcite's in every sequence call of {@code statement}. */
  public static void replaceIn(SqlNode statement) {
    statement.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call instanceof SqlBasicCall b && !(call.getOperator() instanceof SequenceValueOperator)
            && (call.getKind() == SqlKind.NEXT_VALUE || call.getKind() == SqlKind.CURRENT_VALUE)) {
          b.setOperator(call.getKind() == SqlKind.NEXT_VALUE ? NEXT : CURRENT);
          return call;
        }
        List<SqlNode> operands = call.getOperandList();
        for (SqlNode o : operands) {
          if (o != null) {
            o.accept(this);
          }
        }
        return call;
      }
    });
  }
}
