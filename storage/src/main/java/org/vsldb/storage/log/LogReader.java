package org.vsldb.storage.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.vsldb.storage.io.DurableFile;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.io.Frames;
import org.vsldb.storage.io.SequentialReader;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Reads a {@code database.vsl} file record by record, telling a torn tail (the end of a write that
 * a crash interrupted) from damage before the tail. The rules are those of {@code docs/FORMATS.md}
 * ("Reading: the end of the log"). In a log of version 3 (records end with
 * {@link LogFormat#RECORD_END}; the file may be preallocated), for a frame at offset p that is not
 * a good record ({@link #endOfVersion3}):
 *
 * <ol>
 *   <li>A byte other than zero at or after p + {@link LogFormat#WRITE_WINDOW}: corruption (I4).
 *   <li>A good record after p: a torn tail if the part between p and that record of some aligned
 *       4096-byte page is all zero (a page of the last write that never reached the disk, while a
 *       later one did) (I3); otherwise corruption (I4).
 *   <li>Else: zeros only from p on, a torn tail (I3). A damaged length (the bytes up to the last
 *       one that is not zero make a good record, ending with its end byte, once the length is
 *       corrected), corruption (I4). A frame whose length fits the file: a torn tail if its last
 *       byte and everything after it are zero, or if its part of some page is all zero (I3);
 *       otherwise corruption (I4). A frame running past the file: a torn tail (I3).
 * </ol>
 *
 * <p>A frame that looks damaged is read again while a writer beside this reader is writing
 * (the frame is good now, or the window's bytes change within 2 ms, or the file shrank): see
 * {@link Cursor#next}.
 *
 * <p>In a log of version 2, for a frame at offset p that is not a good record:
 *
 * <ol>
 *   <li>Fewer than 9 bytes left: a torn tail (I3).
 *   <li>Nine zero bytes: a torn tail if only zeros follow (I3), else corruption (I4).
 *   <li>A length running past the end of the file: corruption if the bytes that are there make a
 *       good record with the length corrected (a damaged length field), or if a good record
 *       starts anywhere after p (I4); otherwise a torn tail (I3).
 *   <li>A complete record with a bad CRC32C: a torn tail if only zeros follow it and its own bytes
 *       end in a zero run that starts at a 4096-byte boundary (a page the crash did not write);
 *       otherwise corruption (I4).
 * </ol>
 */
public final class LogReader {
  private LogReader() {}

  /** The fields of a log file header. */
  public record Header(int version, long databaseId, long generation) {}

  /**
   * What reading a log found.
   *
   * @param header the file header
   * @param records the number of good records
   * @param validEnd the byte offset just after the last good record
   * @param fileSize the file's size; greater than {@code validEnd} when a tail was cut
   * @param lastCommitTs the commit timestamp of the last good record, or 0
   */
  public record Result(Header header, long records, long validEnd, long fileSize, long lastCommitTs) {
    /** Whether bytes after the last good record must be cut off. */
    public boolean hasTornTail() {
      return fileSize > validEnd;
    }
  }

  /** Reads and checks only the header of a log file. */
  public static Header readHeader(Path file) throws IOException {
    return readHeader(FileSystem.DEFAULT, file);
  }

  /** Reads and checks only the header of a log file, through {@code fs}. */
  public static Header readHeader(FileSystem fs, Path file) throws IOException {
    try (DurableFile ch = fs.openReadOnly(file)) {
      return readHeader(file, ch);
    }
  }

  private static Header readHeader(Path file, DurableFile ch) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(LogFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    ch.readFully(b, 0);
    if (b.position() < LogFormat.HEADER_SIZE) {
      throw new CorruptionException(file, b.position(), "file is shorter than the log header");
    }
    byte[] magic = Arrays.copyOf(b.array(), LogFormat.MAGIC.length);
    if (!Arrays.equals(magic, LogFormat.MAGIC)) {
      throw new CorruptionException(file, 0, "not a vsl log file (bad magic number)");
    }
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, LogFormat.HEADER_CRC_OFFSET);
    b.flip();
    b.position(LogFormat.MAGIC.length);
    int version = b.getInt();
    b.getInt(); // flags
    long dbId = b.getLong();
    long generation = b.getLong();
    int storedCrc = b.getInt();
    if (storedCrc != (int) crc.getValue()) {
      throw new CorruptionException(file, LogFormat.HEADER_CRC_OFFSET, "log header checksum mismatch");
    }
    if (version != LogFormat.VERSION && version != LogFormat.VERSION_2) {
      throw new CorruptionException(
          file,
          LogFormat.MAGIC.length,
          "log format version "
              + version
              + " is not supported; this version of vsl reads version "
              + LogFormat.VERSION_2 + " or version " + LogFormat.VERSION);
    }
    return new Header(version, dbId, generation);
  }

  /**
   * Reads every good record of {@code file}, in order, into {@code sink}.
   *
   * @throws CorruptionException on a bad header or on damage before the tail (I4)
   */
  public static Result read(Path file, Consumer<LogRecord> sink) throws IOException {
    return read(FileSystem.DEFAULT, file, sink);
  }

  /** As {@link #read(Path, Consumer)}, through {@code fs}. */
  public static Result read(FileSystem fs, Path file, Consumer<LogRecord> sink) throws IOException {
    return scan(fs, file, (offset, payload) -> {
      sink.accept(RecordCodec.decodePayload(payload));
      return true;
    });
  }

  /** Receives the records of a log one by one, undecoded. */
  @FunctionalInterface
  public interface RecordVisitor {
    /**
     * One good record: its frame's byte offset in the file and its payload (little-endian, valid
     * only during the call). Returns whether to go on reading.
     *
     * @throws IllegalArgumentException if the payload is malformed (reported as corruption at
     *     {@code offset})
     */
    boolean visit(long offset, ByteBuffer payload) throws IOException;
  }

  /**
   * Reads the good records of {@code file} in order, handing each undecoded to {@code visitor},
   * until the end, a torn tail (I3), or the visitor stops. The result's {@code validEnd} is where
   * reading ended.
   *
   * @throws CorruptionException on a bad header or on damage before the tail (I4)
   */
  public static Result scan(FileSystem fs, Path file, RecordVisitor visitor) throws IOException {
    try (Cursor c = new Cursor(fs, file)) {
      for (ByteBuffer payload; (payload = c.next()) != null; ) {
        boolean more;
        try {
          more = visitor.visit(c.offset(), payload);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
          throw new CorruptionException(file, c.offset(), "malformed record: " + e.getMessage());
        }
        if (!more) {
          break;
        }
      }
      return c.result();
    }
  }

  /**
   * Checks every record of {@code file} as {@link #scan} does (frames, checksums, the tail's
   * rules) without copying payloads: {@code visitor} gets each good record's first 16 payload
   * bytes (its commit timestamp and wall-clock time) only. Recovery's checks at open use it.
   *
   * @throws CorruptionException on a bad header or on damage before the tail (I4)
   */
  public static Result check(FileSystem fs, Path file, RecordVisitor visitor) throws IOException {
    try (Cursor c = new Cursor(fs, file, true)) {
      for (ByteBuffer head; (head = c.next()) != null; ) {
        if (!visitor.visit(c.offset(), head)) {
          break;
        }
      }
      return c.result();
    }
  }

  /** Reads a log record by record, on demand: the pull form of {@link #scan}. */
  public static final class Cursor implements java.io.Closeable {
    private final Path file;
    private final DurableFile ch;
    private final Header header;
    private long size;
    private final SequentialReader in;
    private final ByteBuffer frame = ByteBuffer.allocate(LogFormat.FRAME_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer payload = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private long pos = LogFormat.HEADER_SIZE;
    private long offset = -1;
    private long records;
    private long lastTs;
    private boolean ended;

    /** Whether {@link #next} returns only each payload's first 16 bytes (see {@link LogReader#check}). */
    private final boolean headsOnly;
    private final ByteBuffer head = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    /** The bytes after each payload: 1 (the end byte) in version 3, 0 in version 2. */
    private final int trailer;
    private final ByteBuffer endByte = ByteBuffer.allocate(1);

    /** Opens {@code file} and checks its header. */
    public Cursor(FileSystem fs, Path file) throws IOException {
      this(fs, file, false);
    }

    private Cursor(FileSystem fs, Path file, boolean headsOnly) throws IOException {
      this.headsOnly = headsOnly;
      this.file = file;
      this.ch = fs.openReadOnly(file);
      try {
        this.header = readHeader(file, ch);
        this.size = ch.size();
        this.trailer = LogFormat.trailerSize(header.version());
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      this.in = new SequentialReader(ch, pos);
    }

    public Header header() {
      return header;
    }

    /** The frame offset of the record {@link #next} returned last. */
    public long offset() {
      return offset;
    }

    /**
     * The next good record's payload (little-endian; valid until the next call), or null at the
     * end of the log or at a torn tail (I3).
     *
     * @throws CorruptionException on damage before the tail (I4)
     */
    public ByteBuffer next() throws IOException {
      while (true) {
        long at = pos;
        ByteBuffer b;
        try {
          b = nextFrame();
        } catch (java.io.EOFException shrunk) {
          // the writer cut its preallocated zeros off (closing the log) while this reader read them
          if (trailer == 0 || readAgain-- <= 0) {
            throw shrunk;
          }
          b = READ_AGAIN;
        }
        if (b != READ_AGAIN) {
          return b;
        }
        // The frame at `at` looked damaged, and a writer beside this reader (a read-only open,
        // or VSL_LOG reading the live log) was writing it over preallocated space: the file is
        // read again from there.
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        size = ch.size();
        in.seek(at);
        ended = false;
      }
    }

    /** Marks a frame to read again: see {@link #next}. */
    private static final ByteBuffer READ_AGAIN = ByteBuffer.allocate(0);

    /** How many times a reader reads again a frame that a writer beside it was writing. */
    private int readAgain = 1000;

    /**
     * {@link LogReader#endOfVersion3} for the frame at {@link #pos}: null (the end of the log,
     * I3), or {@link #READ_AGAIN} when it looked damaged and may be read again, else throws (I4).
     */
    private ByteBuffer endOfLog(long frameEnd, int storedCrc, byte type) throws IOException {
      try {
        endOfVersion3(file, ch, pos, frameEnd, storedCrc, type);
        return null;
      } catch (CorruptionException e) {
        if (readAgain-- > 0 && (goodRecordAt(ch, pos) || changing(pos))) {
          return READ_AGAIN;
        }
        throw e;
      }
    }

    /**
     * Whether the bytes of the write window from {@code p} change within 2 ms (or the file's size
     * does): a writer is at work beside this reader, so what looked like damage may be a write
     * under way. Damage a crash left, or any other, does not change.
     */
    private boolean changing(long p) throws IOException {
      long sizeBefore = ch.size();
      int before = windowCrc(p, sizeBefore);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      long sizeNow = ch.size();
      return sizeNow != sizeBefore || windowCrc(p, sizeNow) != before;
    }

    private int windowCrc(long p, long fileSize) throws IOException {
      int n = (int) Math.max(0, Math.min(LogFormat.WRITE_WINDOW, fileSize - p));
      ByteBuffer b = ByteBuffer.allocate(n);
      ch.readFully(b, p);
      CRC32C c = new CRC32C();
      c.update(b.flip());
      return (int) c.getValue();
    }

    private ByteBuffer nextFrame() throws IOException {
      if (ended || pos >= size) {
        ended = true;
        return null;
      }
      if (size - pos < LogFormat.FRAME_SIZE + trailer) {
        ended = true; // rule 1: a torn frame header
        return trailer > 0 ? endOfLog(-1, 0, (byte) 0) : null;
      }
      frame.clear();
      in.read(frame);
      frame.flip();
      int length = frame.getInt();
      int storedCrc = frame.getInt();
      byte type = frame.get();
      ended = true; // until the record proves good
      if (length == 0 && storedCrc == 0 && type == 0) {
        if (trailer > 0) {
          return endOfLog(-1, storedCrc, type);
        }
        requireZeros(file, ch, pos, pos, "zero-filled frame"); // rule 2
        return null;
      }
      long available = size - pos - LogFormat.FRAME_SIZE - trailer;
      if (length < 0 || length > LogFormat.MAX_PAYLOAD || length > available) {
        if (trailer > 0) {
          return endOfLog(-1, storedCrc, type);
        }
        checkRunPastEnd(file, ch, pos, size, storedCrc, type); // rule 3
        return null;
      }
      long end = pos + LogFormat.FRAME_SIZE + length + trailer;
      if (headsOnly) {
        crc.reset();
        crc.update(frame.array(), 0, 4); // the length field, as Frames.crc covers it
        crc.update(type);
        head.clear();
        if (length < head.capacity()) {
          head.limit(length);
        }
        in.check(length, crc, head);
        head.flip();
        return accept((int) crc.getValue() == storedCrc && endByteGood(), length, end, head, storedCrc);
      }
      if (payload.capacity() < length) {
        payload = ByteBuffer.allocate(Math.max(length, payload.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
      }
      payload.clear().limit(length);
      in.read(payload);
      payload.flip();
      return accept(Frames.crc(length, type, payload) == storedCrc && endByteGood(), length, end, payload, storedCrc);
    }

    /** Reads the end byte of version 3 after a payload: whether it is {@link LogFormat#RECORD_END}. */
    private boolean endByteGood() throws IOException {
      if (trailer == 0) {
        return true;
      }
      endByte.clear();
      in.read(endByte);
      return endByte.get(0) == LogFormat.RECORD_END;
    }

    /** The rest of {@link #next} for a complete frame whose checksum (and end byte) did or did not match. */
    private ByteBuffer accept(boolean crcMatches, int length, long end, ByteBuffer payload, int storedCrc)
        throws IOException {
      byte type = frame.get(8);
      if (!crcMatches) {
        if (trailer > 0) {
          return endOfLog(end, storedCrc, type);
        }
        checkBadChecksum(file, ch, pos, end, size); // rule 4
        return null;
      }
      if (type != LogFormat.TYPE_TRANSACTION) {
        throw new CorruptionException(file, pos, "unknown record type " + type);
      }
      if (length < 16) {
        throw new CorruptionException(file, pos, "malformed record: payload of " + length
            + " bytes has no commit timestamp");
      }
      ended = false;
      offset = pos;
      pos = end;
      records++;
      lastTs = payload.getLong(0);
      return payload;
    }

    /** What was read so far; {@code validEnd} is the end of the last good record. */
    public Result result() {
      return new Result(header, records, pos, size, lastTs);
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }

  private static final long WINDOW = LogFormat.WRITE_WINDOW;

  /**
   * Version 3: the frame at {@code pos} is not a good record; returns if the rest of the file is
   * a torn tail, else throws (the rules of the class comment). {@code frameEnd} is the end of the
   * frame when its length fits the file, else -1.
   */
  static void endOfVersion3(Path file, DurableFile ch, long pos, long frameEnd, int storedCrc, byte type)
      throws IOException {
    long size = ch.size();
    long window = Math.min(size, pos + WINDOW);
    long beyond = firstNonZero(ch, window, size);
    if (beyond >= 0) {
      throw new CorruptionException(file, pos, "damaged record, followed by further data at offset " + beyond);
    }
    long last = lastNonZero(ch, pos, window);
    if (last < 0) {
      return; // zeros only: the end of the log, or a write that left nothing
    }
    long good = findGoodRecord(ch, pos + 1, last + 1, 1);
    if (good >= 0) {
      if (zeroPagePart(ch, pos, good)) {
        return; // a page of the last write never reached the disk, a later one did
      }
      throw new CorruptionException(file, pos, "damaged record, followed by a good record at offset " + good);
    }
    long corrected = last - pos - LogFormat.FRAME_SIZE;
    if (corrected >= 0 && corrected <= LogFormat.MAX_PAYLOAD && byteAt(ch, last) == LogFormat.RECORD_END) {
      ByteBuffer rest = ByteBuffer.allocate((int) corrected);
      ch.readFully(rest, pos + LogFormat.FRAME_SIZE);
      rest.flip();
      if (Frames.crc((int) corrected, type, rest) == storedCrc && corrected != frameEnd - pos - LogFormat.FRAME_SIZE - 1) {
        throw new CorruptionException(file, pos, "damaged record length field");
      }
    }
    if (frameEnd < 0) {
      return; // a frame header the last write left unfinished
    }
    if (last < frameEnd - 1 || zeroPagePart(ch, pos, frameEnd)) {
      return; // its last bytes, or its part of a page, never written
    }
    throw new CorruptionException(file, pos, "record checksum mismatch");
  }

  /** Whether a good record (of version 3) starts at {@code pos} now. */
  private static boolean goodRecordAt(DurableFile ch, long pos) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(LogFormat.FRAME_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    ch.readFully(h, pos);
    if (h.position() < LogFormat.FRAME_SIZE) {
      return false;
    }
    int length = h.getInt(0);
    long size = ch.size();
    if (length <= 0 || length > LogFormat.MAX_PAYLOAD || pos + LogFormat.FRAME_SIZE + length + 1 > size) {
      return false;
    }
    ByteBuffer payload = ByteBuffer.allocate(length + 1);
    ch.readFully(payload, pos + LogFormat.FRAME_SIZE);
    if (payload.position() < length + 1 || payload.get(length) != LogFormat.RECORD_END) {
      return false;
    }
    payload.flip().limit(length);
    return Frames.crc(length, h.get(8), payload) == h.getInt(4);
  }

  private static byte byteAt(DurableFile ch, long pos) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1);
    ch.readFully(b, pos);
    return b.get(0);
  }

  /**
   * Whether the part in [from, to) of some aligned 4096-byte page is all zero: a page of the last
   * write that never reached the disk, which a changed bit cannot make.
   */
  private static boolean zeroPagePart(DurableFile ch, long from, long to) throws IOException {
    for (long page = from / PAGE * PAGE; page < to; page += PAGE) {
      if (allZero(ch, Math.max(page, from), Math.min(page + PAGE, to))) {
        return true;
      }
    }
    return false;
  }

  /** The offset of the first byte in [from, to) that is not zero, or -1. */
  private static long firstNonZero(DurableFile ch, long from, long to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(64 * 1024);
    for (long p = from; p < to; ) {
      b.clear().limit((int) Math.min(b.capacity(), to - p));
      ch.readFully(b, p);
      int n = b.position();
      if (n == 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (b.get(i) != 0) {
          return p + i;
        }
      }
      p += n;
    }
    return -1;
  }

  /** The offset of the last byte in [from, to) that is not zero, or -1. */
  private static long lastNonZero(DurableFile ch, long from, long to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(64 * 1024);
    for (long end = to; end > from; ) {
      long start = Math.max(from, end - b.capacity());
      b.clear().limit((int) (end - start));
      ch.readFully(b, start);
      for (int i = b.position() - 1; i >= 0; i--) {
        if (b.get(i) != 0) {
          return start + i;
        }
      }
      end = start;
    }
    return -1;
  }

  /** Rule 3: a length that runs past the end is torn unless the evidence says damaged. */
  private static void checkRunPastEnd(Path file, DurableFile ch, long pos, long size, int storedCrc, byte type)
      throws IOException {
    long available = size - pos - LogFormat.FRAME_SIZE;
    if (available >= 0 && available <= LogFormat.MAX_PAYLOAD) {
      ByteBuffer rest = ByteBuffer.allocate((int) available);
      ch.readFully(rest, pos + LogFormat.FRAME_SIZE);
      rest.flip();
      if (Frames.crc((int) available, type, rest) == storedCrc) {
        throw new CorruptionException(file, pos, "damaged record length field");
      }
    }
    long next = findGoodRecord(ch, pos + 1, size, 0);
    if (next >= 0) {
      throw new CorruptionException(file, pos,
          "damaged record, followed by a good record at offset " + next);
    }
  }

  /** Rule 4: a complete record with a bad checksum is torn only if a crash can explain it. */
  private static void checkBadChecksum(Path file, DurableFile ch, long pos, long end, long size)
      throws IOException {
    requireZeros(file, ch, end, pos, "record checksum mismatch");
    long boundary = ((pos + LogFormat.FRAME_SIZE + PAGE - 1) / PAGE) * PAGE;
    if (boundary < end && allZero(ch, boundary, end)) {
      return; // the record's last pages were never written: torn
    }
    throw new CorruptionException(file, pos, "record checksum mismatch");
  }

  private static final long PAGE = 4096;

  /** Requires every byte from {@code from} to the end of the file to be zero (I3), else I4. */
  private static void requireZeros(Path file, DurableFile ch, long from, long badAt, String reason)
      throws IOException {
    long size = ch.size();
    ByteBuffer b = ByteBuffer.allocate(64 * 1024);
    for (long p = from; p < size; ) {
      b.clear();
      b.limit((int) Math.min(b.capacity(), size - p));
      ch.readFully(b, p);
      for (int i = 0; i < b.position(); i++) {
        if (b.get(i) != 0) {
          throw new CorruptionException(file, badAt, reason + ", followed by further data at offset " + (p + i));
        }
      }
      p += b.position();
    }
  }

  private static boolean allZero(DurableFile ch, long from, long to) throws IOException {
    ByteBuffer b = ByteBuffer.allocate((int) Math.min(to - from, 1 << 20));
    for (long p = from; p < to; ) {
      b.clear();
      b.limit((int) Math.min(b.capacity(), to - p));
      ch.readFully(b, p);
      for (int i = 0; i < b.position(); i++) {
        if (b.get(i) != 0) {
          return false;
        }
      }
      p += b.position();
    }
    return true;
  }

  /**
   * The offset of the first good record (a frame whose CRC32C matches, followed by its end byte
   * when {@code trailer} is 1) at or after {@code from} and ending by {@code size}, or -1. Only
   * runs when a frame is bad, to tell damage from a torn tail; it reads at most the last 256 MiB
   * before {@code size}.
   */
  static long findGoodRecord(DurableFile ch, long from, long size, int trailer) throws IOException {
    long start = Math.max(from, size - (256L << 20));
    int n = (int) (size - start);
    if (n < LogFormat.FRAME_SIZE) {
      return -1;
    }
    ByteBuffer all = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    ch.readFully(all, start);
    all.flip();
    for (int off = 0; off + LogFormat.FRAME_SIZE <= all.limit(); off++) {
      int length = all.getInt(off);
      if (length <= 0 || length > all.limit() - off - LogFormat.FRAME_SIZE - trailer) {
        continue;
      }
      byte type = all.get(off + 8);
      if (type != LogFormat.TYPE_TRANSACTION
          || (trailer > 0 && all.get(off + LogFormat.FRAME_SIZE + length) != LogFormat.RECORD_END)) {
        continue;
      }
      ByteBuffer payload = all.duplicate();
      payload.position(off + LogFormat.FRAME_SIZE).limit(off + LogFormat.FRAME_SIZE + length);
      if (Frames.crc(length, type, payload.slice()) == all.getInt(off + 4)) {
        return start + off;
      }
    }
    return -1;
  }
}
