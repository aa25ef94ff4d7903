package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PendingKeys}: the row ids of pending keys, with the caller telling equal keys apart. */
class PendingKeysTest {
  @Test
  void rowsWhoseKeysShareAHash_areEachFound_byTheOwnerTest() {
    PendingKeys keys = new PendingKeys(false, id -> null);
    keys.add("a", 7, 1);
    keys.add("b", 7, 2);
    keys.add("c", 7, 3);
    assertEquals(2, keys.find("b", 7, id -> id == 2));
    assertEquals(3, keys.find("c", 7, id -> id == 3));
    assertEquals(-1, keys.find("d", 7, id -> id == 4));
    assertEquals(-1, keys.find("e", 8, id -> true));
    keys.remove(7, 2);
    assertEquals(-1, keys.find("b", 7, id -> id == 2));
    assertEquals(3, keys.find("c", 7, id -> id == 3), "a removed slot does not end the probe");
  }

  @Test
  void manyAddsAndRemoves_findWhatAMapFromKeyToRowIdWouldHold_inEitherState() {
    for (boolean orderable : new boolean[] {false, true}) {
      Map<Long, Integer> keyOfRow = new HashMap<>();
      PendingKeys keys = new PendingKeys(orderable, keyOfRow::get);
      Map<Integer, Long> model = new HashMap<>();
      Random random = new Random(42);
      long nextId = 1;
      // first a bulk insert in key order (the ordered state), undoing its last rows now and then
      for (int key = 0; key < 3_000; key++) {
        long id = nextId++;
        keyOfRow.put(id, key);
        keys.add(key, Integer.hashCode(key), id);
        model.put(key, id);
        if (random.nextInt(50) == 0) {
          keys.remove(Integer.hashCode(key), id);
          model.remove(key);
          keyOfRow.remove(id);
        }
      }
      assertEquals(-1, keys.find(3_000, Integer.hashCode(3_000), id -> true), "above the last key");
      // then keys in any order, and removals anywhere
      for (int step = 0; step < 200_000; step++) {
        int key = random.nextInt(5_000);
        Long owner = model.get(key);
        if (owner != null && random.nextBoolean()) {
          keys.remove(Integer.hashCode(key), owner);
          model.remove(key);
          keyOfRow.remove(owner);
        } else if (owner == null) {
          long id = nextId++;
          keyOfRow.put(id, key);
          keys.add(key, Integer.hashCode(key), id);
          model.put(key, id);
        }
      }
      for (int key = 0; key < 5_000; key++) {
        Long owner = model.get(key);
        int k = key;
        long found = keys.find(key, Integer.hashCode(key), id -> Integer.valueOf(k).equals(keyOfRow.get(id)));
        assertEquals(owner == null ? -1 : owner, found, "key " + key + (orderable ? " (ordered at first)" : ""));
      }
    }
  }
}
