package org.vsldb.storage.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * A FOREIGN KEY constraint: the values of {@code columns}, when none is NULL, must equal the
 * values of {@code refColumns} in some row of table {@code refTableId}. A parent row that child
 * rows reference cannot be deleted or given another key (RESTRICT).
 *
 * @param name the constraint name
 * @param columns the referencing columns of this table
 * @param refTableId the id of the referenced table (stable across renames)
 * @param refColumns the referenced columns: its primary key or a unique index's columns
 */
public record ForeignKeyDef(String name, int[] columns, int refTableId, int[] refColumns) {
  public ForeignKeyDef {
    Objects.requireNonNull(name, "name");
    columns = columns.clone();
    refColumns = refColumns.clone();
    if (columns.length == 0 || columns.length != refColumns.length) {
      throw new IllegalArgumentException("foreign key " + name + " has mismatched column lists");
    }
  }

  @Override
  public int[] columns() {
    return columns.clone();
  }

  @Override
  public int[] refColumns() {
    return refColumns.clone();
  }

  /** A copy with this table's column positions mapped through {@code map}. */
  ForeignKeyDef remap(int[] map) {
    return new ForeignKeyDef(name, TableDef.remap(columns, map), refTableId, refColumns);
  }

  /** A copy with the referenced table's column positions mapped through {@code map}. */
  ForeignKeyDef remapReferenced(int[] map) {
    return new ForeignKeyDef(name, columns, refTableId, TableDef.remap(refColumns, map));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForeignKeyDef f
        && name.equals(f.name)
        && Arrays.equals(columns, f.columns)
        && refTableId == f.refTableId
        && Arrays.equals(refColumns, f.refColumns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(columns), refTableId, Arrays.hashCode(refColumns));
  }
}
