package org.vsldb.storage.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * A FOREIGN KEY constraint: the values of {@code columns}, when none is NULL, must equal the
 * values of {@code refColumns} in some row of table {@code refTableId}. What happens to the rows
 * that reference a parent row when that row is deleted, or its key changed, is {@code onDelete}
 * and {@code onUpdate}: refused (RESTRICT), done to them too (CASCADE), or their key set to NULL
 * (SET NULL).
 *
 * @param name the constraint name
 * @param columns the referencing columns of this table
 * @param refTableId the id of the referenced table (stable across renames)
 * @param refColumns the referenced columns: its primary key or a unique index's columns
 * @param onDelete the action when a referenced row is deleted
 * @param onUpdate the action when a referenced row's key changes
 */
public record ForeignKeyDef(String name, int[] columns, int refTableId, int[] refColumns,
    Action onDelete, Action onUpdate) {
  /** A referential action; the codes are those of docs/FORMATS.md, "Table definition". */
  public enum Action {
    /** The change of the parent row is refused while rows reference it (also NO ACTION). */
    RESTRICT(0, "RESTRICT"),
    /** The referencing rows are deleted, or take the parent's new key. */
    CASCADE(1, "CASCADE"),
    /** The referencing rows' foreign-key columns become NULL. */
    SET_NULL(2, "SET NULL");

    private final int code;
    private final String sql;

    Action(int code, String sql) {
      this.code = code;
      this.sql = sql;
    }

    /** The action's code in the file formats. */
    public int code() {
      return code;
    }

    /** The action as SQL writes it. */
    public String sql() {
      return sql;
    }

    /** The action with code {@code code}; an unknown code is damage. */
    public static Action ofCode(int code) {
      for (Action a : values()) {
        if (a.code == code) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown referential action code " + code);
    }
  }

  public ForeignKeyDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    columns = columns.clone();
    refColumns = refColumns.clone();
    if (columns.length == 0 || columns.length != refColumns.length) {
      throw new IllegalArgumentException("foreign key " + name + " has mismatched column lists");
    }
  }

  /** A foreign key whose actions are both RESTRICT. */
  public ForeignKeyDef(String name, int[] columns, int refTableId, int[] refColumns) {
    this(name, columns, refTableId, refColumns, Action.RESTRICT, Action.RESTRICT);
  }

  /** A copy that references table {@code tableId}. */
  public ForeignKeyDef withRefTableId(int tableId) {
    return new ForeignKeyDef(name, columns, tableId, refColumns, onDelete, onUpdate);
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
    return new ForeignKeyDef(name, TableDef.remap(columns, map), refTableId, refColumns, onDelete, onUpdate);
  }

  /** A copy with the referenced table's column positions mapped through {@code map}. */
  ForeignKeyDef remapReferenced(int[] map) {
    return new ForeignKeyDef(name, columns, refTableId, TableDef.remap(refColumns, map), onDelete, onUpdate);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForeignKeyDef f
        && name.equals(f.name)
        && Arrays.equals(columns, f.columns)
        && refTableId == f.refTableId
        && Arrays.equals(refColumns, f.refColumns)
        && onDelete == f.onDelete
        && onUpdate == f.onUpdate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(columns), refTableId, Arrays.hashCode(refColumns), onDelete, onUpdate);
  }
}
