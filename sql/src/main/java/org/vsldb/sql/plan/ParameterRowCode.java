package org.vsldb.sql.plan;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;

/**
 * The code of a plan that is one row of bare {@code ?} parameters ({@link CompiledQuery#parameterRow()}),
 * made without generating and compiling Java: its one row is the bound values of the parameters,
 * as the generated code of such a plan reads them from the data context ({@code "?0"}, ...). A
 * single column comes as the bare value, more as an {@code Object[]}, as Calcite's code returns
 * them. An {@code INSERT ... VALUES (?, ?, ...)} plans to this; its statement takes the values
 * directly and does not run the code, which saves the prepare Janino's compilation (10 to 30 ms).
 *
 * @param indexes the parameter index of each column
 */
public record ParameterRowCode(int[] indexes) implements Bindable<Object> {
  @Override
  public Enumerable<Object> bind(DataContext root) {
    if (indexes.length == 1) {
      return Linq4j.singletonEnumerable(root.get("?" + indexes[0]));
    }
    Object[] row = new Object[indexes.length];
    for (int i = 0; i < row.length; i++) {
      row[i] = root.get("?" + indexes[i]);
    }
    return Linq4j.singletonEnumerable(row);
  }
}
