package org.vsldb.storage.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The definition of a table: schema, name, columns and primary key.
 *
 * @param schema exact schema name
 * @param name exact table name
 * @param columns the columns in order
 * @param primaryKey positions of the primary-key columns in key order; empty for no key
 */
public record TableDef(String schema, String name, List<ColumnDef> columns, int[] primaryKey) {
  public TableDef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = primaryKey.clone();
    for (int p : primaryKey) {
      if (p < 0 || p >= columns.size()) {
        throw new IllegalArgumentException("primary key position " + p + " out of range");
      }
    }
  }

  /** The position of the column named {@code column}, or -1. */
  public int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the table has a primary key. */
  public boolean hasPrimaryKey() {
    return primaryKey.length > 0;
  }

  @Override
  public int[] primaryKey() {
    return primaryKey.clone();
  }

  /** The names of the primary-key columns in key order. */
  public List<String> primaryKeyNames() {
    List<String> names = new ArrayList<>();
    for (int p : primaryKey) {
      names.add(columns.get(p).name());
    }
    return names;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableDef t
        && schema.equals(t.schema)
        && name.equals(t.name)
        && columns.equals(t.columns)
        && Arrays.equals(primaryKey, t.primaryKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, name, columns, Arrays.hashCode(primaryKey));
  }

  @Override
  public String toString() {
    return schema + "." + name + columns + " pk=" + Arrays.toString(primaryKey);
  }
}
