package org.vsldb.storage.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.log.LogReader;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/** Opening directories in the states a crash or a careless copy can leave (docs/RECOVERY.md). */
class RecoveryTest {
  @TempDir Path tmp;

  static final TableDef DEF = new TableDef("PUBLIC", "T", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false),
      new ColumnDef("V", ColumnType.VARCHAR, -1, -1, true)), new int[] {0});

  static StoreConfig config(Path dir) {
    return StoreConfig.file(dir).withCheckpointLogBytes(0);
  }

  static void insert(Store s, int id) {
    Transaction t = s.begin();
    t.insert(s.catalog().table("PUBLIC", "T"), new Object[] {id, "v" + id});
    t.commit();
  }

  static List<Integer> ids(Store s) {
    List<Integer> out = new ArrayList<>();
    Table t = s.catalog().table("PUBLIC", "T");
    for (Iterator<Object[]> it = s.begin().scan(t); it.hasNext(); ) {
      out.add((Integer) it.next()[0]);
    }
    out.sort(Integer::compare);
    return out;
  }

  @Test
  void open_afterCheckpoint_loadsSnapshotAndReplaysOnlyNewerCommits_I5() {
    Path dir = tmp.resolve("db");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
      insert(s, 2);
      s.checkpoint();
      insert(s, 3);
    }
    try (Store s = Store.open(config(dir))) {
      assertEquals(List.of(1, 2, 3), ids(s));
      insert(s, 4);
    }
    try (Store s = Store.open(config(dir))) {
      assertEquals(List.of(1, 2, 3, 4), ids(s));
    }
  }

  @Test
  void replay_readsEachRowWithTheColumnsItsTableHadAtThatPointOfTheLog_andBuildsItsKeys_I2() {
    Path dir = tmp.resolve("db");
    TableDef other = new TableDef("PUBLIC", "U", List.of(
        new ColumnDef("K", ColumnType.VARCHAR, -1, -1, false),
        new ColumnDef("N", ColumnType.BIGINT, -1, -1, true)), new int[] {0})
        .withIndexes(List.of(new IndexDef("U_N", new int[] {1}, false, "U_N")));
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
      insert(s, 2);
      Table t = s.catalog().table("PUBLIC", "T");
      List<ColumnDef> wider = new ArrayList<>(DEF.columns());
      wider.add(new ColumnDef("EXTRA", ColumnType.DOUBLE, -1, -1, true));
      s.alterTables(List.of(new Store.Alteration(t, DEF.withColumns(wider), new int[] {0, 1, -1},
          new Object[] {null, null, 0.5})));
      Table altered = s.catalog().table("PUBLIC", "T");
      Transaction x = s.begin();
      x.insert(altered, new Object[] {3, "v3", 1.5});
      x.commit();
      Table u = s.createTable(other);
      x = s.begin();
      for (int i = 0; i < 100; i++) {
        x.insert(u, new Object[] {"k" + (99 - i), (long) i});
      }
      x.commit();
      // an update and a delete of rows that had one version each
      x = s.begin();
      x.update(altered, x.rowIdByKey(altered, 2), new Object[] {2, "two", 2.5});
      x.delete(altered, x.rowIdByKey(altered, 1));
      x.commit();
    }
    try (Store s = Store.open(config(dir))) {
      Table t = s.catalog().table("PUBLIC", "T");
      List<String> rows = new ArrayList<>();
      for (Iterator<Object[]> it = s.begin().scan(t); it.hasNext(); ) {
        Object[] r = it.next();
        rows.add(r[0] + "," + r[1] + "," + r[2]);
      }
      assertEquals(List.of("2,two,2.5", "3,v3,1.5"), rows);
      Transaction r = s.begin();
      assertEquals(null, r.rowIdByKey(t, 1), "the deleted row's key is gone");
      assertEquals("two", r.lookupByKey(t, 2)[1]);
      Table u = s.catalog().table("PUBLIC", "U");
      for (int i = 0; i < 100; i++) {
        assertEquals((long) i, r.lookupByKey(u, "k" + (99 - i))[1], "key k" + (99 - i) + " (inserted out of key order)");
      }
      IndexDef byN = u.def().indexes().get(0);
      int found = 0;
      for (Iterator<Object[]> it = r.indexRange(u, u.index(byN.name()), new Object[] {10L}, true,
          new Object[] {19L}, true); it.hasNext(); it.next()) {
        found++;
      }
      assertEquals(10, found, "the secondary index holds every row");
    }
  }

  @Test
  void recordWithGoodChecksumButValuesThatDoNotFitTheTable_failsEveryUseWithItsOffset_andNothingIsWritten_I4_I10() throws IOException {
    Path dir = tmp.resolve("db");
    long ts;
    int tableId;
    try (Store s = Store.open(config(dir))) {
      tableId = s.createTable(DEF).id();
      insert(s, 1);
      ts = s.lastCommitTs();
    }
    Path log = new DatabaseFiles(dir).log();
    long offset = Files.size(log);
    byte[] frame = org.vsldb.storage.log.RecordCodec.frame(new org.vsldb.storage.log.LogRecord(ts + 1, 0,
        List.of(new org.vsldb.storage.log.Change.Insert(tableId, 99, new Object[] {"not a number", "v"}))));
    Files.write(log, frame, java.nio.file.StandardOpenOption.APPEND);
    insertedAfter(log, ts + 2, tableId);
    byte[] before = Files.readAllBytes(log);
    Path snapshot = new DatabaseFiles(dir).snapshot();
    byte[] snapshotBefore = Files.readAllBytes(snapshot);
    // Every checksum holds, so the open's checks pass; the load finds the record (RECOVERY.md,
    // "Checked at open, loaded after").
    for (int round = 0; round < 2; round++) {
      try (Store s = Store.open(config(dir))) {
        StoreException e = assertThrows(StoreException.class, () -> s.catalog().tables());
        assertEquals(StoreException.Reason.CORRUPTION, e.reason());
        assertTrue(e.getMessage().contains("offset " + offset) && e.getMessage().contains("malformed record"),
            e.getMessage());
        assertTrue(e.getMessage().contains("column 1"), e.getMessage());
        assertThrows(StoreException.class, () -> s.begin().insert(s.catalog().table("PUBLIC", "T"), new Object[] {5, "x"}));
        assertThrows(StoreException.class, s::checkpoint);
      }
      assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(log)), "the log is left as it was");
      assertTrue(java.util.Arrays.equals(snapshotBefore, Files.readAllBytes(snapshot)), "no snapshot was written");
    }
    StoreException e = assertThrows(StoreException.class,
        () -> Store.open(config(dir).withReadOnly(true)), "a read-only open loads before it returns");
    assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
  }

  /** Appends a well-formed single-row commit, so the bad record is not the log's tail. */
  private static void insertedAfter(Path log, long ts, int tableId) throws IOException {
    byte[] frame = org.vsldb.storage.log.RecordCodec.frame(new org.vsldb.storage.log.LogRecord(ts, 0,
        List.of(new org.vsldb.storage.log.Change.Insert(tableId, 100, new Object[] {100, "v"}))));
    Files.write(log, frame, java.nio.file.StandardOpenOption.APPEND);
  }

  @Test
  void leftoverTemporarySnapshot_isDeleted() throws IOException {
    Path dir = tmp.resolve("db");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
    }
    DatabaseFiles files = new DatabaseFiles(dir);
    Files.write(files.tempSnapshot(), "half a snapshot".getBytes());
    try (Store s = Store.open(config(dir))) {
      assertEquals(List.of(1), ids(s));
      assertFalse(Files.exists(files.tempSnapshot()));
    }
  }

  @Test
  void logOfAnOlderGeneration_isNeverReplayedOntoANewerSnapshot_I5() throws IOException {
    Path dir = tmp.resolve("db");
    DatabaseFiles files = new DatabaseFiles(dir);
    Path oldLog = tmp.resolve("old.vsl");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
      insert(s, 2);
      Files.copy(files.log(), oldLog);
      s.checkpoint();
      insert(s, 3);
    }
    assertEquals(1, LogReader.readHeader(files.log()).generation() >= 1 ? 1 : 0);
    Files.copy(oldLog, files.log(), StandardCopyOption.REPLACE_EXISTING);
    try (Store s = Store.open(config(dir))) {
      assertEquals(List.of(1, 2, 3), ids(s), "the snapshot holds everything; the old log adds nothing");
      assertTrue(LogReader.readHeader(files.log()).generation() >= 1, "a fresh log replaced the stale one");
    }
  }

  @Test
  void interruptedCheckpoint_withBothLogs_isFinishedAtOpen_I5_I8() throws IOException {
    Path dir = tmp.resolve("db");
    DatabaseFiles files = new DatabaseFiles(dir);
    Path savedOld = tmp.resolve("saved-old.vsl");
    Path savedSnapshot = tmp.resolve("saved.db");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
      s.checkpoint();
      Files.copy(files.snapshot(), savedSnapshot);
      insert(s, 2);
      Files.copy(files.log(), savedOld);
      s.checkpoint();
      insert(s, 3);
      Files.copy(files.log(), tmp.resolve("new.vsl"));
    }
    // The directory as a crash after "create new log" leaves it: old snapshot, old log, new log.
    Files.copy(savedSnapshot, files.snapshot(), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(savedOld, files.previousLog(), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(tmp.resolve("new.vsl"), files.log(), StandardCopyOption.REPLACE_EXISTING);
    try (Store s = Store.open(config(dir))) {
      assertEquals(List.of(1, 2, 3), ids(s));
      assertFalse(Files.exists(files.previousLog()), "the checkpoint was finished");
    }
    try (Store s = Store.open(config(dir))) {
      assertEquals(List.of(1, 2, 3), ids(s));
    }
  }

  @Test
  void logOfAnotherDatabase_isRefused_I5() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    try (Store s = Store.open(config(a))) {
      s.createTable(DEF);
      insert(s, 1);
      s.checkpoint();
    }
    try (Store s = Store.open(config(b))) {
      s.createTable(DEF);
    }
    Files.copy(new DatabaseFiles(b).log(), new DatabaseFiles(a).log(), StandardCopyOption.REPLACE_EXISTING);
    StoreException e = assertThrows(StoreException.class, () -> Store.open(config(a)));
    assertEquals(StoreException.Reason.CORRUPTION, e.reason());
    assertTrue(e.getMessage().contains("another database"), e.getMessage());
  }

  @Test
  void missingLogBesideASnapshot_isRefused() throws IOException {
    Path dir = tmp.resolve("db");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
    }
    Files.delete(new DatabaseFiles(dir).log());
    StoreException e = assertThrows(StoreException.class, () -> Store.open(config(dir)));
    assertEquals(StoreException.Reason.CORRUPTION, e.reason());
  }

  @Test
  void snapshotOfUnknownFormatVersion_isRefusedNamingBothVersions() throws IOException {
    Path dir = tmp.resolve("db");
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
    }
    Path snap = new DatabaseFiles(dir).snapshot();
    byte[] b = Files.readAllBytes(snap);
    b[8] = 7;
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(b, 0, 48);
    int v = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      b[48 + i] = (byte) (v >>> (8 * i));
    }
    Files.write(snap, b);
    StoreException e = assertThrows(StoreException.class, () -> Store.open(config(dir)));
    assertTrue(e.getMessage().contains("version 7") && e.getMessage().contains("version " + org.vsldb.storage.snapshot.SnapshotFormat.VERSION), e.getMessage());
  }

  @Test
  void readOnlyOpen_ofAnInterruptedCheckpoint_changesNoFile() throws IOException {
    Path dir = tmp.resolve("db");
    DatabaseFiles files = new DatabaseFiles(dir);
    try (Store s = Store.open(config(dir))) {
      s.createTable(DEF);
      insert(s, 1);
    }
    Files.write(files.tempSnapshot(), new byte[10]);
    try (Store s = Store.open(config(dir).withReadOnly(true))) {
      assertEquals(List.of(1), ids(s));
    }
    assertTrue(Files.exists(files.tempSnapshot()));
  }

  @Test
  void gapInCommitTimestamps_isRefusedAsMissingCommits_I5() throws IOException {
    Path dir = tmp.resolve("gap");
    Files.createDirectories(dir);
    try (org.vsldb.storage.log.LogWriter w =
        org.vsldb.storage.log.LogWriter.create(new DatabaseFiles(dir).log(), 99, 0)) {
      w.write(new org.vsldb.storage.log.LogRecord(1, 0, List.of(new org.vsldb.storage.log.Change.CreateTable(1, DEF))));
      w.write(new org.vsldb.storage.log.LogRecord(2, 0, List.of(
          new org.vsldb.storage.log.Change.Insert(1, 1, new Object[] {1, "a"}))));
      w.write(new org.vsldb.storage.log.LogRecord(4, 0, List.of(
          new org.vsldb.storage.log.Change.Insert(1, 2, new Object[] {2, "b"}))));
    }
    StoreException e = assertThrows(StoreException.class, () -> Store.open(config(dir)));
    assertEquals(StoreException.Reason.CORRUPTION, e.reason());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }
}
