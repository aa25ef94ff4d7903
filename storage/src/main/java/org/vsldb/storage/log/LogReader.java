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
 * a crash interrupted) from damage before the tail.
 *
 * <ul>
 *   <li>A frame whose declared length runs past the end of the file is a torn tail (I3).</li>
 *   <li>A frame that is all zeros, or whose CRC32C does not match, is a torn tail if nothing but
 *       zeros follows it (I3), and corruption otherwise (I4).</li>
 * </ul>
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
    try (DurableFile ch = fs.openReadOnly(file)) {
      Header header = readHeader(file, ch);
      long size = ch.size();
      long pos = LogFormat.HEADER_SIZE;
      long records = 0;
      long lastTs = 0;
      ByteBuffer frame = ByteBuffer.allocate(LogFormat.FRAME_SIZE).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer payload = ByteBuffer.allocate(64 * 1024);
      SequentialReader in = new SequentialReader(ch, pos);
      while (pos < size) {
        if (size - pos < LogFormat.FRAME_SIZE) {
          break; // torn frame header
        }
        frame.clear();
        in.read(frame);
        frame.flip();
        int length = frame.getInt();
        int storedCrc = frame.getInt();
        byte type = frame.get();
        if (length == 0 && storedCrc == 0 && type == 0) {
          requireZerosFrom(file, in, pos, size);
          break;
        }
        if (length < 0 || length > LogFormat.MAX_PAYLOAD) {
          requireZerosAfterFrame(file, in, pos, size, "implausible record length " + length);
          break;
        }
        long end = pos + LogFormat.FRAME_SIZE + length;
        if (end > size) {
          break; // torn record: the write of its payload did not finish
        }
        if (payload.capacity() < length) {
          payload = ByteBuffer.allocate(Math.max(length, payload.capacity() * 2));
        }
        payload.clear().limit(length);
        in.read(payload);
        payload.flip();
        if (Frames.crc(type, payload) != storedCrc) {
          requireZerosFrom(file, in, end, size, pos, "record checksum mismatch");
          break;
        }
        if (type != LogFormat.TYPE_TRANSACTION) {
          throw new CorruptionException(file, pos, "unknown record type " + type);
        }
        LogRecord r;
        try {
          r = RecordCodec.decodePayload(payload);
        } catch (IllegalArgumentException e) {
          throw new CorruptionException(file, pos, "malformed record: " + e.getMessage());
        }
        sink.accept(r);
        records++;
        lastTs = r.commitTs();
        pos = end;
      }
      return new Result(header, records, pos, size, lastTs);
    }
  }

  private static void requireZerosAfterFrame(
      Path file, SequentialReader in, long pos, long size, String reason) throws IOException {
    requireZerosFrom(file, in, pos + LogFormat.FRAME_SIZE, size, pos, reason);
  }

  private static void requireZerosFrom(Path file, SequentialReader in, long pos, long size)
      throws IOException {
    requireZerosFrom(file, in, pos, size, pos, "zero-filled frame");
  }

  /**
   * Accepts a bad frame at {@code badAt} as a torn tail only if every byte from {@code from} to
   * the end of the file is zero (I3); anything else is corruption (I4).
   */
  private static void requireZerosFrom(
      Path file, SequentialReader in, long from, long size, long badAt, String reason)
      throws IOException {
    in.seek(from);
    ByteBuffer b = ByteBuffer.allocate(64 * 1024);
    long p = from;
    while (p < size) {
      b.clear();
      b.limit((int) Math.min(b.capacity(), size - p));
      in.read(b);
      for (int i = 0; i < b.position(); i++) {
        if (b.get(i) != 0) {
          throw new CorruptionException(
              file, badAt, reason + ", followed by further data at offset " + (p + i));
        }
      }
      p += b.position();
    }
  }
}
