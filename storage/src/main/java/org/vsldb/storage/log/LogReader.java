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
 * a good record ({@link EndOfLog#endOfVersion3}):
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
     * {@link EndOfLog#endOfVersion3} for the frame at {@link #pos}: null (the end of the log,
     * I3), or {@link #READ_AGAIN} when it looked damaged and may be read again, else throws (I4).
     */
    private ByteBuffer endOfLog(long frameEnd, int storedCrc, byte type) throws IOException {
      try {
        EndOfLog.endOfVersion3(file, ch, pos, frameEnd, storedCrc, type);
        return null;
      } catch (CorruptionException e) {
        if (readAgain-- > 0 && (EndOfLog.goodRecordAt(ch, pos) || changing(pos))) {
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
        EndOfLog.requireZeros(file, ch, pos, pos, "zero-filled frame"); // rule 2
        return null;
      }
      long available = size - pos - LogFormat.FRAME_SIZE - trailer;
      if (length < 0 || length > LogFormat.MAX_PAYLOAD || length > available) {
        if (trailer > 0) {
          return endOfLog(-1, storedCrc, type);
        }
        EndOfLog.checkRunPastEnd(file, ch, pos, size, storedCrc, type); // rule 3
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
        EndOfLog.checkBadChecksum(file, ch, pos, end, size); // rule 4
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
}
