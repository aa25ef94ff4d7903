package org.vsldb.storage.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.TableDef;

/** The worked example of docs/FORMATS.md decodes as the document says, and the writer produces it. */
public class LogFormatDocumentTest {
  @TempDir Path dir;

  /** The bytes of the first {@code ```hex} block of docs/FORMATS.md. */
  static byte[] documentExample() throws Exception {
    return documentExample(0);
  }

  /** The bytes of the {@code index}-th {@code ```hex} block of docs/FORMATS.md. */
  public static byte[] documentExample(int index) throws Exception {
    Path doc = Path.of("..", "docs", "FORMATS.md");
    List<String> lines = Files.readAllLines(doc);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean inBlock = false;
    int seen = -1;
    for (String line : lines) {
      if (line.strip().equals("```hex")) {
        seen++;
        inBlock = seen == index;
      } else if (inBlock && line.strip().equals("```")) {
        break;
      } else if (inBlock) {
        String bytes = line.substring(line.indexOf(':') + 1).strip();
        for (String b : bytes.split("\\s+")) {
          out.write(Integer.parseInt(b, 16));
        }
      }
    }
    assertTrue(out.size() > 0, "no hex example in " + doc);
    return out.toByteArray();
  }

  @Test
  void documentExample_decodesToTheDescribedTransactions() throws Exception {
    Path file = dir.resolve(LogFormat.FILE_NAME);
    Files.write(file, documentExample());
    List<LogRecord> records = new ArrayList<>();
    LogReader.Result r = LogReader.read(file, records::add);

    assertEquals(3, r.header().version());
    assertEquals(0x0123456789ABCDEFL, r.header().databaseId());
    assertEquals(0, r.header().generation());
    assertEquals(2, r.records());
    assertEquals(r.fileSize(), r.validEnd());

    LogRecord create = records.get(0);
    assertEquals(1, create.commitTs());
    assertEquals(1_700_000_000_000L, create.wallClockMillis());
    Change.CreateTable ct = (Change.CreateTable) create.changes().get(0);
    assertEquals(1, ct.tableId());
    assertEquals(exampleTable(), ct.def());

    LogRecord insert = records.get(1);
    assertEquals(2, insert.commitTs());
    Change.Insert in = (Change.Insert) insert.changes().get(0);
    assertEquals(1, in.tableId());
    assertEquals(1, in.rowId());
    assertArrayEquals(new Object[] {1, "x"}, in.values());
  }

  @Test
  void writer_producesTheDocumentExampleByteForByte() throws Exception {
    Path file = dir.resolve(LogFormat.FILE_NAME);
    try (LogWriter w = LogWriter.create(file, 0x0123456789ABCDEFL, 0)) {
      w.write(new LogRecord(1, 1_700_000_000_000L, List.of(new Change.CreateTable(1, exampleTable()))));
      w.write(new LogRecord(2, 1_700_000_000_500L, List.of(new Change.Insert(1, 1, new Object[] {1, "x"}))));
    }
    assertArrayEquals(documentExample(), Files.readAllBytes(file));
  }

  public static TableDef exampleTable() {
    return new TableDef("PUBLIC", "T", List.of(
        new ColumnDef("A", ColumnType.INTEGER, -1, -1, false),
        new ColumnDef("B", ColumnType.VARCHAR, 10, -1, true)), new int[] {0});
  }
}
