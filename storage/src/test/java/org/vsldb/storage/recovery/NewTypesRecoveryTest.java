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
import java.util.UUID;
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
 * BINARY, VARBINARY, TIMESTAMP WITH LOCAL TIME ZONE and UUID values (docs/FORMATS.md, value tags
 * 15, 5 and 17), and keys made of them, survive a reopen through log replay alone and through a
 * snapshot (invariants I1 and I2: a committed value is read back as it was written).
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

  private static final TableDef UUIDS = new TableDef("PUBLIC", "U", List.of(
      new ColumnDef("ID", ColumnType.UUID, -1, -1, false),
      new ColumnDef("REF", ColumnType.UUID, -1, -1, true)), new int[] {0})
      .withIndexes(List.of(new IndexDef("IX_REF", new int[] {1}, false, null)));

  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID B = UUID.fromString("ffffffff-0000-0000-8000-000000000000");
  private static final UUID C = UUID.fromString("12345678-9abc-4def-8123-456789abcdef");

  private static final Object[][] UUID_ROWS = {{A, C}, {B, A}, {C, null}};

  private static Bytes bytes(int... v) {
    byte[] a = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      a[i] = (byte) v[i];
    }
    return Bytes.of(a);
  }

  private static void fill(Store s) {
    Table t = s.createTable(DEF);
    Table u = s.createTable(UUIDS);
    Transaction txn = s.begin();
    for (Object[] row : ROWS) {
      txn.insert(t, row.clone());
    }
    for (Object[] row : UUID_ROWS) {
      txn.insert(u, row.clone());
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

    Table u = s.catalog().table("PUBLIC", "U");
    List<Object[]> uuids = new ArrayList<>();
    for (Iterator<Object[]> it = txn.scan(u); it.hasNext(); ) {
      uuids.add(it.next());
    }
    uuids.sort((x, y) -> ((UUID) x[0]).compareTo((UUID) y[0]));
    // java.util.UUID's order (each half signed), which the store's index keeps: B comes first
    assertArrayEquals(new Object[][] {UUID_ROWS[1], UUID_ROWS[0], UUID_ROWS[2]}, uuids.toArray(new Object[0][]));
    assertArrayEquals(UUID_ROWS[2], txn.lookupByKey(u, C), "primary key lookup by UUID");
    assertNull(txn.lookupByKey(u, new UUID(0, 2)));
    Iterator<Object[]> refs = txn.indexRange(u, u.index("IX_REF"), new Object[] {C}, true, null, false);
    assertArrayEquals(UUID_ROWS[0], refs.next(), "index range from C: only the row that refers to C");
    assertEquals(false, refs.hasNext());
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
