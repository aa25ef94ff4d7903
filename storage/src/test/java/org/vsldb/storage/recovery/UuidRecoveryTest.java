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
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * UUID values (docs/FORMATS.md, value code 17), as a primary key and in a secondary index, survive
 * a reopen through log replay alone and through a snapshot (invariants I1 and I2: a committed
 * value is read back as it was written).
 */
class UuidRecoveryTest {
  @TempDir Path tmp;

  private static final TableDef DEF = new TableDef("PUBLIC", "U", List.of(
      new ColumnDef("ID", ColumnType.UUID, -1, -1, false),
      new ColumnDef("REF", ColumnType.UUID, -1, -1, true)), new int[] {0})
      .withIndexes(List.of(new IndexDef("IX_REF", new int[] {1}, false, null)));

  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-000000000001");
  private static final UUID B = UUID.fromString("ffffffff-0000-0000-8000-000000000000");
  private static final UUID C = UUID.fromString("12345678-9abc-4def-8123-456789abcdef");

  private static final Object[][] ROWS = {{A, C}, {B, A}, {C, null}};

  private static void fill(Store s) {
    Table t = s.createTable(DEF);
    Transaction txn = s.begin();
    for (Object[] row : ROWS) {
      txn.insert(t, row.clone());
    }
    txn.commit();
  }

  private static void assertRows(Store s) {
    Table t = s.catalog().table("PUBLIC", "U");
    Transaction txn = s.begin();
    List<Object[]> rows = new ArrayList<>();
    for (Iterator<Object[]> it = txn.scan(t); it.hasNext(); ) {
      rows.add(it.next());
    }
    rows.sort((x, y) -> ((UUID) x[0]).compareTo((UUID) y[0]));
    // java.util.UUID's order: each half as a signed number, so B (ffffffff-...) comes first
    assertArrayEquals(new Object[][] {ROWS[1], ROWS[0], ROWS[2]}, rows.toArray(new Object[0][]));
    assertArrayEquals(ROWS[2], txn.lookupByKey(t, C), "primary key lookup by UUID");
    assertNull(txn.lookupByKey(t, new UUID(0, 2)));
    Iterator<Object[]> range = txn.indexRange(t, t.index("IX_REF"), new Object[] {C}, true, null, false);
    assertArrayEquals(ROWS[0], range.next(), "index range from C: only the row that refers to C");
    assertEquals(false, range.hasNext());
  }

  @Test
  void uuidValues_surviveLogReplay() throws IOException {
    Path dir = tmp.resolve("db");
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      fill(s);
      // the log as a crash would leave it: a clean close would also write a snapshot
      DatabaseFiles files = new DatabaseFiles(dir);
      Files.copy(files.log(), new DatabaseFiles(copy).log());
      assertFalse(Files.exists(files.snapshot()));
    }
    try (Store s = Store.open(StoreConfig.file(copy).withCheckpointLogBytes(0))) {
      assertRows(s);
    }
  }

  @Test
  void uuidValues_surviveASnapshot() {
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
