package org.vsldb.storage.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.vsldb.storage.io.ByteSink;
import org.vsldb.storage.io.DurableFile;
import org.vsldb.storage.io.FileSystem;

/**
 * Appends framed transaction records to a {@code database.vsl} file. Writing and forcing are
 * separate steps so that the caller decides when a commit is durable (invariant I1).
 *
 * <p>With synchronous writes ({@code durability=full}) a log of the current version is
 * <em>preallocated</em>: before a write would leave less than {@link LogFormat#WRITE_WINDOW} of
 * zeros after it, the writer writes {@link #PREALLOCATION} more (durably), and
 * writes records over them, at most {@link LogFormat#WRITE_WINDOW} bytes per write. A forced
 * write over space the file already has needs no change of the file's size, so the file system
 * commits no metadata with it (measured: 20-60 % more forced writes a second than appending).
 * The zeros after the last record read as the end of the log (FORMATS.md, "Reading: the end of
 * the log"); {@link #close} cuts them off. In a log of version 2 the writer appends version 2
 * frames, without their end bytes, and never preallocates.
 *
 * <p>Not thread-safe: the store calls it from one thread at a time (its log appender).
 */
public final class LogWriter implements Closeable {
  /** How much zeroed space a preallocating writer adds at a time. */
  static final int PREALLOCATION = 4 << 20;

  private final Path file;
  private final DurableFile channel;
  private final boolean syncWrites;
  private final int version;
  private final ByteSink sink = new ByteSink(4096);
  private long position;
  /** The end of the file: from {@link #position} to here are zeros this writer made durable. */
  private long allocated;
  /** Whether a write or force failed: the file is then left as it is for recovery to read. */
  private boolean failed;

  private LogWriter(Path file, DurableFile channel, long position, long allocated, boolean syncWrites, int version) {
    this.file = file;
    this.channel = channel;
    this.position = position;
    this.allocated = allocated;
    this.syncWrites = syncWrites;
    this.version = version;
  }

  /** Creates a new, empty log (replacing any file of that name) and forces its header. */
  public static LogWriter create(Path file, long databaseId, long generation) throws IOException {
    return create(FileSystem.DEFAULT, file, databaseId, generation, false);
  }

