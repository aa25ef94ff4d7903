package org.vsldb.storage.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.Progress;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.log.LogFormatDocumentTest;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.RowVersion;
import org.vsldb.storage.table.Table;

/** The snapshot example of docs/FORMATS.md decodes as the document says, and the writer produces it. */
class SnapshotFormatDocumentTest {
  @TempDir Path dir;

  @Test
  void documentExample_loadsTheDescribedTableAndRow() throws Exception {
    Path file = dir.resolve(SnapshotFormat.FILE_NAME);
    Files.write(file, LogFormatDocumentTest.documentExample(1));
    Catalog catalog = new Catalog();
    SnapshotReader.Header h = SnapshotReader.load(FileSystem.DEFAULT, file, catalog);
    assertEquals(0x0123456789ABCDEFL, h.databaseId());
    assertEquals(1, h.generation());
    assertEquals(2, h.snapshotTs());
    assertEquals(1_700_000_001_000L, h.wallClockMillis());
    Table t = catalog.table(1);
    assertEquals(LogFormatDocumentTest.exampleTable(), t.def());
    assertEquals(2, t.nextRowIdValue());
    assertEquals(2, catalog.nextTableIdValue());
    Iterator<RowVersion> rows = t.scan(2);
    RowVersion r = rows.next();
    assertEquals(1, r.rowId());
    assertArrayEquals(new Object[] {1, "x"}, r.values());
  }

  @Test
  void writer_producesTheDocumentExampleByteForByte() throws Exception {
    Table t = new Table(1, LogFormatDocumentTest.exampleTable());
    t.applyInsert(1, new Object[] {1, "x"}, 2);
    Path file = dir.resolve("example.db");
    SnapshotWriter.write(FileSystem.DEFAULT, file, 0x0123456789ABCDEFL, 1, 2,
        new org.vsldb.storage.table.Catalog.Image(List.of(), List.of(), List.of(), List.of(t), 2), 1_700_000_001_000L,
        CommitActivity.NONE, Progress.NONE);
    assertArrayEquals(LogFormatDocumentTest.documentExample(1), Files.readAllBytes(file));
  }

  @Test
  void writerGivingWayToCommits_producesTheSameBytes() throws Exception {
    Table t = new Table(1, LogFormatDocumentTest.exampleTable());
    for (int i = 1; i <= 25_000; i++) {
      t.applyInsert(i, new Object[] {i, "row " + i}, 2);
    }
    org.vsldb.storage.table.Catalog.Image image =
        new org.vsldb.storage.table.Catalog.Image(List.of(), List.of(), List.of(), List.of(t), 2);
    Path full = dir.resolve("full.db");
    Path paced = dir.resolve("paced.db");
    SnapshotWriter.write(FileSystem.DEFAULT, full, 7, 1, 2, image, 1_700_000_001_000L, CommitActivity.NONE, Progress.NONE);
    SnapshotWriter.write(FileSystem.DEFAULT, paced, 7, 1, 2, image, 1_700_000_001_000L, () -> true, Progress.NONE);
    assertTrue(Files.size(full) > 4 * SnapshotWriter.PACED_CHUNK);
    assertArrayEquals(Files.readAllBytes(full), Files.readAllBytes(paced));
  }
}
