package org.vsldb.storage.table;

import java.util.Objects;

/**
 * One column of a table: its name, type, declared precision and scale, and nullability.
 *
 * @param name exact column name (already case-folded by the SQL layer)
 * @param type the column type
 * @param precision declared length for strings, precision for DECIMAL, -1 when not declared
 * @param scale declared scale for DECIMAL, -1 when not declared
 * @param nullable whether NULL may be stored
 */
public record ColumnDef(String name, ColumnType type, int precision, int scale, boolean nullable) {
  public ColumnDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** A copy with another nullability. */
  public ColumnDef withNullable(boolean nullable) {
    return new ColumnDef(name, type, precision, scale, nullable);
  }
}
