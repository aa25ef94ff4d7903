package org.vsldb.storage.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link KeyTree}: the entries of an index, checked against a sorted set as the model, with keys
 * kept as objects and as {@code long}s (a tree of integral keys).
 */
class KeyTreeTest {
  /** The order of the index of one column ({@link KeyOrder}: NULL first, numbers by value). */
  private static final KeyTree.Order ORDER = (ka, ra, kb, rb) -> {
    int c = KeyOrder.compareValues(ka, kb);
    return c != 0 ? c : Long.compare(ra, rb);
  };

  private static KeyTree tree(boolean integral) {
    return integral ? new KeyTree(ORDER, k -> (int) k) : new KeyTree(ORDER);
  }

  /** The model's entries, key * 2^32 + row id, ordered as the tree orders them. */
  private static long pack(int key, long row) {
    return ((long) key << 32) | row;
  }

  private static List<Long> contents(Iterator<Index.Entry> it) {
    List<Long> out = new ArrayList<>();
    while (it.hasNext()) {
      Index.Entry e = it.next();
      out.add(pack((Integer) e.key(), e.rowId()));
    }
    return out;
  }

  @ParameterizedTest(name = "integral keys: {0}")
  @ValueSource(booleans = {false, true})
  void randomAddsAndRemoves_readInOrderFromAnyBound_matchTheModel(boolean integral) {
    Random rnd = new Random(42);
    for (int round = 0; round < 20; round++) {
      KeyTree tree = tree(integral);
      TreeSet<Long> model = new TreeSet<>();
      int keys = 1 + rnd.nextInt(5000);
      for (int op = 0; op < 20_000; op++) {
        int key = rnd.nextInt(keys);
        long row = rnd.nextInt(4);
        if (rnd.nextInt(3) == 0) {
          assertEquals(model.remove(pack(key, row)), tree.remove(key, row));
        } else {
          assertEquals(model.add(pack(key, row)), tree.add(key, row));
        }
        if (rnd.nextInt(50) == 0) {
          tree.publish();
        }
      }
      tree.publish();
      assertEquals(new ArrayList<>(model), contents(tree.all()));
      assertEquals(model.size(), tree.size());
      for (int probe = 0; probe < 200; probe++) {
        int key = rnd.nextInt(keys + 2) - 1;
        long row = rnd.nextInt(5) - 1;
        assertEquals(new ArrayList<>(model.tailSet(pack(key, Math.max(row, 0)), true)),
            contents(tree.from(key, Math.max(row, 0))), "from (" + key + ", " + row + ")");
      }
    }
  }

  @ParameterizedTest(name = "integral keys: {0}")
  @ValueSource(booleans = {false, true})
  void ascendingInserts_fillLeavesCompletely_andRemovingEverythingLeavesAnEmptyTree(boolean integral) {
    KeyTree tree = tree(integral);
    for (int i = 0; i < 100_000; i++) {
      assertTrue(tree.add(i, i));
    }
    tree.publish();
    assertEquals(100_000, tree.size());
    assertEquals(0, (Integer) tree.from(0, 0).next().key());
    for (int i = 0; i < 100_000; i++) {
      assertTrue(tree.remove(i, i));
    }
    assertFalse(tree.remove(5, 5));
    tree.publish();
    assertEquals(0, tree.size());
    assertFalse(tree.all().hasNext());
    assertTrue(tree.add(3, 1));
    tree.publish();
    assertEquals(List.of(pack(3, 1)), contents(tree.all()));
  }

  @ParameterizedTest(name = "integral keys: {0}")
  @ValueSource(booleans = {false, true})
  void loadFromSortedEntries_thenChange_matchesTheModel(boolean integral) {
    Object[] keys = new Object[5_000];
    long[] rowIds = new long[5_000];
    TreeSet<Long> model = new TreeSet<>();
    for (int i = 0; i < 10_000; i += 2) {
      keys[i / 2] = i;
      rowIds[i / 2] = 1;
      model.add(pack(i, 1));
    }
    KeyTree tree = tree(integral);
    tree.load(keys, rowIds, keys.length);
    assertEquals(new ArrayList<>(model), contents(tree.all()));
    for (int i = 1; i < 10_000; i += 2) {
      tree.add(i, 0);
      model.add(pack(i, 0));
    }
    tree.publish();
    assertEquals(new ArrayList<>(model), contents(tree.all()));
    tree.load(new Object[0], new long[0], 0);
    assertFalse(tree.all().hasNext());
  }

