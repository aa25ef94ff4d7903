package org.vsldb.storage;

import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.Table;

/**
 * Applies a committed transaction's changes to the tables, at commit time and on replay alike, so
 * the two cannot differ.
 */
public final class Replay {
  private Replay() {}

  /** Applies every change of {@code record}, stamping new versions with its commit timestamp. */
  public static void apply(Catalog catalog, LogRecord record) {
    long ts = record.commitTs();
    for (Change c : record.changes()) {
      if (c instanceof Change.Insert i) {
        table(catalog, c).applyInsert(i.rowId(), i.values(), ts);
      } else if (c instanceof Change.Update u) {
        table(catalog, c).applyUpdate(u.rowId(), u.values(), ts);
      } else if (c instanceof Change.Delete d) {
        table(catalog, c).applyDelete(d.rowId(), ts);
      } else if (c instanceof Change.CreateTable t) {
        catalog.add(new Table(t.tableId(), t.def()));
      } else if (c instanceof Change.DropTable t) {
        catalog.remove(t.tableId());
      } else if (c instanceof Change.AlterTable a) {
        Table fresh = new Table(a.tableId(), a.def());
        fresh.copyRows(table(catalog, c), a.sources(), a.fill(), ts);
        catalog.replace(fresh);
      } else if (c instanceof Change.CreateSchema cs) {
        catalog.addSchema(cs.name());
      } else if (c instanceof Change.DropSchema ds) {
        catalog.removeSchema(ds.name());
      } else if (c instanceof Change.CreateView cv) {
        catalog.addView(cv.view());
      } else if (c instanceof Change.DropView dv) {
        catalog.removeView(dv.schema(), dv.name());
      } else {
        throw new IllegalStateException("unknown change " + c);
      }
    }
  }

  private static Table table(Catalog catalog, Change c) {
    Table t = catalog.table(c.tableId());
    if (t == null) {
      throw new IllegalStateException("change for unknown table id " + c.tableId());
    }
    return t;
  }
}
