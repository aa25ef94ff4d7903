package org.vsldb.storage.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open file with positional reads and writes and an explicit force. Bytes written are durable
 * only after {@link #force()} returns (the disk assumptions in {@code org.vsldb.storage}).
 */
public interface DurableFile extends Closeable {
  /** Reads into {@code dst} from {@code position}; returns the bytes read, or -1 at the end. */
  int read(ByteBuffer dst, long position) throws IOException;

  /** Writes all of {@code src} at {@code position}. */
  void write(ByteBuffer src, long position) throws IOException;

  /** Forces every byte written so far to stable storage. */
  void force() throws IOException;

  long size() throws IOException;

  void truncate(long size) throws IOException;

  /** Reads exactly {@code dst.remaining()} bytes unless the file ends first. */
  default void readFully(ByteBuffer dst, long position) throws IOException {
    while (dst.hasRemaining()) {
      int n = read(dst, position);
      if (n < 0) {
        return;
      }
      position += n;
    }
  }
}
