package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * An UPDATE or DELETE finds its rows by primary key only when the index answers for the
 * transaction's view; otherwise it must scan (null), never take another row's id.
 */
class RowIdByKeyTest {
  private static TableDef table() {
    return new TableDef("PUBLIC", "T", List.of(
        new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false), new ColumnDef("V", ColumnType.INTEGER, -1, -1, true)),
        new int[] {0});
  }

  @Test
  void committedRow_isFoundByItsKey() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(table());
      Transaction w = s.begin();
      long id = w.insert(t, new Object[] {7, 1});
      w.commit();
      Transaction r = s.begin();
      assertEquals(id, r.rowIdByKey(t, 7));
      assertNull(r.rowIdByKey(t, 8), "no such key: the caller scans and finds nothing");
      r.rollback();
    }
  }

  @Test
  void lookupWithSomeColumns_decodesThoseOfACommittedRow_andGivesItsOwnRowsWhole() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(table());
      Transaction w = s.begin();
      w.insert(t, new Object[] {7, 1});
      w.commit();
      Transaction r = s.begin();
      r.insert(t, new Object[] {9, 2});
      boolean[] onlyV = {false, true};
      assertEquals(1, r.lookupByKey(t, 7, onlyV)[1]);
      assertEquals(List.of(9, 2), List.of(r.lookupByKey(t, 9, onlyV)), "its own row, as it wrote it");
      assertNull(r.lookupByKey(t, 8, onlyV));
      r.rollback();
    }
  }

  @Test
  void afterTheTransactionChangedTheTable_itsOwnRowsAndUntouchedRowsAreFoundByKey() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(table());
      Transaction w = s.begin();
      long seven = w.insert(t, new Object[] {7, 1});
      long five = w.insert(t, new Object[] {5, 1});
      long three = w.insert(t, new Object[] {3, 1});
      w.commit();
      Transaction r = s.begin();
      long nine = r.insert(t, new Object[] {9, 1});
      r.update(t, five, new Object[] {6, 1}); // key 5 becomes 6
      r.delete(t, three);
      assertEquals(nine, r.rowIdByKey(t, 9), "a row it inserted");
      assertEquals(seven, r.rowIdByKey(t, 7), "a committed row it did not touch");
      assertEquals(five, r.rowIdByKey(t, 6), "a row it gave a new key");
      assertNull(r.rowIdByKey(t, 5), "the old key of a row it changed: the caller scans");
      assertNull(r.rowIdByKey(t, 3), "a row it deleted: the caller scans and finds nothing");
      assertEquals(List.of(9, 1), List.of(r.lookupByKey(t, 9)));
      assertEquals(List.of(7, 1), List.of(r.lookupByKey(t, 7)));
      assertEquals(List.of(6, 1), List.of(r.lookupByKey(t, 6)));
      assertNull(r.lookupByKey(t, 5), "the old key of a row it changed is gone");
      assertNull(r.lookupByKey(t, 3), "a row it deleted is gone");
      assertNull(r.lookupByKey(t, 4), "a key no row has");
      r.rollback();
    }
  }

  @Test
  void keyMovedToAnotherRowAfterTheSnapshot_findsTheRowTheSnapshotSees() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      Table t = s.createTable(table());
      Transaction w = s.begin();
      long first = w.insert(t, new Object[] {7, 1});
      w.commit();
      Transaction reader = s.begin(); // sees row `first` with key 7
      Transaction other = s.begin();
      other.delete(t, first);
      other.insert(t, new Object[] {7, 2}); // key 7 now names a new row
      other.commit();
      Long found = reader.rowIdByKey(t, 7);
      // the index keeps entries for both rows; the reader's snapshot sees only the first
      assertEquals(first, found);
      reader.rollback();
    }
  }
}
