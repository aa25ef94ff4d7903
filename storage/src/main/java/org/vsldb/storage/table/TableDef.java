package org.vsldb.storage.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The definition of a table: schema, name, columns, primary key, indexes (UNIQUE constraints are
 * unique indexes), CHECK constraints and foreign keys. Immutable; ALTER TABLE makes a new one.
 *
 * @param schema exact schema name
 * @param name exact table name
 * @param columns the columns in order
 * @param primaryKey positions of the primary-key columns in key order; empty for no key
 * @param primaryKeyName the primary-key constraint's name, or null when there is no key
 * @param indexes the table's sorted indexes
 * @param checks the table's CHECK constraints
 * @param foreignKeys the foreign keys of this table (as the referencing table)
 */
public record TableDef(
    String schema,
    String name,
    List<ColumnDef> columns,
    int[] primaryKey,
    String primaryKeyName,
    List<IndexDef> indexes,
    List<CheckDef> checks,
    List<ForeignKeyDef> foreignKeys) {
  public TableDef {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    primaryKey = primaryKey.clone();
    indexes = List.copyOf(indexes);
    checks = List.copyOf(checks);
    foreignKeys = List.copyOf(foreignKeys);
    if (primaryKey.length == 0) {
      primaryKeyName = null;
    } else if (primaryKeyName == null || primaryKeyName.isEmpty()) {
      primaryKeyName = "PK_" + name;
    }
    checkPositions(primaryKey, columns.size(), "primary key");
    for (IndexDef i : indexes) {
      checkPositions(i.columns(), columns.size(), "index " + i.name());
    }
    for (ForeignKeyDef f : foreignKeys) {
      checkPositions(f.columns(), columns.size(), "foreign key " + f.name());
    }
    Set<String> names = new HashSet<>();
    for (ColumnDef c : columns) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("duplicate column " + c.name());
      }
    }
  }

  /** A table with columns and a primary key only. */
  public TableDef(String schema, String name, List<ColumnDef> columns, int[] primaryKey) {
    this(schema, name, columns, primaryKey, null, List.of(), List.of(), List.of());
  }

  private static void checkPositions(int[] positions, int n, String what) {
    for (int p : positions) {
      if (p < 0 || p >= n) {
        throw new IllegalArgumentException(what + ": column position " + p + " out of range");
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
    return names(primaryKey);
  }

  /** The names of the columns at {@code positions}. */
  public List<String> names(int[] positions) {
    List<String> names = new ArrayList<>();
    for (int p : positions) {
      names.add(columns.get(p).name());
    }
    return names;
  }

  /** The position of the identity column, or -1. */
  public int identityColumn() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).isIdentity()) {
        return i;
      }
    }
    return -1;
  }

  /** The index named {@code index}, or null. */
  public IndexDef index(String index) {
    for (IndexDef i : indexes) {
      if (i.name().equals(index)) {
        return i;
      }
    }
    return null;
  }

  /** The names of every constraint of this table: primary key, UNIQUE, CHECK and foreign keys. */
  public List<String> constraintNames() {
    List<String> n = new ArrayList<>();
    if (primaryKeyName != null) {
      n.add(primaryKeyName);
    }
    indexes.stream().filter(IndexDef::isUniqueConstraint).forEach(i -> n.add(i.name()));
    checks.forEach(c -> n.add(c.name()));
    foreignKeys.forEach(f -> n.add(f.name()));
    return n;
  }

  /** A copy under another name. */
  public TableDef withName(String newName) {
    return new TableDef(schema, newName, columns, primaryKey, primaryKeyName, indexes, checks, foreignKeys);
  }

  /** A copy with other columns but the same positions. */
  public TableDef withColumns(List<ColumnDef> newColumns) {
    return new TableDef(schema, name, newColumns, primaryKey, primaryKeyName, indexes, checks, foreignKeys);
  }

  /** A copy with another primary key (empty for none). */
  public TableDef withPrimaryKey(int[] key, String keyName) {
    List<ColumnDef> cols = new ArrayList<>(columns);
    for (int p : key) {
      cols.set(p, cols.get(p).withNullable(false));
    }
    return new TableDef(schema, name, cols, key, keyName, indexes, checks, foreignKeys);
  }

  /** A copy with other indexes. */
  public TableDef withIndexes(List<IndexDef> newIndexes) {
    return new TableDef(schema, name, columns, primaryKey, primaryKeyName, newIndexes, checks, foreignKeys);
  }

  /** A copy with other CHECK constraints. */
  public TableDef withChecks(List<CheckDef> newChecks) {
    return new TableDef(schema, name, columns, primaryKey, primaryKeyName, indexes, newChecks, foreignKeys);
  }

  /** A copy with other foreign keys. */
  public TableDef withForeignKeys(List<ForeignKeyDef> newKeys) {
    return new TableDef(schema, name, columns, primaryKey, primaryKeyName, indexes, checks, newKeys);
  }

  /**
   * A copy whose columns are {@code newColumns}, where {@code map[old position]} is each old
   * column's new position (-1 if it was dropped). Keys, indexes and foreign keys follow their
   * columns; the caller has removed those that used a dropped column.
   */
  public TableDef withColumnMap(List<ColumnDef> newColumns, int[] map) {
    List<IndexDef> ix = new ArrayList<>();
    indexes.forEach(i -> ix.add(i.remap(map)));
    List<ForeignKeyDef> fks = new ArrayList<>();
    foreignKeys.forEach(f -> fks.add(f.remap(map)));
    return new TableDef(schema, name, newColumns, remap(primaryKey, map), primaryKeyName, ix, checks, fks);
  }

  /** A copy whose foreign keys to table {@code refTableId} have their referenced columns mapped. */
  public TableDef withReferencedColumnMap(int refTableId, int[] map) {
    List<ForeignKeyDef> fks = new ArrayList<>();
    for (ForeignKeyDef f : foreignKeys) {
      fks.add(f.refTableId() == refTableId ? f.remapReferenced(map) : f);
    }
    return withForeignKeys(fks);
  }

  static int[] remap(int[] positions, int[] map) {
    int[] r = new int[positions.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = map[positions[i]];
      if (r[i] < 0) {
        throw new IllegalArgumentException("a key uses a dropped column");
      }
    }
    return r;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableDef t
        && schema.equals(t.schema)
        && name.equals(t.name)
        && columns.equals(t.columns)
        && Arrays.equals(primaryKey, t.primaryKey)
        && Objects.equals(primaryKeyName, t.primaryKeyName)
        && indexes.equals(t.indexes)
        && checks.equals(t.checks)
        && foreignKeys.equals(t.foreignKeys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schema, name, columns, Arrays.hashCode(primaryKey), indexes, checks, foreignKeys);
  }

  @Override
  public String toString() {
    return schema + "." + name + columns + " pk=" + Arrays.toString(primaryKey)
        + (indexes.isEmpty() ? "" : " indexes=" + indexes)
        + (checks.isEmpty() ? "" : " checks=" + checks)
        + (foreignKeys.isEmpty() ? "" : " fks=" + foreignKeys);
  }
}
