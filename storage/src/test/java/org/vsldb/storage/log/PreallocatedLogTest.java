package org.vsldb.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.io.FileSystem;

/**
 * A version 3 log written with synchronous writes keeps zeros ahead of its last record and writes
 * over them (docs/FORMATS.md, "Preallocated space"); a crash can leave any part of the last write
 * unwritten, which reads as zeros there. Invariants of {@code org.vsldb.storage} (package-info):
 * I3 (a torn tail is cut, not reported), I4 (damage before the tail is refused, never skipped),
 * I5 (a log of another version is read by its own rules).
 */
class PreallocatedLogTest {
  @TempDir Path dir;

  private static LogRecord record(long ts, int valueLength) {
    return new LogRecord(ts, 1000 + ts,
        List.of(new Change.Insert(1, ts, new Object[] {(int) ts, "v".repeat(valueLength)})));
  }

  /** A log as a crash leaves it: its file while the writer still has it open. */
  private record Crashed(byte[] bytes, long[] ends) {
    long lastStart() {
      return ends[ends.length - 2];
    }

    long end() {
      return ends[ends.length - 1];
    }
  }

  /**
   * Writes records 1 to {@code small} (50-byte values) with synchronous writes, then records
   * {@code small + 1} to {@code small + big} (3,000-byte values) in one write, as a group commit
   * does; returns the file before the writer closes. ends[0] is the header's end.
   */
  private Crashed crashedLog(int small, int big) throws IOException {
    Path file = dir.resolve("written.vsl");
    long[] ends = new long[small + big + 1];
    try (LogWriter w = LogWriter.create(FileSystem.DEFAULT, file, 42, 0, true)) {
      ends[0] = w.size();
      for (int i = 1; i <= small; i++) {
        w.write(record(i, 50));
        ends[i] = w.size();
      }
      if (big > 0) {
        java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
        for (int i = small + 1; i <= small + big; i++) {
          batch.writeBytes(RecordCodec.frame(record(i, 3000)));
          ends[i] = ends[i - 1] + RecordCodec.frame(record(i, 3000)).length;
        }
        w.writeFramed(ByteBuffer.wrap(batch.toByteArray()));
      }
      assertEquals(ends[ends.length - 1], w.size());
      return new Crashed(Files.readAllBytes(file), ends);
    }
  }

  /** The commit timestamps read from {@code bytes}, or the corruption's message. */
  private List<Long> read(byte[] bytes) throws IOException {
    Path file = dir.resolve(LogFormat.FILE_NAME);
    Files.write(file, bytes);
    List<Long> ts = new ArrayList<>();
    LogReader.read(file, r -> ts.add(r.commitTs()));
    return ts;
  }

