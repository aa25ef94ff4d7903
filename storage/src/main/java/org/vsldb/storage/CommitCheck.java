package org.vsldb.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.WriteSet.Pending;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.PagedList;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.Table;

/**
 * What a commit checks against the newest committed state, under the commit lock, before its
 * changes are logged: no row it changed was changed meanwhile (first updater wins), no unique key
 * is now taken, every foreign key still finds its parent, and no committed child still references
 * a key it removed. Statements check the same against their snapshot; this closes the races
 * between concurrent transactions.
 */
final class CommitCheck {
  private CommitCheck() {}

  /** Checks a transaction against the committed state; caller holds the commit lock. */
  static List<Change> changesOf(Catalog catalog, Transaction txn) {
    PagedList<Change> changes = new PagedList<>();
    for (WriteSet ws : txn.writes().values()) {
      if (catalog.table(ws.table.id()) != ws.table) {
        throw new StoreException(
            Reason.WRITE_CONFLICT, "table " + ws.table.def().name() + " was dropped meanwhile");
      }
      // Unique keys were checked by each statement; only a commit to the table since then can
      // have taken one of them (foreign keys involve other tables and are always checked again).
      boolean keysHold = ws.table.lastChangeTs() <= ws.since;
      boolean fks = !ws.table.def().foreignKeys().isEmpty();
      // whether other tables reference this one: asked (a scan of the catalog) only for a row
      // this transaction changed or deleted, never for a commit of inserts
      Boolean[] isParent = {null};
      ws.pending.forEach((rowId, base, format, image) -> {
        boolean insert = base == null;
        boolean delete = image == null;
        if (!insert && !ws.table.isNewestLive(base)) {
          throw new StoreException(
              Reason.WRITE_CONFLICT,
              "a row of table " + ws.table.def().name()
                  + " was changed by a concurrent transaction; retry the transaction");
        }
        if (!insert && isParent[0] == null) {
          isParent[0] = !Constraints.referrers(catalog, ws.table).isEmpty();
        }
        boolean referenced = !insert && isParent[0];
        Object[] values = !delete && (!keysHold || fks || referenced) ? format.decode(image) : null;
        if (!delete) {
          int slot = keysHold ? -1 : ws.duplicateSlot(values, rowId);
          if (slot >= 0) {
            throw Constraints.duplicate(ws, slot, values);
          }
          if (fks) {
            checkParentsCommitted(catalog, txn, ws.table, insert ? null : base.values(), values);
          }
        }
        if (referenced) {
          checkNoChildrenCommitted(catalog, txn, ws.table, base.values(), values);
        }
        int t = ws.table.id();
        changes.add(
            delete
                ? new Change.Delete(t, rowId, Constraints.project(base.values(), ws.table.def().primaryKey()))
                : insert
                    ? new Change.Insert(t, rowId, format, image)
                    : new Change.Update(t, rowId, format, image));
      });
    }
    return changes.freeze();
  }

  /**
   * Foreign keys at commit (a concurrent transaction may have deleted a parent the statement
   * found): each changed key must find a parent row in the newest committed state that this
   * transaction keeps, or one this transaction wrote. Caller holds the commit lock.
   */
  private static void checkParentsCommitted(
      Catalog catalog, Transaction txn, Table child, Object[] old, Object[] values) {
    for (org.vsldb.storage.table.ForeignKeyDef fk : child.def().foreignKeys()) {
      Object[] key = Constraints.project(values, fk.columns());
      if (org.vsldb.storage.table.Index.hasNull(key)
          || (old != null && java.util.Arrays.equals(key, Constraints.project(old, fk.columns())))) {
        continue;
      }
      Table parent = catalog.table(fk.refTableId());
      if (parent == null || !committedOrOwnRowHasKey(txn, parent, fk.refColumns(), key)) {
        throw Constraints.missingParent(catalog, child, fk, key);
      }
    }
  }

  /** Restrict at commit: no committed child row may still reference a key this transaction removed. */
  private static void checkNoChildrenCommitted(
      Catalog catalog, Transaction txn, Table parent, Object[] old, Object[] values) {
    for (Constraints.Referrer r : Constraints.referrers(catalog, parent)) {
      Object[] key = Constraints.project(old, r.fk().refColumns());
      if (org.vsldb.storage.table.Index.hasNull(key)
          || (values != null && java.util.Arrays.equals(key, Constraints.project(values, r.fk().refColumns())))) {
        continue;
      }
      WriteSet childWrites = txn.writes().get(r.child().id());
      for (long rowId : committedRowsWithKey(r.child(), r.fk().columns(), key)) {
        Pending cp = childWrites == null ? null : childWrites.pending.get(rowId);
        if (cp == null || (cp.values() != null
            && java.util.Arrays.equals(key, Constraints.project(cp.values(), r.fk().columns())))) {
          throw Constraints.childExists(catalog, r.child(), r.fk(), parent, key);
        }
      }
    }
  }

  private static boolean committedOrOwnRowHasKey(Transaction txn, Table table, int[] columns, Object[] key) {
    WriteSet ws = txn.writes().get(table.id());
    for (long rowId : committedRowsWithKey(table, columns, key)) {
      Pending p = ws == null ? null : ws.pending.get(rowId);
      if (p == null || (p.values() != null
          && java.util.Arrays.equals(key, Constraints.project(p.values(), columns)))) {
        return true;
      }
    }
    if (ws != null) {
      for (Pending p : ws.pending.values()) {
        if (p.values() != null && java.util.Arrays.equals(key, Constraints.project(p.values(), columns))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The ids of the newest committed live rows of {@code table} whose {@code columns} equal {@code key}. */
  private static List<Long> committedRowsWithKey(Table table, int[] columns, Object[] key) {
    int[] pk = table.def().primaryKey();
    if (java.util.Arrays.equals(pk, columns)) {
      Long id = table.rowIdForKey(pk.length == 1 ? key[0] : java.util.Arrays.asList(key));
      return id == null ? List.of() : List.of(id);
    }
    org.vsldb.storage.table.Index ix = Constraints.indexOn(table, columns);
    if (ix != null) {
      return table.liveRowsWithKey(ix, key);
    }
    List<Long> ids = new ArrayList<>();
    for (java.util.Iterator<org.vsldb.storage.table.RowVersion> it = table.scan(Table.NEWEST); it.hasNext(); ) {
      org.vsldb.storage.table.RowVersion v = it.next();
      if (v.isLive() && java.util.Arrays.equals(key, Constraints.project(v.values(), columns))) {
        ids.add(v.rowId());
      }
    }
    return ids;
  }

}
