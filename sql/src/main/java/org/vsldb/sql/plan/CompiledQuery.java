package org.vsldb.sql.plan;

import java.util.List;
import java.util.Map;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.ColumnMeta;

/**
 * A query compiled once and run many times: the generated code, the values it stashed for run
 * time, the result columns and the types of its {@code ?} parameters.
 *
 * @param bindable the generated code
 * @param stash values the code generator stashed; the data context must supply them
 * @param columns the result columns
 * @param parameterTypes the SQL type of each {@code ?}, in order
 * @param plan the optimized plan, as EXPLAIN prints it, or null if it was not asked for
 * @param parameterRow when the plan is one row whose columns are {@code ?} parameters themselves
 *     (as in {@code INSERT ... VALUES (?, ?)} into columns of the parameters' types), the
 *     parameter index of each column, so the row can be made without running the code; else null
 */
public record CompiledQuery(
    Bindable<Object> bindable,
    Map<String, Object> stash,
    List<ColumnMeta> columns,
    List<SqlTypeName> parameterTypes,
    String plan,
    int[] parameterRow) {

  /** Whether each row comes as a bare value rather than an {@code Object[]}. */
  public boolean scalarRows() {
    return columns.size() == 1;
  }
}
