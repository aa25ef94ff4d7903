package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.table.CheckDef;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;
import org.vsldb.storage.table.ViewDef;

/** Unique indexes, foreign keys, identity counters and schema objects in the store. */
class ConstraintsTest {
  @TempDir Path dir;

  private static ColumnDef col(String name) {
    return new ColumnDef(name, ColumnType.INTEGER, -1, -1, true);
  }

  private static TableDef parent() {
    return new TableDef("PUBLIC", "P", List.of(col("ID").withNullable(false), col("CODE")),
        new int[] {0}, "PK_P", List.of(new IndexDef("UK_CODE", new int[] {1}, true, "UK_CODE")),
        List.of(), List.of());
  }

  private static TableDef child(int parentId) {
    return new TableDef("PUBLIC", "C", List.of(col("ID").withNullable(false), col("P")),
        new int[] {0}, null, List.of(new IndexDef("FK_C_P", new int[] {1}, false, "FK_C_P")),
        List.of(new CheckDef("CK", "ID > 0")),
        List.of(new ForeignKeyDef("FK_C_P", new int[] {1}, parentId, new int[] {0})));
  }

  private static void insert(Store s, Table t, Object... values) {
    Transaction txn = s.begin();
    txn.insert(t, values);
    txn.commit();
  }

  @Test
  void uniqueIndex_refusesADuplicateAndIgnoresNulls() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table p = s.createTable(parent());
      insert(s, p, 1, 10);
      insert(s, p, 2, null);
      insert(s, p, 3, null);
      StoreException e = assertThrows(StoreException.class, () -> insert(s, p, 4, 10));
      assertEquals(Reason.DUPLICATE_KEY, e.reason());
      assertTrue(e.getMessage().contains("UK_CODE"), e.getMessage());
    }
  }

  @Test
  void uniqueIndex_allowsAKeyFreedInTheSameTransaction() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table p = s.createTable(parent());
      insert(s, p, 1, 10);
      Transaction txn = s.begin();
      long[] id = new long[1];
      txn.forEachRow(p, (rowId, v) -> id[0] = rowId);
      txn.update(p, id[0], new Object[] {1, 11});
      txn.insert(p, new Object[] {2, 10});
      txn.commit();
    }
  }

  @Test
  void twoTransactionsInsertingTheSameUniqueKey_cannotBothCommit() throws Exception {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table p = s.createTable(parent());
      AtomicInteger committed = new AtomicInteger();
      AtomicInteger refused = new AtomicInteger();
      CountDownLatch ready = new CountDownLatch(2);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        int id = i + 1;
        Thread t = new Thread(() -> {
          Transaction txn = s.begin();
          txn.insert(p, new Object[] {id, 99}); // both see no committed 99
          ready.countDown();
          try {
            ready.await();
            txn.commit();
            committed.incrementAndGet();
          } catch (StoreException e) {
            assertEquals(Reason.DUPLICATE_KEY, e.reason());
            refused.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
      assertEquals(1, committed.get());
      assertEquals(1, refused.get());
    }
  }

  @Test
  void aKeyTakenByACommitAfterTheFirstWrite_isRefusedAtCommit_whileNoOtherCommit_needsNoSecondCheck() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table p = s.createTable(parent());
      Transaction first = s.begin();
      first.insert(p, new Object[] {1, 10});
      Transaction second = s.begin();
      second.insert(p, new Object[] {2, 20}); // 20 is free when this statement checks it
      insert(s, p, 3, 20); // … and taken by a commit to the table after second first wrote to it
      StoreException e = assertThrows(StoreException.class, second::commit);
      assertEquals(Reason.DUPLICATE_KEY, e.reason());
      first.commit(); // its table changed too, but none of its keys was taken: the check passes
      Transaction third = s.begin();
      third.insert(p, new Object[] {4, 40});
      third.insert(p, new Object[] {5, 50});
      third.commit(); // no commit to the table since its first write: the statements' checks hold
      List<Object> codes = new ArrayList<>();
      for (java.util.Iterator<Object[]> it = s.begin().scan(p); it.hasNext(); ) {
        codes.add(it.next()[1]);
      }
      assertEquals(List.of(10, 20, 40, 50), codes.stream().sorted().toList());
    }
  }

  @Test
  void foreignKey_refusesAMissingParentAndRestrictsDeletingAReferencedOne() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table p = s.createTable(parent());
      Table c = s.createTable(child(p.id()));
      insert(s, p, 1, 10);
      insert(s, c, 1, 1);
      insert(s, c, 2, null); // NULL references nothing
      StoreException missing = assertThrows(StoreException.class, () -> insert(s, c, 3, 2));
      assertEquals(Reason.FOREIGN_KEY, missing.reason());
      Transaction del = s.begin();
      long[] id = new long[1];
      del.forEachRow(p, (rowId, v) -> id[0] = rowId);
      StoreException referenced = assertThrows(StoreException.class, () -> del.delete(p, id[0]));
      assertEquals(Reason.FOREIGN_KEY, referenced.reason());
      del.rollback();
      StoreException drop = assertThrows(StoreException.class, () -> s.dropTable(p));
      assertEquals(Reason.DEPENDENCY, drop.reason());
    }
  }

  @Test
  void foreignKey_concurrentParentDeleteAndChildInsert_cannotBothCommit() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table p = s.createTable(parent());
      Table c = s.createTable(child(p.id()));
      insert(s, p, 1, 10);
      Transaction addChild = s.begin();
      addChild.insert(c, new Object[] {1, 1}); // parent 1 exists in its snapshot
      Transaction delParent = s.begin();
      long[] id = new long[1];
      delParent.forEachRow(p, (rowId, v) -> id[0] = rowId);
      delParent.delete(p, id[0]); // no child visible yet
      delParent.commit();
      StoreException e = assertThrows(StoreException.class, addChild::commit);
      assertEquals(Reason.FOREIGN_KEY, e.reason());
    }
  }

  @Test
  void identity_continuesAfterReopen() {
    ColumnDef id = new ColumnDef("ID", ColumnType.BIGINT, -1, -1, false, null,
        new ColumnDef.Identity(false, 100, 10));
    TableDef def = new TableDef("PUBLIC", "I", List.of(id, col("V")), new int[] {0});
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      Table t = s.createTable(def);
      insert(s, t, t.nextIdentity(), 1);
      insert(s, t, 500L, 2); // an explicit value moves the counter past it
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertEquals(510, s.catalog().table("PUBLIC", "I").nextIdentity());
    }
  }

  @Test
  void alterTable_copiesRowsIntoTheNewDefinitionAndChecksThem() {
    try (Store s = Store.open(StoreConfig.file(dir))) {
      Table p = s.createTable(parent());
      insert(s, p, 1, 10);
      insert(s, p, 2, 10 + 1);
      TableDef wider = p.def().withColumns(List.of(col("ID").withNullable(false), col("CODE")))
          .withName("Q");
      List<ColumnDef> cols = new ArrayList<>(wider.columns());
      cols.add(new ColumnDef("EXTRA", ColumnType.INTEGER, -1, -1, false));
      TableDef added = wider.withColumnMap(cols, new int[] {0, 1});
      s.alterTables(List.of(new Store.Alteration(p, added, new int[] {0, 1, -1}, new Object[] {null, null, 7})));
      Table q = s.catalog().table("PUBLIC", "Q");
      assertEquals(p.id(), q.id());
      assertEquals(null, s.catalog().table("PUBLIC", "P"));
      assertEquals(List.of("1,10,7", "2,11,7"), rows(s, q));
      // a unique index the rows would violate is refused, and nothing changes
      TableDef dup = q.def().withIndexes(List.of(new IndexDef("U2", new int[] {2}, true, "U2")));
      StoreException e = assertThrows(StoreException.class, () ->
          s.alterTables(List.of(new Store.Alteration(q, dup, new int[] {0, 1, 2}, new Object[3]))));
      assertEquals(Reason.DUPLICATE_KEY, e.reason());
      assertEquals(q, s.catalog().table("PUBLIC", "Q"));
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertEquals(List.of("1,10,7", "2,11,7"), rows(s, s.catalog().table("PUBLIC", "Q")));
    }
  }

  @Test
  void schemasAndViews_surviveTwoReopens() {
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      s.createSchema("APP");
      s.createView(new ViewDef("APP", "V", "SELECT 1 AS X", List.of("X")));
      s.createTable(new TableDef("APP", "T", List.of(col("A")), new int[0]));
    }
    for (int round = 0; round < 2; round++) {
      try (Store s = Store.open(StoreConfig.file(dir))) {
        assertTrue(s.catalog().hasSchema("APP"));
        assertEquals("SELECT 1 AS X", s.catalog().view("APP", "V").sql());
        assertTrue(s.catalog().table("APP", "T") != null);
      }
    }
  }

  @Test
  void indexScan_seesTheVersionOfItsSnapshotAfterAKeyChange() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table p = s.createTable(parent());
      insert(s, p, 1, 10);
      Transaction reader = s.begin(); // snapshot with CODE = 10
      Transaction w = s.begin();
      long[] id = new long[1];
      w.forEachRow(p, (rowId, v) -> id[0] = rowId);
      w.update(p, id[0], new Object[] {1, 20});
      w.commit();
      s.prune();
      org.vsldb.storage.table.Index ix = p.index("UK_CODE");
      assertEquals(1, count(reader.indexRange(p, ix, new Object[] {10}, true, new Object[] {10}, true)));
      assertEquals(0, count(reader.indexRange(p, ix, new Object[] {20}, true, new Object[] {20}, true)));
      Transaction fresh = s.begin();
      assertEquals(0, count(fresh.indexRange(p, ix, new Object[] {10}, true, new Object[] {10}, true)));
      assertEquals(1, count(fresh.indexRange(p, ix, new Object[] {15}, false, null, false)));
      reader.rollback();
      fresh.rollback();
      s.prune();
      assertEquals(1, ix.size()); // the old key's entry went with its version
    }
  }

  private static int count(Iterator<Object[]> it) {
    int n = 0;
    while (it.hasNext()) {
      it.next();
      n++;
    }
    return n;
  }

  private static List<String> rows(Store s, Table t) {
    List<String> out = new ArrayList<>();
    Transaction txn = s.begin();
    for (Iterator<Object[]> it = txn.scan(t); it.hasNext(); ) {
      Object[] r = it.next();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        b.append(i == 0 ? "" : ",").append(r[i]);
      }
      out.add(b.toString());
    }
    txn.rollback();
    return out;
  }
}