  private static List<Long> upTo(long n) {
    List<Long> ts = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      ts.add(i);
    }
    return ts;
  }

  @Test
  void openWriter_keepsZerosAheadOfItsRecords_andAReaderEndsAtThem_I3() throws IOException {
    Crashed c = crashedLog(3, 0);
    assertTrue(c.bytes().length >= c.end() + LogFormat.WRITE_WINDOW, "preallocated: " + c.bytes().length);
    assertEquals(upTo(3), read(c.bytes()));
    LogReader.Result r = LogReader.read(dir.resolve(LogFormat.FILE_NAME), x -> {});
    assertEquals(c.end(), r.validEnd());
    assertTrue(r.hasTornTail());
    assertEquals(3, r.header().version());
  }

  @Test
  void closedWriter_cutsThePreallocatedZeros() throws IOException {
    Path file = dir.resolve("closed.vsl");
    long end;
    try (LogWriter w = LogWriter.create(FileSystem.DEFAULT, file, 42, 0, true)) {
      w.write(record(1, 50));
      end = w.size();
    }
    assertEquals(end, Files.size(file));
    byte[] b = Files.readAllBytes(file);
    assertEquals(LogFormat.RECORD_END, b[b.length - 1]);
  }

  @Test
  void lastRecordCutShortAtAnyByte_isATornTail_I3() throws IOException {
    Crashed c = crashedLog(3, 0);
    for (long k = c.lastStart(); k < c.end(); k++) {
      byte[] b = c.bytes().clone();
      Arrays.fill(b, (int) k, (int) c.end(), (byte) 0);
      assertEquals(upTo(2), read(b), "cut at " + k);
    }
  }

  @Test
  void lastWriteReachingTheDiskPageByPageInAnyOrder_isATornTail_I3() throws IOException {
    Crashed c = crashedLog(3, 6);
    long batchStart = c.ends()[3];
    long batchEnd = c.end();
    List<Long> pages = new ArrayList<>();
    for (long p = batchStart / 4096 * 4096; p < batchEnd; p += 4096) {
      pages.add(p);
    }
    assertTrue(pages.size() >= 4, "the batch spans " + pages.size() + " pages");
    for (int missing = 0; missing < pages.size(); missing++) {
      for (int alsoMissing = missing; alsoMissing < pages.size(); alsoMissing += 2) {
        byte[] b = c.bytes().clone();
        for (long page : new long[] {pages.get(missing), pages.get(alsoMissing)}) {
          // the part of the page the last write covered is as before it: zeros
          Arrays.fill(b, (int) Math.max(page, batchStart), (int) Math.min(page + 4096, batchEnd), (byte) 0);
        }
        List<Long> ts;
        try {
          ts = read(b);
        } catch (CorruptionException e) {
          throw new AssertionError("pages " + pages.get(missing) + " and " + pages.get(alsoMissing) + " missing, ends "
              + Arrays.toString(c.ends()) + ": " + e.getMessage(), e);
        }
        assertTrue(ts.size() >= 3 && ts.size() < 9 && ts.equals(upTo(ts.size())),
            "pages " + missing + " and " + alsoMissing + " missing: " + ts);
      }
    }
  }

  @Test
  void flippedBitInAnyRecordOfAPreallocatedLog_isCorruption_neverAShorterLog_I4() throws IOException {
    Crashed c = crashedLog(4, 0);
    byte[] clean = Arrays.copyOf(c.bytes(), (int) c.end() + 256 * 1024);
    for (long i = c.ends()[0]; i < c.end(); i++) {
      for (int bit : new int[] {0, 3, 7}) {
        byte[] b = clean.clone();
        b[(int) i] ^= (byte) (1 << bit);
        long at = i;
        assertThrows(CorruptionException.class, () -> read(b), () -> "bit " + bit + " of byte " + at);
      }
    }
  }

  @Test
  void flippedBitInThePreallocatedZeros_readsEveryRecordWithinTheWindow_andIsCorruptionBeyondIt_I3_I4()
      throws IOException {
    Crashed c = crashedLog(4, 0);
    byte[] clean = c.bytes();
    assertTrue(clean.length > c.end() + LogFormat.WRITE_WINDOW + 4096);
    long w = LogFormat.WRITE_WINDOW;
    for (long d : new long[] {0, 1, 4, 8, 9, 10, 100, 4095, 4096, 65_537, w / 2, w - 1, w, w + 1, w + 4096, clean.length - c.end() - 1}) {
      long i = c.end() + d;
      byte[] b = clean.clone();
      b[(int) i] = 1;
      if (i < c.end() + LogFormat.WRITE_WINDOW) {
        assertEquals(upTo(4), read(b), "byte " + i);
      } else {
        long at = i;
        CorruptionException e = assertThrows(CorruptionException.class, () -> read(b), () -> "byte " + at);
        assertEquals(c.end(), e.offset());
      }
    }
  }

  @Test
  void damagedLengthOfTheLastRecord_isCorruption_I4() throws IOException {
    Crashed c = crashedLog(3, 0);
    for (int lengthByte = 0; lengthByte < 4; lengthByte++) {
      byte[] b = c.bytes().clone();
      b[(int) c.lastStart() + lengthByte] ^= 0x10;
      CorruptionException e = assertThrows(CorruptionException.class, () -> read(b), "length byte " + lengthByte);
      assertEquals(c.lastStart(), e.offset());
    }
  }

  @Test
  void damagedRecordFollowedByGoodOnes_isCorruption_I4() throws IOException {
    Crashed c = crashedLog(3, 3);
    byte[] b = c.bytes().clone();
    b[(int) c.ends()[4] + 20] ^= 0x01; // inside record 5, with record 6 after it in the same write
    CorruptionException e = assertThrows(CorruptionException.class, () -> read(b));
    assertEquals(c.ends()[4], e.offset());
  }

  @Test
  void version2Log_isReadByItsRules_andAppendedToWithVersion2Records_I5() throws IOException {
    Path file = dir.resolve(LogFormat.FILE_NAME);
    ByteBuffer header = LogWriter.header(42, 0);
    byte[] h = Arrays.copyOf(header.array(), LogFormat.HEADER_SIZE);
    h[8] = LogFormat.VERSION_2;
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(h, 0, LogFormat.HEADER_CRC_OFFSET);
    ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(LogFormat.HEADER_CRC_OFFSET, (int) crc.getValue());
    java.io.ByteArrayOutputStream v2 = new java.io.ByteArrayOutputStream();
    v2.writeBytes(h);
    for (int i = 1; i <= 2; i++) {
      byte[] frame = RecordCodec.frame(record(i, 50));
      v2.write(frame, 0, frame.length - 1); // version 2: no end byte
    }
    Files.write(file, v2.toByteArray());
    List<Long> ts = new ArrayList<>();
    LogReader.Result r = LogReader.read(file, x -> ts.add(x.commitTs()));
    assertEquals(2, r.header().version());
    assertEquals(upTo(2), ts);

    try (LogWriter w = LogWriter.append(FileSystem.DEFAULT, file, r.validEnd(), true)) {
      assertEquals(2, w.version());
      w.writeFramed(ByteBuffer.wrap(RecordCodec.frame(record(3, 50))));
      assertEquals(r.validEnd() + RecordCodec.frame(record(3, 50)).length - 1, Files.size(file), "no end byte, no zeros");
    }
    ts.clear();
    LogReader.read(file, x -> ts.add(x.commitTs()));
    assertEquals(upTo(3), ts);
  }
}
