package org.vsldb.sql;

import java.util.Iterator;
import java.util.List;

/** What running a statement produced: rows, or a count of changed rows. */
public sealed interface Result {
  /**
   * Rows, read lazily.
   *
   * @param columns the result columns
   * @param rows the rows; each array has one value per column, in the runtime representation
   *     (see {@link org.vsldb.sql.type.Values})
   */
  record Rows(List<ColumnMeta> columns, Iterator<Object[]> rows, AutoCloseable onClose)
      implements Result {}

  /**
   * The number of rows a statement inserted, updated or deleted (0 for DDL and other statements),
   * and the generated keys it was asked for (rows in the runtime representation; null if none
   * were asked for).
   */
  record Count(long count, Rows generatedKeys) implements Result {
    public Count(long count) {
      this(count, null);
    }
  }
}