  @ParameterizedTest(name = "integral keys: {0}")
  @ValueSource(booleans = {false, true})
  void readers_seeOnlyPublishedBatches_whileTheWriterChangesTheTree(boolean integral) throws Exception {
    KeyTree tree = tree(integral);
    // Each batch adds the keys of one round and removes those of the round before, so a
    // published tree always holds exactly one round: 1,000 consecutive keys, all with its row id.
    int perRound = 1000;
    for (int k = 0; k < perRound; k++) {
      tree.add(k, 0);
    }
    tree.publish();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Thread t = new Thread(() -> {
        while (!stop.get() && failure.get() == null) {
          List<Long> seen = contents(tree.all());
          if (seen.size() != perRound) {
            failure.set("saw " + seen.size() + " entries");
            return;
          }
          long round = seen.get(0) & 0xFFFFFFFFL;
          for (int i = 0; i < perRound; i++) {
            if (seen.get(i) != pack((int) (round * perRound + i), round)) {
              failure.set("a mixed batch at " + i + " of round " + round);
              return;
            }
          }
        }
      });
      t.start();
      readers.add(t);
    }
    for (int round = 1; round < 300 && failure.get() == null; round++) {
      for (int k = 0; k < perRound; k++) {
        tree.add(round * perRound + k, round);
        tree.remove((round - 1) * perRound + k, round - 1);
      }
      tree.publish();
    }
    stop.set(true);
    for (Thread t : readers) {
      t.join();
    }
    assertEquals(null, failure.get());
  }

  @ParameterizedTest(name = "integral keys: {0}")
  @ValueSource(booleans = {false, true})
  void searchKeysOfOtherClasses_NullAndDecimals_findWhatTheOrderSays(boolean integral) {
    KeyTree tree = tree(integral);
    for (int k = -50; k < 50; k++) {
      for (long row = 1; row <= 3; row++) {
        tree.add(k * 2, row); // even keys only, three rows each
      }
    }
    tree.publish();
    // a NULL bound is below every key
    assertEquals(pack(-100, 1), pack((Integer) tree.from(null, Long.MIN_VALUE).next().key(), 1));
    // a BIGINT or SMALLINT search key finds the INTEGER key of the same value
    List<Long> rows = new ArrayList<>();
    tree.visitEqual(10L, rows::add);
    assertEquals(List.of(1L, 2L, 3L), rows);
    rows.clear();
    tree.visitEqual((short) -4, r -> rows.add(r) && rows.size() < 2);
    assertEquals(List.of(1L, 2L), rows);
    // decimals: 7.0 equals no key, 8.0 equals 8, 7.5 lies between 6 and 8
    rows.clear();
    tree.visitEqual(new java.math.BigDecimal("7.0"), rows::add);
    assertEquals(List.of(), rows);
    tree.visitEqual(new java.math.BigDecimal("8.0"), rows::add);
    assertEquals(List.of(1L, 2L, 3L), rows);
    Index.Entry e = tree.from(new java.math.BigDecimal("7.5"), Long.MIN_VALUE).next();
    assertEquals(8, e.key());
    assertEquals(1L, e.rowId());
    // an odd key between two leaves' worth of entries: no rows, and the next key's first row
    rows.clear();
    tree.visitEqual(63, rows::add);
    assertEquals(List.of(), rows);
    assertEquals(64, tree.from(63, Long.MAX_VALUE).next().key());
    // a key stored as another number class with an integral value is found by its value
    assertTrue(tree.add(new java.math.BigDecimal("1000"), 9));
    tree.publish();
    rows.clear();
    tree.visitEqual(1000, rows::add);
    assertEquals(List.of(9L), rows);
  }
}
