package org.vsldb.storage;

import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.RowFormat;
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
    java.util.List<Table> batched = new java.util.ArrayList<>(1);
    try {
      Table last = null; // the table of the last row change: a commit's changes come table by table
      for (Change c : record.changes()) {
        if (c instanceof Change.Insert i && last != null && last.id() == i.tableId()) {
          insert(last, i, ts); // the table is in its batch already: not found again
          continue;
        }
        applyChange(catalog, c, ts, batched);
        last = c instanceof Change.Insert || c instanceof Change.Update || c instanceof Change.Delete
            ? catalog.table(c.tableId()) : null;
      }
    } finally {
      endBatches(batched, ts);
    }
  }

  /**
   * Applies one commit of a batch decoded by the reading thread ({@link ReplayBatch.Decoder}): as
   * {@link #apply} does, with each row's values already made into an image in its table's format,
   * never decoded into values. Replay at open uses it.
   *
   * @throws IllegalStateException if a change does not fit the tables (as {@link #apply}), or an
   *     image was made for other columns than its table has now
   */
  public static void applyCommit(Catalog catalog, ReplayBatch batch, int commit) {
    long ts = batch.commitTs(commit);
    java.util.List<Table> batched = new java.util.ArrayList<>(1);
    try {
      Table last = null;
      for (int i = batch.firstChange(commit), end = batch.endChange(commit); i < end; i++) {
        byte op = batch.ops[i];
        if (op == ReplayBatch.OTHER) {
          applyChange(catalog, (Change) batch.items[i], ts, batched);
          last = null;
          continue;
        }
        int tableId = batch.tableIds[i];
        Table t = last != null && last.id() == tableId ? last : rowTable(catalog, tableId, batched);
        last = t;
        if (op == ReplayBatch.DELETE) {
          t.applyDelete(batch.rowIds[i], ts);
          continue;
        }
        byte[] image = (byte[]) batch.items[i];
        RowFormat f = batch.formats[i];
        if (image == null || (f != t.format() && !f.sameLayout(t.format()))) {
          throw new IllegalStateException("a row of table " + t.def().name() + " was read for other columns than it has");
        }
        if (op == ReplayBatch.INSERT) {
          t.applyInsertImage(batch.rowIds[i], image, ts);
        } else {
          t.applyUpdateImage(batch.rowIds[i], image, ts);
        }
      }
    } finally {
      endBatches(batched, ts);
    }
  }

  private static void applyChange(Catalog catalog, Change c, long ts, java.util.List<Table> batched) {
      if (c instanceof Change.Insert i) {
        insert(rowTable(catalog, c, batched), i, ts);
      } else if (c instanceof Change.Update u) {
        Table t = rowTable(catalog, c, batched);
        if (u.image() != null && u.format() == t.format()) {
          t.applyUpdateImage(u.rowId(), u.image(), ts);
        } else {
          t.applyUpdate(u.rowId(), u.values(), ts);
        }
      } else if (c instanceof Change.Delete d) {
        rowTable(catalog, c, batched).applyDelete(d.rowId(), ts);
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
      } else if (c instanceof Change.CreateSequence cs) {
        catalog.putSequence(cs.def(), cs.state());
      } else if (c instanceof Change.DropSequence ds) {
        catalog.removeSequence(ds.schema(), ds.name());
      } else if (c instanceof Change.SequenceValue sv) {
        org.vsldb.storage.table.Sequence q = catalog.sequence(sv.schema(), sv.name());
        if (q == null) {
          throw new IllegalStateException("no sequence " + sv.schema() + "." + sv.name());
        }
        if (sv.from() != null) {
          q.reserve(sv.from(), sv.state(), sv.count()); // this store's reservation: hand out from here
        } else {
          q.restore(sv.state()); // recovery: resume after every value the record reserved
        }
      } else {
        throw new IllegalStateException("unknown change " + c);
      }
  }

  private static void insert(Table t, Change.Insert i, long ts) {
    if (i.image() != null && i.format() == t.format()) {
      t.applyInsertImage(i.rowId(), i.image(), ts); // made by the commit for this table: stored as it is
    } else {
      t.applyInsert(i.rowId(), i.values(), ts);
    }
  }

  /** Ends the index batch of each table the record changed, which records the commit's timestamp. */
  private static void endBatches(java.util.List<Table> batched, long ts) {
    for (Table t : batched) {
      t.changedBy(ts);
      t.endBatch();
    }
  }

  /** The table a row change applies to, in a batch until the record is applied. */
  private static Table rowTable(Catalog catalog, Change c, java.util.List<Table> batched) {
    return rowTable(catalog, c.tableId(), batched);
  }

  private static Table rowTable(Catalog catalog, int tableId, java.util.List<Table> batched) {
    Table t = catalog.table(tableId);
    if (t == null) {
      throw new IllegalStateException("change for unknown table id " + tableId);
    }
    if (batched.isEmpty() || batched.get(batched.size() - 1) != t) {
      if (!batched.contains(t)) {
        t.beginBatch();
        batched.add(t);
      }
    }
    return t;
  }

  private static Table table(Catalog catalog, Change c) {
    Table t = catalog.table(c.tableId());
    if (t == null) {
      throw new IllegalStateException("change for unknown table id " + c.tableId());
    }
    return t;
  }
}