  /**
   * Creates a new, empty log through {@code fs} and forces its header. The caller makes the
   * file's creation durable by syncing the directory.
   */
  public static LogWriter create(
      FileSystem fs, Path file, long databaseId, long generation, boolean syncWrites) throws IOException {
    DurableFile ch = fs.open(file, true, syncWrites);
    try {
      ch.truncate(0);
      ch.write(header(databaseId, generation), 0);
      ch.force();
      return new LogWriter(file, ch, LogFormat.HEADER_SIZE, LogFormat.HEADER_SIZE, syncWrites, LogFormat.VERSION);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Opens an existing log for appending after its last good record at {@code validEnd}, cutting
   * off anything beyond it (a torn tail, invariant I3).
   */
  public static LogWriter append(Path file, long validEnd) throws IOException {
    return append(FileSystem.DEFAULT, file, validEnd, false);
  }

  /**
   * As {@link #append(Path, long)}, through {@code fs}; with {@code syncWrites} every write is
   * durable when it returns (used for {@code durability=full}). The log's version (its header's)
   * decides the frames written.
   */
  public static LogWriter append(FileSystem fs, Path file, long validEnd, boolean syncWrites)
      throws IOException {
    int version = LogReader.readHeader(fs, file).version();
    DurableFile ch = fs.open(file, false, syncWrites);
    try {
      if (ch.size() > validEnd) {
        ch.truncate(validEnd);
        ch.force();
      }
      return new LogWriter(file, ch, validEnd, validEnd, syncWrites, version);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** The header bytes of a log, as FORMATS.md defines them. */
  static ByteBuffer header(long databaseId, long generation) {
    ByteBuffer b = ByteBuffer.allocate(LogFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.put(LogFormat.MAGIC);
    b.putInt(LogFormat.VERSION);
    b.putInt(0);
    b.putLong(databaseId);
    b.putLong(generation);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, LogFormat.HEADER_CRC_OFFSET);
    b.putInt((int) crc.getValue());
    b.putInt(0);
    b.flip();
    return b;
  }

  /** Writes one record after the previous ones, without forcing it. */
  public void write(LogRecord record) throws IOException {
    sink.reset();
    RecordCodec.encodeFramed(record, sink);
    writeFramed(ByteBuffer.wrap(sink.array(), 0, sink.length()));
  }

  /**
   * Writes already framed records (from {@link RecordCodec#frame}: frames of the current
   * version) after the previous ones, without forcing them. If the write fails, the file may hold
   * a partial record after {@link #size()}; the next open cuts it off as a torn tail.
   */
  public void writeFramed(ByteBuffer framed) throws IOException {
    if (version < LogFormat.VERSION) {
      framed = withoutEndBytes(framed);
    }
    int n = framed.remaining();
    try {
      if (preallocates()) {
        if (position + n + LogFormat.WRITE_WINDOW > allocated) {
          // first, so that a failure leaves the records unwritten and the commit failed, never
          // written but reported as failed; a batch larger than the zeros left goes past them,
          // into a hole that reads as zeros until it is written
          preallocate(Math.max(allocated, position + n), position + n + PREALLOCATION);
        }
        // over the zeros ahead, one window at a time, each durable (a synchronous write) before
        // the next: a crash leaves at most the last window partly written
        ByteBuffer part = framed.duplicate();
        for (int done = 0; done < n; done += LogFormat.WRITE_WINDOW) {
          part.limit(framed.position() + Math.min(n, done + LogFormat.WRITE_WINDOW)).position(framed.position() + done);
          channel.write(part, position + done);
        }
        position += n;
      } else {
        channel.write(framed, position);
        position += n;
      }
    } catch (IOException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  /** Whether this writer keeps zeros ahead of its end: synchronous writes of a current-version log. */
  private boolean preallocates() {
    return syncWrites && version >= LogFormat.VERSION;
  }

  /** Writes zeros over [from, to), durably (writes are synchronous); the file then ends at {@code to}. */
  private void preallocate(long from, long to) throws IOException {
    ByteBuffer zeros = ByteBuffer.allocate(1 << 20); // each write is synchronous: few and large
    for (long p = from; p < to; p += zeros.capacity()) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), to - p));
      channel.write(zeros, p);
    }
    allocated = to;
  }

  /** Version 2 frames of the version 3 frames in {@code framed}: each without its end byte. */
  private static ByteBuffer withoutEndBytes(ByteBuffer framed) {
    ByteBuffer in = framed.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocate(in.remaining());
    while (in.hasRemaining()) {
      int length = in.getInt(in.position());
      ByteBuffer frame = in.duplicate();
      frame.limit(in.position() + LogFormat.FRAME_SIZE + length);
      out.put(frame);
      in.position(in.position() + LogFormat.FRAME_SIZE + length + 1);
    }
    return out.flip();
  }

  /** Forces every record written so far to stable storage (a no-op for synchronous writes). */
  public void force() throws IOException {
    if (!syncWrites) {
      try {
        channel.force();
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw e;
      }
    }
  }

  /** The version of the log's format: {@link LogFormat#VERSION}, or 2 for an older log appended to. */
  public int version() {
    return version;
  }

  /** Whether each write is durable when it returns. */
  public boolean syncWrites() {
    return syncWrites;
  }

  /** The end of the last record written (the file may be longer: zeros preallocated after it). */
  public long size() {
    return position;
  }

  public Path file() {
    return file;
  }

  /**
   * Closes the file. Unless a write or force failed, the zeros preallocated after the last record
   * are cut off first (and the cut made durable), so a closed log ends with its last record.
   */
  @Override
  public void close() throws IOException {
    try {
      if (!failed && allocated > position) {
        channel.truncate(position);
        channel.force();
      }
    } finally {
      channel.close();
    }
  }
}
