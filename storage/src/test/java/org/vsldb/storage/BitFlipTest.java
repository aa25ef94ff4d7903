package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Every byte of a small log and of a small snapshot, flipped in turn: the database then opens with
 * exactly the right data, or fails with a corruption error naming the file. Never with wrong data
 * (I3, I4, I5).
 */
class BitFlipTest {
  @TempDir Path tmp;

  private static final TableDef DEF = new TableDef("PUBLIC", "T", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false),
      new ColumnDef("V", ColumnType.VARCHAR, -1, -1, true),
      new ColumnDef("D", ColumnType.DECIMAL, 10, 2, true)), new int[] {0});

  private static String contents(Store s) {
    Table t = s.catalog().table("PUBLIC", "T");
    if (t == null) {
      return "no table";
    }
    List<String> rows = new ArrayList<>();
    for (Iterator<Object[]> it = s.begin().scan(t); it.hasNext(); ) {
      rows.add(java.util.Arrays.toString(it.next()));
    }
    return rows.toString();
  }

  /** A table, three inserts and a delete, each its own transaction. */
  private static void fill(Store s) {
    s.createTable(DEF);
    Table t = s.catalog().table("PUBLIC", "T");
    for (int i = 1; i <= 3; i++) {
      Transaction x = s.begin();
      x.insert(t, new Object[] {i, "value " + i, new java.math.BigDecimal(i + ".25")});
      x.commit();
    }
    Transaction x = s.begin();
    x.delete(t, 2);
    x.commit();
  }

  private static void build(Path dir, boolean checkpoint) {
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      fill(s);
      if (checkpoint) {
        s.checkpoint();
      }
    }
  }

  /** Opens read-only, so the flipped file is read exactly as damaged, and nothing is rewritten. */
  private static String open(Path dir) {
    try (Store s = Store.open(StoreConfig.file(dir).withReadOnly(true).withCreate(false))) {
      return contents(s);
    }
  }

  private void flipEveryByte(Path original, String file, String expected) throws IOException {
    Path target = original.resolve(file);
    byte[] clean = Files.readAllBytes(target);
    int corrupt = 0;
    for (int i = 0; i < clean.length; i++) {
      for (int bit : new int[] {0, 7}) {
        byte[] b = clean.clone();
        b[i] ^= (byte) (1 << bit);
        Files.write(target, b);
        try {
          String got = open(original);
          assertEquals(expected, got, file + ": flipped bit " + bit + " of byte " + i + " gave wrong data");
        } catch (StoreException e) {
          assertEquals(StoreException.Reason.CORRUPTION, e.reason(), file + " byte " + i + ": " + e.getMessage());
          assertTrue(e.getMessage().contains(file), e.getMessage());
          corrupt++;
        }
      }
    }
    Files.write(target, clean);
    assertEquals(expected, open(original));
    assertTrue(corrupt > 0);
  }

  @Test
  void flippedBitInLog_opensCorrectlyOrReportsCorruption_neverWrongData() throws IOException {
    Path dir = tmp.resolve("log");
    build(dir, false);
    // a clean close checkpoints; to keep the data in the log, restore the pre-close log
    String expected = open(dir);
    Path logOnly = tmp.resolve("log-only");
    try (Store s = Store.open(StoreConfig.file(logOnly).withCheckpointLogBytes(0))) {
      fill(s);
      Files.copy(logOnly.resolve("database.vsl"), tmp.resolve("saved.vsl"));
    }
    // the open log keeps zeros ahead of its records (preallocated space); PreallocatedLogTest
    // flips bits there, this test every bit of the records
    long end = org.vsldb.storage.log.LogReader.read(tmp.resolve("saved.vsl"), r -> {}).validEnd();
    try (var ch = java.nio.channels.FileChannel.open(tmp.resolve("saved.vsl"), java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(end);
    }
    Files.delete(logOnly.resolve("database.db"));
    Files.copy(tmp.resolve("saved.vsl"), logOnly.resolve("database.vsl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(expected, open(logOnly));
    flipEveryByte(logOnly, "database.vsl", expected);
  }

  @Test
  void flippedBitInSnapshot_opensCorrectlyOrReportsCorruption_neverWrongData() throws IOException {
    Path dir = tmp.resolve("snap");
    build(dir, true);
    String expected = open(dir);
    assertTrue(expected.contains("value 3"), expected);
    flipEveryByte(dir, "database.db", expected);
  }
}
