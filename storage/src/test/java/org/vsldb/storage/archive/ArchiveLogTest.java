package org.vsldb.storage.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.io.FaultyFileSystem;
import org.vsldb.storage.io.FaultyFileSystem.Loss;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * The archive ({@code archiveLog=true}): checkpoints keep every finished generation, the history
 * reads them in commit order, and point-in-time recovery rebuilds exactly the commits up to a
 * moment (docs/RECOVERY.md "Point-in-time recovery"; invariant I9).
 */
class ArchiveLogTest {
  @TempDir Path tmp;

  private static final TableDef DEF = new TableDef("PUBLIC", "T", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false),
      new ColumnDef("V", ColumnType.VARCHAR, 20, -1, true)), new int[] {0});

  private static StoreConfig config(Path dir) {
    return StoreConfig.file(dir).withCheckpointLogBytes(0).withArchiveLog(true);
  }

  private static void put(Store s, int id, String v) {
    Table t = s.catalog().table("PUBLIC", "T");
    Transaction x = s.begin();
    Long row = x.rowIdByKey(t, id);
    if (v == null) {
      x.delete(t, row);
    } else if (row == null) {
      x.insert(t, new Object[] {id, v});
    } else {
      x.update(t, row, new Object[] {id, v});
    }
    x.commit();
  }

  private static Map<Integer, String> rows(Store s) {
    Map<Integer, String> m = new TreeMap<>();
    Table t = s.catalog().table("PUBLIC", "T");
    if (t == null) {
      return m;
    }
    for (Iterator<Object[]> it = s.begin().scan(t); it.hasNext(); ) {
      Object[] r = it.next();
      m.put((Integer) r[0], (String) r[1]);
    }
    return m;
  }

  /** Waits until the wall clock has moved past the last commit, then returns the moment. */
  private static long moment() throws InterruptedException {
    Thread.sleep(3);
    long m = System.currentTimeMillis();
    Thread.sleep(3);
    return m;
  }

  private static List<Change> history(Store s, LogHistory.Filter f) throws IOException {
    List<Change> out = new ArrayList<>();
    try (LogHistory h = s.history(f)) {
      for (LogHistory.Entry e; (e = h.next()) != null; ) {
        out.add(e.change());
      }
    }
    return out;
  }

  @Test
  void checkpointsMoveEachFinishedLogAndSnapshotIntoTheArchive() {
    Path dir = tmp.resolve("db");
    DatabaseFiles files = new DatabaseFiles(dir);
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      for (int g = 0; g < 3; g++) {
        put(s, g, "v" + g);
        s.checkpoint();
      }
    }
    for (long g = 0; g < 3; g++) {
      assertTrue(Files.exists(files.archivedLog(g)), "log of generation " + g + " archived");
    }
    assertTrue(Files.exists(files.archivedSnapshot(1)));
    assertTrue(Files.exists(files.archivedSnapshot(2)));
    assertTrue(!Files.exists(files.archivedSnapshot(0)), "generation 0 follows the empty database");
  }

  @Test
  void withoutArchiveLog_finishedLogsAreDeleted() {
    Path dir = tmp.resolve("plain");
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      s.createTable(DEF);
      put(s, 1, "a");
      s.checkpoint();
    }
    assertTrue(!Files.exists(new DatabaseFiles(dir).archiveDir()));
  }

  @Test
  void historyReturnsEveryChangeInCommitOrderAcrossGenerations() throws IOException {
    Path dir = tmp.resolve("h");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      put(s, 1, "a");
      s.checkpoint();
      put(s, 1, "b");
      put(s, 2, "c");
      s.checkpoint();
      put(s, 1, null);
      List<Change> all = history(s, LogHistory.Filter.all());
      assertEquals(5, all.size(), all.toString());
      assertTrue(all.get(0) instanceof Change.CreateTable);
      assertTrue(all.get(1) instanceof Change.Insert i && i.values()[1].equals("a"));
      assertTrue(all.get(2) instanceof Change.Update u && u.values()[1].equals("b"));
      assertTrue(all.get(3) instanceof Change.Insert i && i.values()[0].equals(2));
      Change.Delete d = (Change.Delete) all.get(4);
      assertEquals(List.of(1), List.of(d.key()), "a delete carries the deleted row's primary key");
      assertEquals(List.of(), history(s, new LogHistory.Filter(null, "OTHER", Long.MIN_VALUE, Long.MAX_VALUE)));
    }
  }

  @Test
  void historyTimeFilterReturnsExactlyTheCommitsInTheRange() throws Exception {
    Path dir = tmp.resolve("time");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      put(s, 1, "a");
      s.checkpoint();
      long from = moment();
      put(s, 2, "b");
      s.checkpoint();
      put(s, 3, "c");
      long to = moment();
      put(s, 4, "d");
      List<Change> in = history(s, new LogHistory.Filter("PUBLIC", "T", from, to));
      assertEquals(2, in.size(), in.toString());
      assertEquals(2, ((Change.Insert) in.get(0)).values()[0]);
      assertEquals(3, ((Change.Insert) in.get(1)).values()[0]);
    }
  }

  @Test
  void pointInTimeRecoveryRebuildsExactlyTheCommitsUpToTheMoment() throws Exception {
    Path dir = tmp.resolve("pitr");
    List<Long> moments = new ArrayList<>();
    List<Map<Integer, String>> states = new ArrayList<>();
    try (Store s = Store.open(config(dir))) {
      moments.add(moment());
      states.add(Map.of());
      s.createTable(DEF);
      for (int round = 0; round < 6; round++) {
        put(s, round, "r" + round);
        put(s, round / 2, "u" + round);
        if (round % 3 == 2) {
          put(s, round - 1, null);
        }
        if (round % 2 == 1) {
          s.checkpoint();
        }
        moments.add(moment());
        states.add(rows(s));
      }
    }
    for (int i = 0; i < moments.size(); i++) {
      try (Store at = Store.openAt(config(dir), moments.get(i))) {
        assertEquals(states.get(i), rows(at), "state at moment " + i);
        StoreException ro = assertThrows(StoreException.class,
            () -> at.createTable(DEF.withName("U")), "a recovered state is read-only");
        assertEquals(StoreException.Reason.READ_ONLY, ro.reason());
      }
    }
    try (Store s = Store.open(config(dir))) {
      assertEquals(states.get(states.size() - 1), rows(s), "recovering to a moment changes nothing on disk");
    }
  }

  @Test
  void pointInTimeBeforeTheArchiveBegins_failsWithAClearMessage() throws Exception {
    Path dir = tmp.resolve("late");
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      s.createTable(DEF);
      put(s, 1, "a");
      s.checkpoint(); // log 0 deleted: archiving was off
    }
    long early = System.currentTimeMillis() - 60_000;
    try (Store s = Store.open(config(dir))) {
      put(s, 2, "b");
      s.checkpoint();
    }
    StoreException e = assertThrows(StoreException.class, () -> Store.openAt(config(dir), early));
    assertEquals(StoreException.Reason.CANNOT_OPEN, e.reason());
    assertTrue(e.getMessage().contains("oldest snapshot"), e.getMessage());
    try (Store now = Store.openAt(config(dir), System.currentTimeMillis())) {
      assertEquals(Map.of(1, "a", 2, "b"), rows(now));
    }
  }

  @Test
  void damagedArchivedLog_isReportedWithFileAndOffset_andWhatDoesNotNeedItStillOpens() throws Exception {
    Path dir = tmp.resolve("damaged");
    DatabaseFiles files = new DatabaseFiles(dir);
    long afterFirst;
    long afterCheckpoint;
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      put(s, 1, "a");
      afterFirst = moment();
      put(s, 2, "b");
      s.checkpoint();
      afterCheckpoint = moment();
      put(s, 3, "c");
      s.checkpoint();
    }
    Path log0 = files.archivedLog(0);
    byte[] b = Files.readAllBytes(log0);
    b[60] ^= 0x01; // inside the first record, which good records follow
    Files.write(log0, b);

    StoreException e = assertThrows(StoreException.class, () -> Store.openAt(config(dir), afterFirst));
    assertEquals(StoreException.Reason.CORRUPTION, e.reason());
    assertTrue(e.getMessage().contains(log0.toString()) && e.getMessage().contains("offset 40"), e.getMessage());

    try (Store at = Store.openAt(config(dir), afterCheckpoint)) {
      assertEquals(Map.of(1, "a", 2, "b"), rows(at), "a moment after snapshot 1 does not need log 0");
    }
    try (Store s = Store.open(config(dir))) {
      assertEquals(Map.of(1, "a", 2, "b", 3, "c"), rows(s), "opening the database never reads the archive");
      var h = assertThrows(org.vsldb.storage.log.CorruptionException.class,
          () -> history(s, LogHistory.Filter.all()));
      assertTrue(h.getMessage().contains(log0.toString()) && h.getMessage().contains("offset 40"), h.getMessage());
      List<Change> later = history(s, new LogHistory.Filter(null, null, afterCheckpoint, Long.MAX_VALUE));
      assertEquals(1, later.size(), "a range after generation 0 does not read its log: " + later);
    }
  }
}
