package org.vsldb.storage;

import java.nio.ByteBuffer;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.log.RecordCodec;
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
    java.util.List<Table> batched = new java.util.ArrayList<>(1);
    try {
      for (Change c : record.changes()) {
        applyChange(catalog, c, ts, batched);
      }
    } finally {
      endBatches(batched, ts);
    }
  }

  /**
   * Applies a transaction payload as the log holds it ({@link RecordCodec#visitPayload}): as
   * {@link #apply} does for the decoded record, but each row's values go straight from the log's
   * encoding into the table's row image, without being decoded. Replay at open uses it.
   *
   * @throws IllegalArgumentException if the payload is malformed or its values do not fit their table
   * @throws IllegalStateException if a change does not fit the tables (as {@link #apply})
   */
  public static void applyPayload(Catalog catalog, ByteBuffer payload) {
    long ts = payload.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(payload.position());
    java.util.List<Table> batched = new java.util.ArrayList<>(1);
    try {
      RecordCodec.visitPayload(payload, new RecordCodec.PayloadVisitor() {
        @Override
        public void insert(int tableId, long rowId, ByteBuffer values) {
          Table t = rowTable(catalog, tableId, batched);
          t.applyInsertImage(rowId, t.format().readImage(values), ts);
        }

        @Override
        public void update(int tableId, long rowId, ByteBuffer values) {
          Table t = rowTable(catalog, tableId, batched);
          t.applyUpdateImage(rowId, t.format().readImage(values), ts);
        }

        @Override
        public void delete(int tableId, long rowId) {
          rowTable(catalog, tableId, batched).applyDelete(rowId, ts);
        }

        @Override
        public void other(Change c) {
          applyChange(catalog, c, ts, batched);
        }
      });
    } finally {
      endBatches(batched, ts);
    }
  }

  private static void applyChange(Catalog catalog, Change c, long ts, java.util.List<Table> batched) {
      if (c instanceof Change.Insert i) {
        Table t = rowTable(catalog, c, batched);
        if (i.image() != null && i.format() == t.format()) {
          t.applyInsertImage(i.rowId(), i.image(), ts); // made by the commit for this table: stored as it is
        } else {
          t.applyInsert(i.rowId(), i.values(), ts);
        }
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
      } else {
        throw new IllegalStateException("unknown change " + c);
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
