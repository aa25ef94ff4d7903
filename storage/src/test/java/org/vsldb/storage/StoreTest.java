package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/** Transactions, visibility and recovery of the store, citing the invariants of package-info. */
class StoreTest {
  @TempDir Path dir;

  private static TableDef def() {
    return new TableDef("PUBLIC", "T", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false),
        new ColumnDef("V", ColumnType.VARCHAR, 20, -1, true)), new int[] {0});
  }

  private static List<String> rows(Transaction t, Table table) {
    List<String> out = new ArrayList<>();
    for (Iterator<Object[]> it = t.scan(table); it.hasNext(); ) {
      Object[] r = it.next();
      out.add(r[0] + "=" + r[1]);
    }
    return out;
  }

  @Test
  void commit_isInvisibleToOthersUntilCommitted_thenVisible_I2() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction writer = s.begin();
      Transaction reader = s.begin();
      writer.insert(t, new Object[] {1, "a"});
      assertEquals(List.of("1=a"), rows(writer, t));
      assertEquals(List.of(), rows(reader, t));
      writer.commit();
      assertEquals(List.of(), rows(reader, t), "a snapshot does not move by itself");
      reader.refreshSnapshot();
      assertEquals(List.of("1=a"), rows(reader, t));
    }
  }

  @Test
  void duplicateKey_inSameTransactionOrAgainstCommitted_isRefused() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction a = s.begin();
      a.insert(t, new Object[] {1, "a"});
      StoreException e = assertThrows(StoreException.class, () -> a.insert(t, new Object[] {1, "b"}));
      assertEquals(StoreException.Reason.DUPLICATE_KEY, e.reason());
      a.commit();
      Transaction b = s.begin();
      assertThrows(StoreException.class, () -> b.insert(t, new Object[] {1, "c"}));
    }
  }

  @Test
  void concurrentInsertsOfSameKey_onlyOneCommits() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction a = s.begin();
      Transaction b = s.begin();
      a.insert(t, new Object[] {7, "a"});
      b.insert(t, new Object[] {7, "b"});
      a.commit();
      StoreException e = assertThrows(StoreException.class, b::commit);
      assertEquals(StoreException.Reason.DUPLICATE_KEY, e.reason());
    }
  }

  @Test
  void secondWriterOfARow_waitsForTheFirst_thenFindsTheRowChanged() throws Exception {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction init = s.begin();
      long id = init.insert(t, new Object[] {1, "a"});
      init.commit();
      Transaction a = s.begin();
      Transaction b = s.begin();
      a.update(t, id, new Object[] {1, "from a"});
      java.util.concurrent.CompletableFuture<StoreException.Reason> second =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
              b.update(t, id, new Object[] {1, "from b"});
              return null;
            } catch (StoreException e) {
              b.rollback();
              return e.reason();
            }
          });
      Thread.sleep(100);
      assertTrue(!second.isDone(), "the second writer waits for the first");
      a.commit();
      assertEquals(StoreException.Reason.ROW_CHANGED, second.get());
      Transaction check = s.begin();
      assertEquals(List.of("1=from a"), rows(check, t));
    }
  }

  @Test
  void lockRow_makesAWriterWaitUntilTheLockerEnds_andChangesNothing() throws Exception {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction init = s.begin();
      long id = init.insert(t, new Object[] {1, "a"});
      init.commit();
      long committed = s.lastCommitTs();
      Transaction locker = s.begin();
      locker.lockRow(t, id);
      assertTrue(!locker.hasWrites(), "a lock is not a change");
      Transaction writer = s.begin();
      java.util.concurrent.CompletableFuture<Void> update =
          java.util.concurrent.CompletableFuture.runAsync(() -> {
            writer.update(t, id, new Object[] {1, "b"});
            writer.commit();
          });
      Thread.sleep(100);
      assertTrue(!update.isDone(), "the writer waits for the locker");
      locker.commit();
      update.get();
      assertEquals(committed + 1, s.lastCommitTs(), "only the writer committed: committing only locks commits nothing");
      assertEquals(List.of("1=b"), rows(s.begin(), t));
    }
  }

  @Test
  void lockRow_ofARowChangedAfterTheSnapshot_isRowChanged() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction init = s.begin();
      long id = init.insert(t, new Object[] {1, "a"});
      init.commit();
      Transaction old = s.begin();
      Transaction other = s.begin();
      other.update(t, id, new Object[] {1, "b"});
      other.commit();
      StoreException e = assertThrows(StoreException.class, () -> old.lockRow(t, id));
      assertEquals(StoreException.Reason.ROW_CHANGED, e.reason());
      old.rollback();
      Transaction fresh = s.begin();
      fresh.lockRow(t, id); // the newest version locks
      fresh.lockRow(t, id); // and again, in the same transaction
      fresh.update(t, id, new Object[] {1, "c"});
      fresh.lockRow(t, id); // a row this transaction changed is locked already
      fresh.commit();
      assertEquals(List.of("1=c"), rows(s.begin(), t));
    }
  }

  @Test
  void lockWait_endsWithLockTimeout() {
    try (Store s = Store.open(StoreConfig.inMemory().withLockTimeoutMs(100))) {
      Table t = s.createTable(def());
      Transaction init = s.begin();
      long id = init.insert(t, new Object[] {1, "a"});
      init.commit();
      Transaction a = s.begin();
      a.update(t, id, new Object[] {1, "a2"});
      Transaction b = s.begin();
      long start = System.nanoTime();
      StoreException e = assertThrows(StoreException.class, () -> b.delete(t, id));
      assertEquals(StoreException.Reason.LOCK_TIMEOUT, e.reason());
      assertTrue(System.nanoTime() - start >= 90_000_000L);
      b.rollback();
      a.commit();
    }
  }

  @Test
  void deadlock_isDetectedBeforeTheTimeout() throws Exception {
    try (Store s = Store.open(StoreConfig.inMemory().withLockTimeoutMs(30_000))) {
      Table t = s.createTable(def());
      Transaction init = s.begin();
      long id1 = init.insert(t, new Object[] {1, "a"});
      long id2 = init.insert(t, new Object[] {2, "b"});
      init.commit();
      Transaction a = s.begin();
      Transaction b = s.begin();
      a.update(t, id1, new Object[] {1, "a"});
      b.update(t, id2, new Object[] {2, "b"});
      java.util.concurrent.CompletableFuture<Object> aWaits =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
              a.update(t, id2, new Object[] {2, "a"});
              return "granted";
            } catch (StoreException e) {
              return e.reason();
            }
          });
      Thread.sleep(100);
      long start = System.nanoTime();
      StoreException e = assertThrows(StoreException.class, () -> b.update(t, id1, new Object[] {1, "b"}));
      assertEquals(StoreException.Reason.DEADLOCK, e.reason());
      assertTrue(System.nanoTime() - start < 1_000_000_000L, "well before the 30 s timeout");
      b.rollback();
      assertEquals("granted", aWaits.get());
      a.commit();
    }
  }

  @Test
  void rollbackTo_undoesOnlyLaterChanges() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction a = s.begin();
      a.insert(t, new Object[] {1, "keep"});
      int mark = a.mark();
      long id2 = a.insert(t, new Object[] {2, "drop"});
      a.update(t, id2, new Object[] {2, "drop too"});
      a.rollbackTo(mark);
      a.insert(t, new Object[] {2, "again"});
      a.commit();
      assertEquals(List.of("1=keep", "2=again"), rows(s.begin(), t));
    }
  }

  @Test
  void reopen_replaysEveryCommittedTransaction_andNoRolledBackOne_I1_I2() {
    StoreConfig cfg = StoreConfig.file(dir.resolve("db"));
    try (Store s = Store.open(cfg)) {
      Table t = s.createTable(def());
      Transaction a = s.begin();
      long id1 = a.insert(t, new Object[] {1, "one"});
      a.insert(t, new Object[] {2, "two"});
      a.commit();
      Transaction b = s.begin();
      b.update(t, id1, new Object[] {1, "uno"});
      b.insert(t, new Object[] {3, "three"});
      b.commit();
      Transaction c = s.begin();
      c.insert(t, new Object[] {4, "never"});
      c.rollback();
    }
    try (Store s = Store.open(cfg)) {
      Table t = s.catalog().table("PUBLIC", "T");
      assertEquals(List.of("1=uno", "2=two", "3=three"), rows(s.begin(), t));
      assertEquals(3, s.lastCommitTs(), "create table, then two commits");
      Transaction d = s.begin();
      d.insert(t, new Object[] {4, "four"});
      d.commit();
    }
    try (Store s = Store.open(cfg)) {
      Table t = s.catalog().table("PUBLIC", "T");
      assertEquals(4, rows(s.begin(), t).size());
    }
  }

  @Test
  void secondOpenOfSameDirectory_isRefusedWhileFirstIsOpen_I7() {
    StoreConfig cfg = StoreConfig.file(dir.resolve("db"));
    try (Store s = Store.open(cfg)) {
      StoreException e = assertThrows(StoreException.class, () -> Store.open(cfg));
      assertEquals(StoreException.Reason.CANNOT_OPEN, e.reason());
      assertTrue(e.getMessage().contains("readOnly=true"), e.getMessage());
    }
    try (Store s = Store.open(cfg)) {
      assertTrue(!s.isClosed());
    }
  }

  @Test
  void readOnlyStore_readsAndRefusesWrites() {
    StoreConfig cfg = StoreConfig.file(dir.resolve("db"));
    try (Store s = Store.open(cfg)) {
      Table t = s.createTable(def());
      Transaction a = s.begin();
      a.insert(t, new Object[] {1, "one"});
      a.commit();
      StoreConfig ro = cfg.withReadOnly(true).withCreate(false);
      try (Store r = Store.open(ro)) {
        Table rt = r.catalog().table("PUBLIC", "T");
        assertEquals(List.of("1=one"), rows(r.begin(), rt));
        StoreException e = assertThrows(StoreException.class, () -> r.begin().insert(rt, new Object[] {2, "x"}));
        assertEquals(StoreException.Reason.READ_ONLY, e.reason());
      }
    }
  }

  @Test
  void oldVersions_areReclaimed_exceptWhatAnOpenSnapshotStillReads() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(def());
      Transaction init = s.begin();
      long id = init.insert(t, new Object[] {1, "v0"});
      init.commit();
      Transaction reader = s.begin(); // pins the snapshot with "v0"
      for (int i = 1; i <= 1000; i++) {
        Transaction w = s.begin();
        w.update(t, id, new Object[] {1, "v" + i});
        w.commit();
      }
      s.prune();
      assertEquals(List.of("1=v0"), rows(reader, t), "the open snapshot still reads its version");
      assertEquals(2, t.versionCount(id), "only the pinned version and the newest stay: "
          + t.versionCount(id));
      reader.commit();
      s.prune();
      assertEquals(1, t.versionCount(id));
      assertEquals(0, t.prunable());
      assertEquals(List.of("1=v1000"), rows(s.begin(), t));
    }
  }
}
