package org.vsldb.storage.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Appends framed transaction records to a {@code database.vsl} file. Writing and forcing are
 * separate steps so that the caller decides when a commit is durable (invariant I1).
 *
 * <p>Not thread-safe: the store calls it from the thread holding its commit lock.
 */
public final class LogWriter implements Closeable {
  private final Path file;
  private final FileChannel channel;
  private final ByteSink sink = new ByteSink(4096);
  private long position;

  private LogWriter(Path file, FileChannel channel, long position) {
    this.file = file;
    this.channel = channel;
    this.position = position;
  }

  /** Creates a new, empty log (replacing any file of that name) and forces its header. */
  public static LogWriter create(Path file, long databaseId, long generation) throws IOException {
    FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    try {
      ByteBuffer header = header(databaseId, generation);
      while (header.hasRemaining()) {
        ch.write(header);
      }
      ch.force(true);
      return new LogWriter(file, ch, LogFormat.HEADER_SIZE);
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
    FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
    try {
      if (ch.size() > validEnd) {
        ch.truncate(validEnd);
        ch.force(true);
      }
      return new LogWriter(file, ch, validEnd);
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
    ByteBuffer buf = ByteBuffer.wrap(sink.array(), 0, sink.length());
    long pos = position;
    while (buf.hasRemaining()) {
      pos += channel.write(buf, pos);
    }
    position = pos;
  }

  /** Forces every record written so far to stable storage. */
  public void force() throws IOException {
    channel.force(false);
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
