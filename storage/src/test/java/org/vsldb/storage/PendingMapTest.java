package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vsldb.storage.WriteSet.Pending;

/** {@link PendingMap} behaves as a {@code LinkedHashMap<Long, Pending>} (the model) under random changes. */
class PendingMapTest {
  private static final org.vsldb.storage.table.RowFormat FORMAT = new org.vsldb.storage.table.RowFormat(
      List.of(new org.vsldb.storage.table.ColumnDef("ID", org.vsldb.storage.table.ColumnType.INTEGER, -1, -1, false)));

  @Test
  void randomPutsAndRemoves_matchALinkedHashMap_inContentAndOrder() {
    Random rnd = new Random(3);
    for (int round = 0; round < 50; round++) {
      PendingMap map = new PendingMap(FORMAT);
      LinkedHashMap<Long, Pending> model = new LinkedHashMap<>();
      int ids = 1 + rnd.nextInt(round % 2 == 0 ? 50 : 50_000);
      for (int op = 0; op < 20_000; op++) {
        long id = rnd.nextInt(ids) + (rnd.nextBoolean() ? 0 : 1L << 40);
        if (rnd.nextInt(4) == 0) {
          assertEquals(model.remove(id), map.remove(id));
        } else {
          // a new row in the map's format is kept as its image alone; others as the record
          Pending p = new Pending(null, rnd.nextBoolean() ? FORMAT : null, new byte[] {(byte) op});
          assertEquals(model.put(id, p), map.put(id, p));
        }
        assertEquals(model.size(), map.size());
        long probe = rnd.nextInt(ids);
        assertEquals(model.get(probe), map.get(probe));
        assertEquals(model.containsKey(probe), map.containsKey(probe));
      }
      assertEquals(new ArrayList<>(model.values()), list(map.values()));
      List<Long> keys = new ArrayList<>();
      map.forEach((id, base, format, image) -> {
        keys.add(id);
        assertEquals(model.get(id), new Pending(base, format, image));
      });
      assertEquals(new ArrayList<>(model.keySet()), keys);
      assertEquals(model.isEmpty(), map.isEmpty());
    }
  }

  @Test
  void ascendingRowIds_thenUndoneLastRows_thenAnEarlierId_keepContentAndOrderOfALinkedHashMap() {
    Random rnd = new Random(5);
    for (int round = 0; round < 20; round++) {
      PendingMap map = new PendingMap(FORMAT);
      LinkedHashMap<Long, Pending> model = new LinkedHashMap<>();
      long id = 1;
      int n = 1 + rnd.nextInt(5_000);
      for (int i = 0; i < n; i++) { // a bulk insert: ids in order, some rows changed again
        id += 1 + rnd.nextInt(3);
        Pending p = new Pending(null, FORMAT, new byte[] {(byte) i});
        if (rnd.nextBoolean()) {
          assertEquals(model.put(id, p), map.put(id, p));
        } else { // a new row given by its image alone
          assertNull(model.put(id, p));
          map.putImage(id, p.image());
        }
        if (rnd.nextInt(10) == 0) {
          Pending again = new Pending(null, FORMAT, new byte[] {(byte) -i});
          assertEquals(model.put(id, again), map.put(id, again));
        }
      }
      for (int undo = rnd.nextInt(20); undo > 0 && !model.isEmpty(); undo--) { // a failed statement's rows
        long last = new ArrayList<>(model.keySet()).get(model.size() - 1);
        assertEquals(model.remove(last), map.remove(last));
      }
      assertEquals(model.get(id), map.get(id));
      for (int k = 0; k < 50; k++) { // then changes to earlier rows, and removals among them
        long earlier = 1 + rnd.nextInt((int) id + 10);
        if (rnd.nextBoolean()) {
          assertEquals(model.remove(earlier), map.remove(earlier));
        } else {
          Pending p = new Pending(null, null, new byte[] {(byte) k});
          assertEquals(model.put(earlier, p), map.put(earlier, p));
        }
        assertEquals(model.size(), map.size());
      }
      for (long probe = 0; probe < id + 10; probe++) {
        assertEquals(model.get(probe), map.get(probe), "row " + probe);
      }
      assertEquals(new ArrayList<>(model.values()), list(map.values()));
    }
  }

  private static List<Pending> list(Iterable<Pending> it) {
    List<Pending> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }
}
