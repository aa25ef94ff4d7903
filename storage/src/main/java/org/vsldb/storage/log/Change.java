package org.vsldb.storage.log;

import org.vsldb.storage.table.TableDef;
import org.vsldb.storage.table.ViewDef;

/**
 * One change inside a committed transaction: the closed set of operations the log records. Each
 * carries the table, the key (the row id) and, where it has them, the row values; the values'
 * types are written with them.
 */
public sealed interface Change {
  /** The id of the table the change applies to; 0 for changes to schemas and views. */
  int tableId();

  /** A new row. */
  record Insert(int tableId, long rowId, Object[] values) implements Change {}

  /** New values for an existing row. */
  record Update(int tableId, long rowId, Object[] values) implements Change {}

  /**
   * Removal of a row. {@code key} holds the row's primary-key values (empty for a table without a
   * primary key), so the log tells which row went without the snapshot; it is null in records
   * written before the log carried it (operation 3), and replay does not need it.
   */
  record Delete(int tableId, long rowId, Object[] key) implements Change {}

  /** Creation of a table with the given id. */
  record CreateTable(int tableId, TableDef def) implements Change {}

  /** Removal of a table and all of its rows. */
  record DropTable(int tableId) implements Change {}

  /**
   * A new definition of a table (ALTER TABLE, CREATE INDEX, DROP INDEX): its live rows are copied
   * into the new definition, new column i taking old column {@code sources[i]}, or the value
   * {@code fill[i]} where that is -1.
   */
  record AlterTable(int tableId, TableDef def, int[] sources, Object[] fill) implements Change {}

  /** Creation of an empty schema. */
  record CreateSchema(String name) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Removal of an empty schema. */
  record DropSchema(String name) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Creation (or replacement) of a view. */
  record CreateView(ViewDef view) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }

  /** Removal of a view. */
  record DropView(String schema, String name) implements Change {
    @Override
    public int tableId() {
      return 0;
    }
  }
}
