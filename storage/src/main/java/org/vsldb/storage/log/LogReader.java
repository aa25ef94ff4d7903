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
 * a crash interrupted) from damage before the tail. The rules, from {@code docs/FORMATS.md}
 * ("Reading: the end of the log"), for a frame at offset p that is not a good record:
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
    if (version != LogFormat.VERSION) {
      throw new CorruptionException(
          file,
          LogFormat.MAGIC.length,
          "log format version "
              + version
              + " is not supported; this version of vsl reads version "
              + LogFormat.VERSION);
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
    private final long size;
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
      if (ended || pos >= size) {
        ended = true;
        return null;
      }
      if (size - pos < LogFormat.FRAME_SIZE) {
        ended = true; // rule 1: a torn frame header
        return null;
      }
      frame.clear();
      in.read(frame);
      frame.flip();
      int length = frame.getInt();
      int storedCrc = frame.getInt();
      byte type = frame.get();
      ended = true; // until the record proves good
      if (length == 0 && storedCrc == 0 && type == 0) {
        requireZeros(file, ch, pos, pos, "zero-filled frame"); // rule 2
        return null;
      }
      long available = size - pos - LogFormat.FRAME_SIZE;
      if (length < 0 || length > LogFormat.MAX_PAYLOAD || length > available) {
        checkRunPastEnd(file, ch, pos, size, storedCrc, type); // rule 3
        return null;
      }
      long end = pos + LogFormat.FRAME_SIZE + length;
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
        return accept((int) crc.getValue() == storedCrc, length, end, head);
      }
      if (payload.capacity() < length) {
        payload = ByteBuffer.allocate(Math.max(length, payload.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
      }
      payload.clear().limit(length);
      in.read(payload);
      payload.flip();
      return accept(Frames.crc(length, type, payload) == storedCrc, length, end, payload);
    }

    /** The rest of {@link #next} for a complete frame whose checksum did or did not match. */
    private ByteBuffer accept(boolean crcMatches, int length, long end, ByteBuffer payload) throws IOException {
      byte type = frame.get(8);
      if (!crcMatches) {
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
    long next = findGoodRecord(ch, pos + 1, size);
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
   * The offset of the first good record (a frame whose CRC32C matches) at or after {@code from},
   * or -1. Only runs when a frame is bad, to tell damage from a torn tail; it reads at most the
   * last 256 MiB of the file.
   */
  static long findGoodRecord(DurableFile ch, long from, long size) throws IOException {
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
      if (length <= 0 || length > all.limit() - off - LogFormat.FRAME_SIZE) {
        continue;
      }
      byte type = all.get(off + 8);
      if (type != LogFormat.TYPE_TRANSACTION) {
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
