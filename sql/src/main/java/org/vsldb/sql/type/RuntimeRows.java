package org.vsldb.sql.type;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.TableDef;

/**
 * Converts whole rows between the store and Calcite's runtime. The two representations differ
 * only in binary columns ({@link BinaryValues}); rows of tables without one pass unchanged and
 * uncopied.
 */
public final class RuntimeRows {
  private RuntimeRows() {}

  /** The positions of {@code def}'s binary columns; empty when its rows need no conversion. */
  public static int[] binaryColumns(TableDef def) {
    List<ColumnDef> cols = def.columns();
    int count = 0;
    for (ColumnDef c : cols) {
      if (c.type().isBinary()) {
        count++;
      }
    }
    if (count == 0) {
      return NONE; // the common case, on every row a primary-key lookup returns: no allocation
    }
    int[] out = new int[count];
    for (int i = 0, k = 0; i < cols.size(); i++) {
      if (cols.get(i).type().isBinary()) {
        out[k++] = i;
      }
    }
    return out;
  }

  private static final int[] NONE = new int[0];

  /**
   * A function from stored rows of {@code def} to runtime rows: the identity when the table has
   * no binary column, else a copy with those columns converted.
   */
  public static Function<Object[], Object[]> toRuntime(TableDef def) {
    return toRuntime(binaryColumns(def));
  }

  private static Function<Object[], Object[]> toRuntime(int[] binary) {
    if (binary.length == 0) {
      return Function.identity();
    }
    return row -> {
      Object[] out = row.clone();
      for (int i : binary) {
        out[i] = BinaryValues.toRuntime(out[i]);
      }
      return out;
    };
  }

  /** Stored rows of {@code def} as runtime rows. */
  public static Iterator<Object[]> toRuntime(Iterator<Object[]> rows, TableDef def) {
    int[] binary = binaryColumns(def);
    if (binary.length == 0) {
      return rows;
    }
    Function<Object[], Object[]> f = toRuntime(binary);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Object[] next() {
        return f.apply(rows.next());
      }
    };
  }

  /** The first {@code n} values of a runtime row, from {@code from} on, as the store keeps them. */
  public static Object[] toStored(Object[] row, int from, int n) {
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      out[i] = BinaryValues.toStored(row[from + i]);
    }
    return out;
  }
}
