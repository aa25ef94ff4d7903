package org.vsldb.storage.recovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.Bytes;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * BINARY, VARBINARY and TIMESTAMP WITH LOCAL TIME ZONE values, and keys made of them, survive a
 * reopen through log replay alone and through a snapshot.
 */
class NewTypesRecoveryTest {
  @TempDir Path tmp;

  private static final TableDef DEF = new TableDef("PUBLIC", "B", List.of(
      new ColumnDef("K", ColumnType.VARBINARY, 8, -1, false),
      new ColumnDef("F", ColumnType.BINARY, 3, -1, true),
      new ColumnDef("AT", ColumnType.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, -1, true)), new int[] {0})
      .withIndexes(List.of(new IndexDef("IX_F", new int[] {1}, false, null)));

  private static final Object[][] ROWS = {
    {bytes(0x0a, 0x0b), bytes(1, 0, 0), 1_704_067_200_000L},
    {bytes(0xff), bytes(0x80, 0x7f, 0), -1L},
    {Bytes.EMPTY, null, null},
  };

  private static Bytes bytes(int... v) {
    byte[] a = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      a[i] = (byte) v[i];
    }
    return Bytes.of(a);
  }

  private static void fill(Store s) {
    Table t = s.createTable(DEF);
    Transaction txn = s.begin();
    for (Object[] row : ROWS) {
      txn.insert(t, row.clone());
    }
    txn.commit();
  }

  private static void assertRows(Store s) {
    Table t = s.catalog().table("PUBLIC", "B");
    Transaction txn = s.begin();
    List<Object[]> rows = new ArrayList<>();
    for (Iterator<Object[]> it = txn.scan(t); it.hasNext(); ) {
      rows.add(it.next());
    }
    rows.sort((a, b) -> ((Bytes) a[0]).compareTo((Bytes) b[0]));
    assertArrayEquals(new Object[][] {ROWS[2], ROWS[0], ROWS[1]}, rows.toArray(new Object[0][]));
    assertArrayEquals(ROWS[1], txn.lookupByKey(t, bytes(0xff)), "primary key lookup by bytes");
    assertNull(txn.lookupByKey(t, bytes(0xff, 0)));
    Iterator<Object[]> range = txn.indexRange(t, t.index("IX_F"),
        new Object[] {bytes(0x80)}, true, null, false);
    assertArrayEquals(ROWS[1], range.next(), "index range from 0x80: only the row with 80 7f 00");
    assertEquals(false, range.hasNext());
  }

  @Test
  void values_surviveLogReplay() throws IOException {
    Path dir = tmp.resolve("db");
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      fill(s);
      // The log as a crash would leave it: a clean close would also write a snapshot.
      DatabaseFiles files = new DatabaseFiles(dir);
      Files.copy(files.log(), new DatabaseFiles(copy).log());
      assertFalse(Files.exists(files.snapshot()));
    }
    try (Store s = Store.open(StoreConfig.file(copy).withCheckpointLogBytes(0))) {
      assertRows(s);
    }
  }

  @Test
  void values_surviveASnapshot() {
    Path dir = tmp.resolve("db");
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      fill(s);
      s.checkpoint();
    }
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      assertRows(s);
    }
  }
}
