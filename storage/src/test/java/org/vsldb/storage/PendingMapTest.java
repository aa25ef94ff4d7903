package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
      map.forEach((id, p) -> {
        keys.add(id);
        assertEquals(model.get(id), p);
      });
      assertEquals(new ArrayList<>(model.keySet()), keys);
      assertEquals(model.isEmpty(), map.isEmpty());
    }
  }

  private static List<Pending> list(Iterable<Pending> it) {
    List<Pending> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }
}
