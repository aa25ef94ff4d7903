package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.TimestampString;
import org.vsldb.sql.type.Instants;

/**
 * {@code TIMESTAMP WITH TIME ZONE} is vsl's instant type, {@code TIMESTAMP WITH LOCAL TIME ZONE}, as
 * PostgreSQL's {@code timestamptz} is: the instant is kept, the offset it was written with is not,
 * and it reads in the session's zone (docs/SQL.md, "Types"). Calcite's own {@code TIMESTAMP_TZ} has
 * no storage or run-time support. This rewrite replaces the type in a parsed statement's casts and
 * its {@code TIMESTAMP WITH TIME ZONE '...'} literals (by the instant they name); column
 * definitions map it in {@code org.vsldb.sql.ddl.Definitions}. The tree is changed in place.
 */
public final class TimeZoneTypes {
  private TimeZoneTypes() {}

  /** The instant type for {@code TIMESTAMP WITH TIME ZONE}; any other type name as it is. */
  public static SqlTypeName instantFor(SqlTypeName t) {
    return t == SqlTypeName.TIMESTAMP_TZ ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : t;
  }

  /**
   * {@code TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05+02:00'} (or with {@code Z}, {@code +02},
   * a zone name, or nothing: the session zone) as the literal of the instant it names; text that
   * is no timestamp stays, for the validator's error (22007).
   */
  private static SqlNode instantLiteral(SqlUnknownLiteral literal) {
    String text = literal.getValue();
    long millis;
    try {
      millis = Instants.toEpochMillis(text);
    } catch (java.time.DateTimeException e) {
      return literal;
    }
    int digits = 0;
    int dot = text.indexOf('.', 10);
    if (dot > 0) {
      while (dot + 1 + digits < text.length() && Character.isDigit(text.charAt(dot + 1 + digits))) {
        digits++;
      }
    }
    return SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
        TimestampString.fromMillisSinceEpoch(millis), Math.min(digits, 3), literal.getParserPosition());
  }

  static SqlNode replaceIn(SqlNode node) {
    if (node instanceof SqlUnknownLiteral literal && literal.tag.equals("TIMESTAMP WITH TIME ZONE")) {
      return instantLiteral(literal);
    }
    if (node instanceof SqlDataTypeSpec spec
        && spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
        && basic.getTypeName().isSimple()
        && basic.getTypeName().getSimple().equals(SqlTypeName.TIMESTAMP_TZ.name())) {
      SqlBasicTypeNameSpec instant = new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
          basic.getPrecision(), basic.getParserPos());
      return new SqlDataTypeSpec(instant, spec.getTimeZone(), spec.getNullable(), spec.getParserPosition());
    }
    if (node instanceof SqlNodeList list) {
      for (int i = 0; i < list.size(); i++) {
        SqlNode e = list.get(i);
        SqlNode r = replaceIn(e);
        if (r != e) {
          list.set(i, r);
        }
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode e = operands.get(i);
        SqlNode r = replaceIn(e);
        if (r != e) {
          try {
            call.setOperand(i, r);
          } catch (UnsupportedOperationException keep) {
            // a node that cannot replace operands keeps the type (0A000 where it is used)
          }
        }
      }
    }
    return node;
  }
}
