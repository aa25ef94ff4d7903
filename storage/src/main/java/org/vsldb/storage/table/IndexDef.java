package org.vsldb.storage.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sorted index on some columns of a table. A UNIQUE constraint is a unique index owned by that
 * constraint; a foreign key owns the index that finds the rows referencing a parent row.
 *
 * @param name the index name, unique in its schema
 * @param columns the positions of the indexed columns, in key order
 * @param unique whether two rows may not share a key without NULLs
 * @param constraint the name of the constraint that owns the index, or null for CREATE INDEX
 */
public record IndexDef(String name, int[] columns, boolean unique, String constraint) {
  public IndexDef {
    Objects.requireNonNull(name, "name");
    columns = columns.clone();
    if (columns.length == 0) {
      throw new IllegalArgumentException("index " + name + " has no columns");
    }
    if (constraint != null && constraint.isEmpty()) {
      constraint = null;
    }
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  /** Whether this index is the one a UNIQUE constraint consists of. */
  public boolean isUniqueConstraint() {
    return unique && name.equals(constraint);
  }

  /** A copy whose column positions are mapped through {@code map} (old position → new). */
  IndexDef remap(int[] map) {
    return new IndexDef(name, TableDef.remap(columns, map), unique, constraint);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexDef i
        && name.equals(i.name)
        && Arrays.equals(columns, i.columns)
        && unique == i.unique
        && Objects.equals(constraint, i.constraint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(columns), unique, constraint);
  }
}
