package org.vsldb.storage.log;

import org.vsldb.storage.table.TableDef;

/**
 * One change inside a committed transaction: the closed set of operations the log records. Each
 * carries the table, the key (the row id) and, where it has them, the row values; the values'
 * types are written with them.
 */
public sealed interface Change {
  /** The id of the table the change applies to. */
  int tableId();

  /** A new row. */
  record Insert(int tableId, long rowId, Object[] values) implements Change {}

  /** New values for an existing row. */
  record Update(int tableId, long rowId, Object[] values) implements Change {}

  /** Removal of a row. */
  record Delete(int tableId, long rowId) implements Change {}

  /** Creation of a table with the given id. */
  record CreateTable(int tableId, TableDef def) implements Change {}

  /** Removal of a table and all of its rows. */
  record DropTable(int tableId) implements Change {}
}
