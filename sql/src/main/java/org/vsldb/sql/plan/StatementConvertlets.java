package org.vsldb.sql.plan;

import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.vsldb.sql.parser.SequenceValueOperator;

/**
 * The conversion of calls to relational expressions for a statement planned in {@code schema}:
 * Calcite's, except for vsl's sequence calls ({@link SequenceCalls}) and the session's schema
 * ({@link SessionFunctions}).
 */
final class StatementConvertlets {
  private StatementConvertlets() {}

  static SqlRexConvertletTable of(String schema) {
    return call -> call.getOperator() instanceof SequenceValueOperator ? SequenceCalls.convertlet(schema)
        : SessionFunctions.asksSchema(call) ? SessionFunctions.schema(schema)
        : StandardConvertletTable.INSTANCE.get(call);
  }
}
