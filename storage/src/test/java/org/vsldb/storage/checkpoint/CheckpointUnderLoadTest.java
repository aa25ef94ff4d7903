package org.vsldb.storage.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.Durability;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.io.FaultyFileSystem;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * A writer commits throughout a CHECKPOINT of a 1,000,000-row table: every commit survives a
 * reopen, and a crash in the middle of the checkpoint loses none that was acknowledged
 * (transactions issue, must-show 4; invariants I1, I2, I5, I8).
 */
class CheckpointUnderLoadTest {
  private static final int ROWS = 1_000_000;
  private static final TableDef BIG = new TableDef("PUBLIC", "BIG", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false),
      new ColumnDef("V", ColumnType.INTEGER, -1, -1, true)), new int[] {0});
  private static final TableDef EVENTS = new TableDef("PUBLIC", "EVENTS", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false)), new int[] {0});

  @TempDir Path tmp;

  private static void load(Store s) {
    Table big = s.createTable(BIG);
    s.createTable(EVENTS);
    Transaction t = s.begin();
    for (int i = 0; i < ROWS; i++) {
      t.insert(big, new Object[] {i, i});
    }
    t.commit();
  }

  private static Set<Integer> events(Store s) {
    Set<Integer> ids = new HashSet<>();
    for (Iterator<Object[]> it = s.begin().scan(s.catalog().table("PUBLIC", "EVENTS")); it.hasNext(); ) {
      ids.add((Integer) it.next()[0]);
    }
    return ids;
  }

  /** Commits events 1, 2, 3, … until stopped; returns the acknowledged ones. */
  private static Thread writer(Store s, Set<Integer> acked, AtomicBoolean stop) {
    Thread w = new Thread(() -> {
      Table events = s.catalog().table("PUBLIC", "EVENTS");
      for (int id = 1; !stop.get(); id++) {
        try {
          Transaction t = s.begin();
          t.insert(events, new Object[] {id});
          t.commit();
          acked.add(id);
        } catch (StoreException e) {
          return; // the simulated crash
        }
      }
    });
    w.start();
    return w;
  }

  @Test
  void commitsDuringACheckpoint_allSurviveAReopen() throws Exception {
    Path dir = tmp.resolve("db");
    Set<Integer> acked = ConcurrentHashMap.newKeySet();
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withDurability(Durability.NONE))) {
      load(s);
      AtomicBoolean stop = new AtomicBoolean();
      Thread w = writer(s, acked, stop);
      while (acked.size() < 10) {
        Thread.sleep(1);
      }
      int before = acked.size();
      Store.CheckpointResult r = s.checkpoint();
      int during = acked.size() - before;
      stop.set(true);
      w.join();
      assertTrue(r.rows() >= ROWS + before, "the snapshot holds the table and the events before it");
      assertTrue(during > 0, "the writer kept committing during the checkpoint");
    }
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      assertEquals(acked, events(s));
      assertEquals(ROWS, count(s));
    }
  }

  private static long count(Store s) {
    long n = 0;
    for (Iterator<Object[]> it = s.begin().scan(s.catalog().table("PUBLIC", "BIG")); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  @Test
  void crashInTheMiddleOfACheckpoint_withAWriterRunning_losesNoAcknowledgedCommit() throws Exception {
    Path dir = tmp.resolve("crash");
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withDurability(Durability.NONE))) {
      load(s);
    }
    FaultyFileSystem fs = new FaultyFileSystem(dir);
    Set<Integer> acked = ConcurrentHashMap.newKeySet();
    Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withFileSystem(fs));
    AtomicBoolean stop = new AtomicBoolean();
    Thread w = writer(s, acked, stop);
    while (acked.size() < 10) {
      Thread.sleep(1);
    }
    // The checkpoint's first operations switch the log; the snapshot of a million rows comes
    // next: crash while it is being written, with the writer still committing.
    fs.crashAt(fs.operations() + 12);
    try {
      s.checkpoint();
    } catch (StoreException expected) {
      // the crash
    }
    stop.set(true);
    w.join();
    assertTrue(fs.crashed());
    fs.crash(FaultyFileSystem.Loss.UNFORCED, 7);
    s.close();
    try (Store r = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      assertTrue(events(r).containsAll(acked), "acknowledged " + acked.size() + ", found " + events(r).size());
      assertEquals(ROWS, count(r));
    }
  }
}
