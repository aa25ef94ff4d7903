package org.vsldb.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per way a log can end or be damaged. Invariants cited are those of
 * {@code org.vsldb.storage} (package-info): I3 (torn tail is cut, not reported), I4 (damage
 * before the tail is refused with file and offset), I5 (foreign or unknown-version logs refused).
 */
class LogReaderTest {
  @TempDir Path dir;
  private Path file;
  private long endOfFirst;
  private long endOfSecond;

  @BeforeEach
  void writeThreeRecords() throws IOException {
    file = dir.resolve(LogFormat.FILE_NAME);
    try (LogWriter w = LogWriter.create(file, 42, 0)) {
      w.write(record(1));
      endOfFirst = w.size();
      w.write(record(2));
      endOfSecond = w.size();
      w.write(record(3));
    }
  }

  private static LogRecord record(long ts) {
    return new LogRecord(ts, 1000 + ts, List.of(new Change.Insert(1, ts, new Object[] {(int) ts, "row " + ts})));
  }

  private List<Long> read() throws IOException {
    List<Long> ts = new ArrayList<>();
    LogReader.read(file, r -> ts.add(r.commitTs()));
    return ts;
  }

  private void truncate(long size) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
  }

  private void flipByte(long offset) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[(int) offset] ^= 0x40;
    Files.write(file, b);
  }

  /** What reading {@code file} with {@code reader} ends in: its result's fields, or the corruption's offset and message. */
  private String outcome(boolean check) throws IOException {
    List<Long> ts = new ArrayList<>();
    LogReader.RecordVisitor v = (offset, payload) -> ts.add(payload.getLong(payload.position()));
    try {
      LogReader.Result r = check
          ? LogReader.check(org.vsldb.storage.io.FileSystem.DEFAULT, file, v)
          : LogReader.scan(org.vsldb.storage.io.FileSystem.DEFAULT, file, v);
      return "records " + r.records() + " end " + r.validEnd() + " last " + r.lastCommitTs() + " ts " + ts;
    } catch (CorruptionException e) {
      return "corruption at " + e.offset() + ": " + e.getMessage();
    }
  }

  @Test
  void check_findsWhatScanFinds_forEveryFlippedByteAndEveryLength_I3_I4() throws IOException {
    byte[] good = Files.readAllBytes(file);
    for (int i = LogFormat.HEADER_SIZE; i < good.length; i++) {
      byte[] b = good.clone();
      b[i] ^= 0x40;
      Files.write(file, b);
      assertEquals(outcome(false), outcome(true), "byte " + i + " flipped");
    }
    for (int n = LogFormat.HEADER_SIZE; n <= good.length; n++) {
      Files.write(file, Arrays.copyOf(good, n));
      assertEquals(outcome(false), outcome(true), "cut to " + n + " bytes");
    }
    Files.write(file, good);
    assertEquals("records 3 end " + good.length + " last 3 ts [1, 2, 3]", outcome(true));
  }

  @Test
  void read_cleanTail_returnsEveryRecord() throws IOException {
    assertEquals(List.of(1L, 2L, 3L), read());
    LogReader.Result r = LogReader.read(file, x -> {});
    assertTrue(!r.hasTornTail());
    assertEquals(3, r.lastCommitTs());
  }

  @Test
  void read_tornRecord_isCutAtLastCompleteRecord_I3() throws IOException {
    long size = Files.size(file);
    truncate(size - 3);
    assertEquals(List.of(1L, 2L), read());
    LogReader.Result r = LogReader.read(file, x -> {});
    assertTrue(r.hasTornTail());
    assertEquals(endOfSecond, r.validEnd());
  }

  @Test
  void read_tornFrameHeader_isCut_I3() throws IOException {
    truncate(endOfSecond + 4);
    assertEquals(List.of(1L, 2L), read());
  }

  @Test
  void read_zeroFilledTail_isCut_I3() throws IOException {
    Files.write(file, new byte[4096], StandardOpenOption.APPEND);
    assertEquals(List.of(1L, 2L, 3L), read());
  }

  @Test
  void read_badCrcAtTail_fromAFlippedBit_isCorruption_I4() throws IOException {
    flipByte(Files.size(file) - 1);
    CorruptionException e = assertThrows(CorruptionException.class, this::read);
    assertEquals(endOfSecond, e.offset());
  }

  @Test
  void read_lastRecordWithAnUnwrittenPage_isCut_I3() throws IOException {
    long start;
    try (LogWriter w = LogWriter.append(file, Files.size(file))) {
      start = w.size();
      w.write(new LogRecord(4, 1004, List.of(new Change.Insert(1, 4, new Object[] {4, "x".repeat(10_000)}))));
    }
    long size = Files.size(file);
    long page = ((start + LogFormat.FRAME_SIZE + 4095) / 4096) * 4096;
    byte[] b = Files.readAllBytes(file);
    Arrays.fill(b, (int) page, (int) size, (byte) 0);
    Files.write(file, b);
    assertEquals(List.of(1L, 2L, 3L), read());
  }

  @Test
  void read_damagedLengthOfLastRecord_isCorruption_I4() throws IOException {
    flipByte(endOfSecond + 3); // high byte of the length: the record now runs past the end
    CorruptionException e = assertThrows(CorruptionException.class, this::read);
    assertTrue(e.getMessage().contains("length"), e.getMessage());
  }

  @Test
  void read_damagedLengthOfMiddleRecord_isCorruption_I4() throws IOException {
    flipByte(endOfFirst + 2);
    assertThrows(CorruptionException.class, this::read);
  }

  @Test
  void read_badCrcFollowedByRecords_isRefusedWithOffset_I4() throws IOException {
    flipByte(endOfFirst + LogFormat.FRAME_SIZE + 3);
    CorruptionException e = assertThrows(CorruptionException.class, this::read);
    assertEquals(endOfFirst, e.offset());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("offset " + endOfFirst), e.getMessage());
  }

  @Test
  void read_unknownFormatVersion_isRefusedNamingBothVersions_I5() throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[8] = 9; // version field
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(b, 0, LogFormat.HEADER_CRC_OFFSET);
    int v = (int) crc.getValue();
    b[32] = (byte) v;
    b[33] = (byte) (v >>> 8);
    b[34] = (byte) (v >>> 16);
    b[35] = (byte) (v >>> 24);
    Files.write(file, b);
    CorruptionException e = assertThrows(CorruptionException.class, this::read);
    assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    assertTrue(e.getMessage().contains("version " + LogFormat.VERSION), e.getMessage());
  }

  @Test
  void read_notALogFile_isRefused_I5() throws IOException {
    Files.write(file, "name,value\n1,2\n".repeat(10).getBytes());
    assertThrows(CorruptionException.class, this::read);
  }

  @Test
  void read_damagedHeader_isRefused() throws IOException {
    flipByte(20);
    CorruptionException e = assertThrows(CorruptionException.class, this::read);
    assertTrue(e.getMessage().contains("header checksum"), e.getMessage());
  }

  @Test
  void append_afterTornTail_truncatesAndContinues_I3() throws IOException {
    truncate(Files.size(file) - 5);
    LogReader.Result r = LogReader.read(file, x -> {});
    try (LogWriter w = LogWriter.append(file, r.validEnd())) {
      w.write(record(4));
      w.force();
    }
    assertEquals(List.of(1L, 2L, 4L), read());
    assertTrue(Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(file)));
  }
}
