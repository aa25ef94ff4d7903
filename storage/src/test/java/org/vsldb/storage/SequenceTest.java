package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.io.FaultyFileSystem;
import org.vsldb.storage.table.SequenceDef;
import org.vsldb.storage.table.SequenceState;

/** Sequences in the store: their values, reservations in the log, snapshots and crashes (I11). */
class SequenceTest {
  @TempDir Path tmp;

  static SequenceDef seq(String name, long start, long inc, long min, long max, boolean cycle, long cache) {
    return new SequenceDef("PUBLIC", name, "BIGINT", start, inc, min, max, cycle, cache);
  }

  static SequenceDef plain(String name) {
    return seq(name, 1, 1, 1, Long.MAX_VALUE, false, SequenceDef.DEFAULT_CACHE);
  }

  static List<Long> take(Store s, String name, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.nextValue("PUBLIC", name));
    }
    return out;
  }

  @Test
  void values_stepFromStartByIncrement_withinTheBounds_andCycleOrRunOut() {
    try (Store s = Store.open(StoreConfig.inMemory())) {
      s.createSequence(seq("UP", 10, 5, 1, 20, false, 32));
      assertEquals(List.of(10L, 15L, 20L), take(s, "UP", 3));
      StoreException e = assertThrows(StoreException.class, () -> s.nextValue("PUBLIC", "UP"));
      assertEquals(StoreException.Reason.SEQUENCE_EXHAUSTED, e.reason());
      assertTrue(e.getMessage().contains("UP"), e.getMessage());

      s.createSequence(seq("RING", 1, 1, 1, 3, true, 2));
      assertEquals(List.of(1L, 2L, 3L, 1L, 2L, 3L, 1L), take(s, "RING", 7));

      s.createSequence(seq("DOWN", -1, -2, -6, -1, true, 4));
      assertEquals(List.of(-1L, -3L, -5L, -1L), take(s, "DOWN", 4));
    }
  }

  @Test
  void advance_countsValuesWithoutSteppingThem_evenAtTheEndsOfBigint() {
    SequenceDef top = seq("T", Long.MAX_VALUE - 2, 1, Long.MIN_VALUE, Long.MAX_VALUE, false, 1);
    SequenceDef.Advance a = top.advance(top.initialState(), 1_000_000);
    assertEquals(3, a.taken());
    assertTrue(a.state().exhausted());
    SequenceDef ring = seq("R", Long.MAX_VALUE - 1, 1, Long.MIN_VALUE, Long.MAX_VALUE, true, 1);
    SequenceDef.Advance b = ring.advance(ring.initialState(), 3);
    assertEquals(new SequenceState(Long.MIN_VALUE + 1, false), b.state());
    SequenceDef small = seq("S", 1, 7, 1, 100, true, 1);
    SequenceState st = small.initialState();
    for (int i = 0; i < 1000; i++) {
      st = small.advance(st, 1).state();
    }
    assertEquals(st, small.advance(small.initialState(), 1000).state(), "a jump of n equals n steps");
  }

  @Test
  void definitions_withoutRoomForAValue_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> seq("Z", 1, 0, 1, 10, false, 1));
    assertThrows(IllegalArgumentException.class, () -> seq("Z", 5, 1, 5, 1, false, 1));
    assertThrows(IllegalArgumentException.class, () -> seq("Z", 0, 1, 1, 10, false, 1));
    assertThrows(IllegalArgumentException.class, () -> seq("Z", 1, 1, 1, 10, false, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new SequenceDef("PUBLIC", "Z", "INTEGER", 1, 1, 1, Long.MAX_VALUE, false, 1));
  }

  @Test
  void cleanReopen_goesOnWithoutAGap_fromTheLogOrTheSnapshot_I11() {
    Path dir = tmp.resolve("db");
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      s.createSequence(plain("S"));
      assertEquals(List.of(1L, 2L, 3L), take(s, "S", 3));
    }
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      assertEquals(List.of(4L, 5L), take(s, "S", 2));
      s.checkpoint();
      assertEquals(List.of(6L), take(s, "S", 1));
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertEquals(List.of(7L), take(s, "S", 1));
      s.alterSequence(seq("S", 1, 10, 1, Long.MAX_VALUE, false, 32), new SequenceState(100, false));
      assertEquals(List.of(100L, 110L), take(s, "S", 2));
      s.alterSequence(seq("S", 1, 1, 1, Long.MAX_VALUE, false, 32), null);
      assertEquals(List.of(120L), take(s, "S", 1), "without RESTART it goes on from the next value");
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertEquals(List.of(121L), take(s, "S", 1));
      s.dropSequence("PUBLIC", "S");
      assertEquals(StoreException.Reason.NOT_FOUND,
          assertThrows(StoreException.class, () -> s.nextValue("PUBLIC", "S")).reason());
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertTrue(s.catalog().sequences().isEmpty());
    }
  }

  /**
   * Crashes after each number of values, losing every byte not forced, and checks that the
   * reopened sequence never hands out a value it handed out before (I11).
   */
  @Test
  void crash_losingUnforcedBytes_neverRepeatsAHandedOutValue_I11() throws IOException {
    for (int n : new int[] {1, 2, 31, 32, 33, 100}) {
      Path dir = tmp.resolve("crash" + n);
      try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
        s.createSequence(seq("S", 1, 1, 1, Long.MAX_VALUE, false, 32));
        s.createSequence(seq("R", 1, 1, 1, 50, true, 8));
      }
      FaultyFileSystem fs = new FaultyFileSystem(dir);
      Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withFileSystem(fs));
      List<Long> handed = take(s, "S", n);
      List<Long> ring = take(s, "R", n);
      fs.crash(FaultyFileSystem.Loss.UNFORCED, n);
      s.close();
      try (Store r = Store.open(StoreConfig.file(dir))) {
        long next = r.nextValue("PUBLIC", "S");
        assertTrue(next > handed.get(handed.size() - 1), n + ": " + next + " after " + handed);
        long ringNext = r.nextValue("PUBLIC", "R");
        long expectedAtLeast = ring.get(ring.size() - 1) % 50 + 1;
        // the ring resumes after the last value it handed out, at most one cache further on
        long distance = Math.floorMod(ringNext - expectedAtLeast, 50);
        assertTrue(distance < 8, n + ": ring resumed at " + ringNext + " after " + ring);
      }
    }
  }

  @Test
  void concurrentTakers_getDistinctValues_andACrashRepeatsNone_I11() throws Exception {
    Path dir = tmp.resolve("threads");
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      s.createSequence(seq("S", 1, 1, 1, Long.MAX_VALUE, false, 5));
    }
    FaultyFileSystem fs = new FaultyFileSystem(dir);
    Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withFileSystem(fs));
    ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          values.add(s.nextValue("PUBLIC", "S"));
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    Set<Long> distinct = new HashSet<>(values);
    assertEquals(1600, distinct.size(), "every value once");
    fs.crash(FaultyFileSystem.Loss.UNFORCED, 7);
    s.close();
    try (Store r = Store.open(StoreConfig.file(dir))) {
      long next = r.nextValue("PUBLIC", "S");
      assertFalse(distinct.contains(next));
      assertTrue(next > java.util.Collections.max(distinct));
    }
  }

  @Test
  void readOnlyStore_refusesToHandOutValues_andASchemaWithASequenceIsNotEmpty() {
    Path dir = tmp.resolve("ro");
    try (Store s = Store.open(StoreConfig.file(dir))) {
      s.createSchema("APP");
      s.createSequence(new SequenceDef("APP", "S", "INTEGER", 1, 1, 1, Integer.MAX_VALUE, false, 32));
      assertEquals(StoreException.Reason.DEPENDENCY,
          assertThrows(StoreException.class, () -> s.dropSchema("APP")).reason());
      assertEquals(1L, s.nextValue("APP", "S"));
    }
    try (Store s = Store.open(StoreConfig.file(dir).withReadOnly(true))) {
      assertEquals(StoreException.Reason.READ_ONLY,
          assertThrows(StoreException.class, () -> s.nextValue("APP", "S")).reason());
      assertEquals(new SequenceState(2, false), s.sequenceState("APP", "S"));
    }
  }
}
