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
 * <p>Not thread-safe: the store calls it from one thread at a time (its log appender).
 */
public final class LogWriter implements Closeable {
  private final Path file;
  private final DurableFile channel;
  private final boolean syncWrites;
  private final ByteSink sink = new ByteSink(4096);
  private long position;

  private LogWriter(Path file, DurableFile channel, long position, boolean syncWrites) {
    this.file = file;
    this.channel = channel;
    this.position = position;
    this.syncWrites = syncWrites;
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
      return new LogWriter(file, ch, LogFormat.HEADER_SIZE, syncWrites);
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
   * durable when it returns (used for {@code durability=full}).
   */
  public static LogWriter append(FileSystem fs, Path file, long validEnd, boolean syncWrites)
      throws IOException {
    DurableFile ch = fs.open(file, false, syncWrites);
    try {
      if (ch.size() > validEnd) {
        ch.truncate(validEnd);
        ch.force();
      }
      return new LogWriter(file, ch, validEnd, syncWrites);
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
   * Writes already framed records (from {@link RecordCodec#frame}) after the previous ones,
   * without forcing them. If the write fails, the file may hold a partial record after
   * {@link #size()}; the next open cuts it off as a torn tail.
   */
  public void writeFramed(ByteBuffer framed) throws IOException {
    int n = framed.remaining();
    channel.write(framed, position);
    position += n;
  }

  /** Forces every record written so far to stable storage (a no-op for synchronous writes). */
  public void force() throws IOException {
    if (!syncWrites) {
      channel.force();
    }
  }

  /** Whether each write is durable when it returns. */
  public boolean syncWrites() {
    return syncWrites;
  }

  /** The file size in bytes: the end of the last record written. */
  public long size() {
    return position;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
