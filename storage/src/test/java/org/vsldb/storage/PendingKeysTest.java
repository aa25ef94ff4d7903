package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PendingKeys}: the row ids of pending keys, found by hash, with the caller telling equal keys apart. */
class PendingKeysTest {
  @Test
  void rowsWhoseKeysShareAHash_areEachFound_byTheOwnerTest() {
    PendingKeys keys = new PendingKeys();
    keys.add(7, 1);
    keys.add(7, 2);
    keys.add(7, 3);
    assertEquals(2, keys.find(7, id -> id == 2));
    assertEquals(3, keys.find(7, id -> id == 3));
    assertEquals(-1, keys.find(7, id -> id == 4));
    assertEquals(-1, keys.find(8, id -> true));
    keys.remove(7, 2);
    assertEquals(-1, keys.find(7, id -> id == 2));
    assertEquals(3, keys.find(7, id -> id == 3), "a removed slot does not end the probe");
  }

  @Test
  void manyAddsAndRemoves_findWhatAMapFromKeyToRowIdWouldHold() {
    PendingKeys keys = new PendingKeys();
    Map<Integer, Long> model = new HashMap<>();
    Random random = new Random(42);
    long nextId = 1;
    for (int step = 0; step < 200_000; step++) {
      int key = random.nextInt(5_000);
      Long owner = model.get(key);
      if (owner != null && random.nextBoolean()) {
        keys.remove(Integer.hashCode(key), owner);
        model.remove(key);
      } else if (owner == null) {
        long id = nextId++;
        keys.add(Integer.hashCode(key), id);
        model.put(key, id);
      }
    }
    for (int key = 0; key < 5_000; key++) {
      Long owner = model.get(key);
      long found = keys.find(Integer.hashCode(key), id -> owner != null && id == owner);
      assertEquals(owner == null ? -1 : owner, found, "key " + key);
    }
  }
}
