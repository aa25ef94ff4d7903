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

  /**
   * Puts these operators in place of Calcite's in every sequence call of {@code statement}; also
   * in place of the functions {@code NEXTVAL('name')} and {@code CURRVAL('name')} (PostgreSQL's,
   * which H2 has too), whose string is read as a name is in SQL text: unquoted parts fold to upper
   * case, double-quoted ones are exact.
   */
  public static void replaceIn(SqlNode statement) {
    statement.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call instanceof SqlBasicCall b && !(call.getOperator() instanceof SequenceValueOperator)) {
          if (call.getKind() == SqlKind.NEXT_VALUE || call.getKind() == SqlKind.CURRENT_VALUE) {
            b.setOperator(call.getKind() == SqlKind.NEXT_VALUE ? NEXT : CURRENT);
            return call;
          }
          SequenceValueOperator function = function(call);
          if (function != null) {
            b.setOperator(function);
            b.setOperand(0, nameOf((org.apache.calcite.sql.SqlLiteral) call.operand(0)));
            return call;
          }
        }
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
          SqlNode o = operands.get(i);
          if (o != null) {
            o.accept(this);
          }
        }
        return call;
      }
    });
  }

  /** NEXT or CURRENT for a call {@code NEXTVAL('name')} or {@code CURRVAL('name')}, else null. */
  private static SequenceValueOperator function(SqlCall call) {
    if (call.getOperator().getKind() != SqlKind.OTHER_FUNCTION || call.operandCount() != 1
        || !(call.operand(0) instanceof org.apache.calcite.sql.SqlLiteral l)
        || !(l.getValue() instanceof org.apache.calcite.util.NlsString)) {
      return null;
    }
    String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
    return name.equals("NEXTVAL") ? NEXT : name.equals("CURRVAL") ? CURRENT : null;
  }

  /** The sequence name a NEXTVAL string holds: {@code s}, {@code app.s}, {@code "Mixed"}. */
  private static SqlIdentifier nameOf(org.apache.calcite.sql.SqlLiteral literal) {
    String text = literal.getValueAs(String.class).trim();
    List<String> parts = new java.util.ArrayList<>();
    int i = 0;
    while (i <= text.length()) {
      if (i < text.length() && text.charAt(i) == '"') {
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        while (j < text.length() && !(text.charAt(j) == '"' && (j + 1 >= text.length() || text.charAt(j + 1) != '"'))) {
          b.append(text.charAt(j));
          j += text.charAt(j) == '"' ? 2 : 1;
        }
        parts.add(b.toString());
        i = j + 1;
      } else {
        int dot = text.indexOf('.', i);
        int end = dot < 0 ? text.length() : dot;
        parts.add(text.substring(i, end).trim().toUpperCase(java.util.Locale.ROOT));
        i = end;
      }
      if (i < text.length() && text.charAt(i) == '.') {
        i++;
      } else {
        break;
      }
    }
    return new SqlIdentifier(parts, literal.getParserPosition());
  }
}
