package org.vsldb.storage.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Sequential reads from a {@link DurableFile} through a 1 MiB buffer outside the heap (the channel
 * reads into it without a copy of its own). Not thread-safe.
 */
public final class SequentialReader {
  private final DurableFile file;
  private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
  private long filePos;

  public SequentialReader(DurableFile file, long position) {
    this.file = file;
    this.filePos = position;
    buf.limit(0);
  }

  /** Continues reading at {@code position}. */
  public void seek(long position) {
    filePos = position;
    buf.limit(0);
  }

  /**
   * Fills {@code dst} completely.
   *
   * @throws EOFException if the file ends first
   */
  public void read(ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      fill();
      int n = Math.min(dst.remaining(), buf.remaining());
      dst.put(dst.position(), buf, buf.position(), n);
      dst.position(dst.position() + n);
      buf.position(buf.position() + n);
    }
  }

  /**
   * Reads the next {@code n} bytes into {@code crc} without keeping them, except that the first
   * {@code head.remaining()} of them are also put into {@code head}.
   *
   * @throws EOFException if the file ends first
   */
  public void check(int n, java.util.zip.CRC32C crc, ByteBuffer head) throws IOException {
    while (n > 0) {
      fill();
      int k = Math.min(n, buf.remaining());
      int h = Math.min(k, head.remaining());
      if (h > 0) {
        head.put(head.position(), buf, buf.position(), h);
        head.position(head.position() + h);
      }
      int limit = buf.limit();
      buf.limit(buf.position() + k);
      crc.update(buf); // moves the position to the limit
      buf.limit(limit);
      n -= k;
    }
  }

  private void fill() throws IOException {
    if (!buf.hasRemaining()) {
      buf.clear();
      int n = file.read(buf, filePos);
      if (n <= 0) {
        buf.limit(0);
        throw new EOFException("unexpected end of file at " + filePos);
      }
      filePos += n;
      buf.flip();
    }
  }
}
