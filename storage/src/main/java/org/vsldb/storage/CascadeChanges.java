package org.vsldb.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.vsldb.storage.Store.Alteration;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.RowVersion;
import org.vsldb.storage.table.Sequence;
import org.vsldb.storage.table.Table;

/**
 * The changes of the store's DDL that spans objects: {@code DROP TABLE ... CASCADE},
 * {@code DROP SCHEMA ... CASCADE} and the identity restart of {@code TRUNCATE ... RESTART
 * IDENTITY} ({@link Store#dropCascade}, {@link Store#dropSchemaCascade},
 * {@link Store#restartIdentity}). Each method runs under the commit lock and returns the changes
 * of one transaction, or throws before any is made.
 */
final class CascadeChanges {
  private CascadeChanges() {}

  static List<Change> dropTable(Catalog catalog, List<String[]> views, List<Alteration> alterations, Table table) {
    List<Change> changes = new ArrayList<>();
    Set<Integer> altered = alterations(catalog, alterations, changes);
    for (String[] v : views) {
      changes.add(new Change.DropView(v[0], v[1]));
    }
    if (table != null) {
      for (Constraints.Referrer r : Constraints.referrers(catalog, table)) {
        if (r.child().id() != table.id() && !altered.contains(r.child().id())) {
          throw new StoreException(Reason.DEPENDENCY, "cannot drop table " + table.def().name()
              + ": foreign key " + r.fk().name() + " of table " + r.child().def().name() + " references it");
        }
      }
      changes.add(new Change.DropTable(table.id()));
    }
    return changes;
  }

  static List<Change> dropSchema(Catalog catalog, String schema, List<String[]> views, List<Alteration> alterations) {
    List<Change> changes = new ArrayList<>();
    Set<Integer> altered = alterations(catalog, alterations, changes);
    for (String[] v : views) {
      changes.add(new Change.DropView(v[0], v[1]));
    }
    for (Table t : catalog.tables(schema)) {
      for (Constraints.Referrer r : Constraints.referrers(catalog, t)) {
        if (!r.child().def().schema().equals(schema) && !altered.contains(r.child().id())) {
          throw new StoreException(Reason.DEPENDENCY, "cannot drop schema " + schema + ": foreign key "
              + r.fk().name() + " of table " + r.child().def().name() + " references " + t.def().name());
        }
      }
      changes.add(new Change.DropTable(t.id()));
    }
    for (Sequence q : catalog.sequences(schema)) {
      changes.add(new Change.DropSequence(schema, q.def().name()));
    }
    changes.add(new Change.DropSchema(schema));
    return changes;
  }

  static List<Change> restartIdentity(Catalog catalog, int tableId) {
    Table t = catalog.table(tableId);
    if (t == null) {
      throw new StoreException(Reason.NOT_FOUND, "the table was dropped meanwhile");
    }
    int identity = t.def().identityColumn();
    if (identity < 0) {
      return List.of();
    }
    for (Iterator<RowVersion> it = t.scan(Table.NEWEST); it.hasNext(); ) {
      if (it.next().isLive()) {
        throw new StoreException(Reason.WRITE_CONFLICT, "table " + t.def().name()
            + " has rows again (committed after the truncate); its identity was not restarted");
      }
    }
    int n = t.def().columns().size();
    int[] sources = new int[n];
    for (int i = 0; i < n; i++) {
      sources[i] = i == identity ? -1 : i;
    }
    return List.of(new Change.AlterTable(tableId, t.def(), sources, new Object[n]));
  }

  /**
   * The ALTER_TABLE changes of {@code alterations}, added to {@code changes}; returns the ids of
   * the altered tables.
   *
   * @throws StoreException WRITE_CONFLICT if an altered table was changed meanwhile
   */
  private static Set<Integer> alterations(Catalog catalog, List<Alteration> alterations, List<Change> changes) {
    Set<Integer> altered = new HashSet<>();
    for (Alteration a : alterations) {
      if (catalog.table(a.table().id()) != a.table()) {
        throw new StoreException(Reason.WRITE_CONFLICT,
            "table " + a.table().def().name() + " was changed meanwhile; retry");
      }
      altered.add(a.table().id());
      changes.add(new Change.AlterTable(a.table().id(), a.def(), a.sources(), a.fill()));
    }
    return altered;
  }
}
