package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Snapshots are pinned without a lock (Snapshots: the hazard-pointer protocol), so pruning, which
 * runs while readers pin, must never reclaim a version a pinned snapshot sees.
 */
class SnapshotPinTest {
  private static TableDef table() {
    return new TableDef("PUBLIC", "T", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false), new ColumnDef("V", ColumnType.INTEGER, -1, -1, true)),
        new int[] {0});
  }

  @Test
  void readersPinningWhileAWriterCommitsAndPrunes_alwaysSeeTheirRowsWhole() throws Exception {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(table());
      Transaction load = s.begin();
      for (int id = 0; id < 10; id++) {
        load.insert(t, new Object[] {id, 0});
      }
      load.commit();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<String> failure = new AtomicReference<>();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        Thread th = new Thread(() -> {
          while (!stop.get() && failure.get() == null) {
            Transaction x = s.begin();
            // every commit adds 1 to all ten rows, so a consistent snapshot sees ten equal values
            Object first = null;
            for (int round = 0; round < 3; round++) {
              for (int id = 0; id < 10; id++) {
                Object[] row = x.lookupByKey(t, id);
                if (row == null) {
                  failure.set("row " + id + " missing at snapshot " + x.snapshot());
                } else if (first == null) {
                  first = row[1];
                } else if (!first.equals(row[1])) {
                  failure.set("rows " + first + " and " + row[1] + " at one snapshot");
                }
              }
              Thread.yield();
            }
            x.refreshSnapshot(); // moves the pin: the next statement's snapshot
            Object again = x.lookupByKey(t, 0);
            if (again == null) {
              failure.set("row 0 missing after moving the pin");
            }
            x.rollback();
          }
        });
        th.start();
        readers.add(th);
      }
      for (int commit = 0; commit < 5_000 && failure.get() == null; commit++) {
        Transaction w = s.begin();
        for (int id = 0; id < 10; id++) {
          Object[] row = w.lookupByKey(t, id);
          w.update(t, w.rowIdByKey(t, id), new Object[] {id, (Integer) row[1] + 1});
        }
        w.commit();
        if (commit % 7 == 0) {
          s.prune();
        }
      }
      stop.set(true);
      for (Thread th : readers) {
        th.join();
      }
      assertNull(failure.get());
      s.prune();
      assertEquals(1, t.versionCount(t.rowIdForKey(3)), "with no reader left, one version per row remains");
    }
  }
}
