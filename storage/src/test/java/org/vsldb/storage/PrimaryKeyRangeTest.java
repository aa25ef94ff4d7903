package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Index;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * A range on the primary key, read through the table's sorted primary-key index, returns exactly
 * the rows the transaction sees: its snapshot's committed rows, with its own uncommitted writes
 * merged, whatever commits happen after the snapshot and whatever pruning drops.
 */
class PrimaryKeyRangeTest {
  private static TableDef def() {
    return new TableDef("PUBLIC", "T", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false), new ColumnDef("V", ColumnType.INTEGER, -1, -1, true)),
        new int[] {0});
  }

  /** The keys of the rows in [lo, hi] (null: no bound), sorted by key. */
  private static List<Integer> keys(Transaction txn, Table t, Integer lo, Integer hi) {
    return keys(txn, t, lo, true, hi, true);
  }

  private static List<Integer> keys(Transaction txn, Table t, Integer lo, boolean loInc, Integer hi, boolean hiInc) {
    List<Integer> out = new ArrayList<>();
    Iterator<Object[]> it = txn.indexRange(t, t.primaryKeyOrder(),
        lo == null ? null : new Object[] {lo}, loInc, hi == null ? null : new Object[] {hi}, hiInc);
    while (it.hasNext()) {
      out.add((Integer) it.next()[0]);
    }
    return out;
  }

  /** The keys a full scan finds in [lo, hi], sorted: what the index must return. */
  private static List<Integer> scanned(Transaction txn, Table t, int lo, int hi) {
    List<Integer> out = new ArrayList<>();
    for (Iterator<Object[]> it = txn.scan(t); it.hasNext(); ) {
      int k = (Integer) it.next()[0];
      if (k >= lo && k <= hi) {
        out.add(k);
      }
    }
    out.sort(null);
    return out;
  }

  private static Table tableWithKeys(Store s, int... keys) {
    Table t = s.createTable(def());
    Transaction w = s.begin();
    for (int k : keys) {
      w.insert(t, new Object[] {k, k * 10});
    }
    w.commit();
    return t;
  }

  private static long rowOf(Transaction txn, Table t, int key) {
    Long id = txn.rowIdByKey(t, key);
    assertNotNull(id, "row with key " + key);
    return id;
  }

  @Test
  void primaryKeyOrder_isASortedIndexNamedAsTheConstraint() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = tableWithKeys(s, 1);
      Index pk = t.primaryKeyOrder();
      assertEquals("PK_T", pk.def().name());
      assertEquals(pk, t.index("PK_T"), "found by name like the other sorted indexes");
      assertEquals(0, t.indexes().length, "not one of the definition's indexes");
      Table keyless = s.createTable(new TableDef("PUBLIC", "K", def().columns(), new int[0]));
      assertNull(keyless.primaryKeyOrder());
    }
  }

  @Test
  void committedRows_inKeyOrder_boundsInclusiveOrExclusive() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = tableWithKeys(s, 9, 3, 7, 1, 5, -2, 0);
      Transaction r = s.begin();
      assertEquals(List.of(3, 5, 7), keys(r, t, 3, 7));
      assertEquals(List.of(5), keys(r, t, 3, false, 7, false));
      assertEquals(List.of(-2, 0, 1, 3), keys(r, t, null, 3));
      assertEquals(List.of(7, 9), keys(r, t, 7, null));
      assertEquals(List.of(-2, 0, 1, 3, 5, 7, 9), keys(r, t, null, null));
      assertEquals(List.of(5), keys(r, t, 5, 5), "a one-key range");
      r.rollback();
    }
  }

  @Test
  void emptyRanges_returnNoRows() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = tableWithKeys(s, 1, 2, 3);
      Transaction r = s.begin();
      assertEquals(List.of(), keys(r, t, 3, 1), "lower bound above the upper");
      assertEquals(List.of(), keys(r, t, 2, false, 2, true), "an open end at the only key");
      assertEquals(List.of(), keys(r, t, 2, false, 3, false), "between two adjacent keys");
      assertEquals(List.of(), keys(r, t, 10, 20), "above every key");
      assertEquals(List.of(), keys(r, t, null, 0), "below every key");
      r.rollback();
    }
  }

  @Test
  void ownUncommittedWrites_areMergedIntoTheRange() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = tableWithKeys(s, 1, 2, 3, 4, 5, 6);
      Transaction w = s.begin();
      w.insert(t, new Object[] {10, 0}); // outside
      w.insert(t, new Object[] {0, 0}); // inside, below every committed key in range
      w.update(t, rowOf(w, t, 6), new Object[] {35, 0}); // key moves out of the range
      w.delete(t, rowOf(w, t, 3));
      w.update(t, rowOf(w, t, 5), new Object[] {-1, 0}); // key moves within the range
      w.update(t, rowOf(w, t, 2), new Object[] {2, 99}); // same key, new value
      List<Integer> got = keys(w, t, -1, 4);
      assertEquals(scanned(w, t, -1, 4), got, "the scan's rows, in key order");
      assertEquals(List.of(-1, 0, 1, 2, 4), got);
      Iterator<Object[]> two = w.indexRange(t, t.primaryKeyOrder(), new Object[] {2}, true, new Object[] {2}, true);
      assertEquals(99, two.next()[1], "the transaction's own value of the row");
      w.rollback();
      Transaction r = s.begin();
      assertEquals(List.of(1, 2, 3, 4), keys(r, t, -1, 4), "nothing of the rolled-back writes");
      r.rollback();
    }
  }

  @Test
  void rowsChangedAfterTheSnapshot_areSeenAsTheSnapshotHadThem() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = tableWithKeys(s, 1, 2, 3, 4, 5);
      Transaction reader = s.begin();
      Transaction other = s.begin();
      other.delete(t, rowOf(other, t, 2));
      other.update(t, rowOf(other, t, 4), new Object[] {40, 0}); // key leaves the range
      other.update(t, rowOf(other, t, 5), new Object[] {5, 7}); // value only
      other.insert(t, new Object[] {300, 0});
      other.insert(t, new Object[] {0, 0}); // new row inside the range
      other.commit();
      s.prune(); // the reader's pin keeps the versions it sees, and their index entries
      assertEquals(List.of(1, 2, 3, 4, 5), keys(reader, t, 0, 5));
      Iterator<Object[]> five = reader.indexRange(t, t.primaryKeyOrder(), new Object[] {5}, true, new Object[] {5}, true);
      assertEquals(50, five.next()[1], "the version of the snapshot, not the newer one");
      reader.rollback();
      Transaction fresh = s.begin();
      assertEquals(List.of(0, 1, 3, 5), keys(fresh, t, 0, 5));
      assertEquals(List.of(40, 300), keys(fresh, t, 6, null));
      fresh.rollback();
    }
  }

  @Test
  void afterPruning_keysOfDroppedVersionsAreGoneAndKeptOnesStay() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = tableWithKeys(s, 1, 2, 3);
      for (int round = 0; round < 3; round++) {
        Transaction w = s.begin();
        int from = round == 0 ? 2 : 20 + round - 1;
        w.update(t, rowOf(w, t, from), new Object[] {20 + round, round});
        w.commit();
      }
      Transaction w = s.begin();
      w.delete(t, rowOf(w, t, 3));
      w.commit();
      s.prune();
      int entries = t.primaryKeyOrder().size();
      assertEquals(2, entries, "one entry per live row once no snapshot needs older keys");
      Transaction r = s.begin();
      assertEquals(List.of(1, 22), keys(r, t, null, null));
      assertEquals(scanned(r, t, Integer.MIN_VALUE, Integer.MAX_VALUE), keys(r, t, null, null));
      r.rollback();
    }
  }

  @Test
  void rebuild_sortsTheLiveRowsKeysWhateverTheirRowOrder() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      int[] keys = new int[5000];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = (int) ((i * 7919L) % keys.length) - 100; // every key once, out of row order
      }
      Table t = tableWithKeys(s, keys);
      Transaction w = s.begin();
      w.delete(t, rowOf(w, t, 0));
      w.commit();
      t.suspendPrimaryIndex(); // as recovery does before loading
      t.rebuildPrimaryIndex();
      assertEquals(keys.length - 1, t.primaryKeyOrder().size(), "only live rows");
      Transaction r = s.begin();
      assertEquals(scanned(r, t, -100, 200), keys(r, t, -100, 200));
      assertEquals(List.of(-1, 1), keys(r, t, -1, 1));
      assertEquals(keys.length - 1, keys(r, t, null, null).size());
      r.rollback();
    }
  }
}
