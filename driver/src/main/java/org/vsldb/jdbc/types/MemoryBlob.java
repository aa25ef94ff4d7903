package org.vsldb.jdbc.types;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;
import org.vsldb.sql.error.ErrorCode;

/**
 * A {@link Blob} held in memory: what {@code Connection.createBlob()} and
 * {@code ResultSet.getBlob} return. It is a value, not a locator: changing it changes no row
 * until it is set as a parameter, which reads it whole (see {@link Lobs}). Positions count from 1;
 * writing at {@code length() + 1} appends.
 */
public final class MemoryBlob implements Blob {
  private byte[] data;
  private int length;
  private boolean freed;

  /** An empty BLOB. */
  public MemoryBlob() {
    this(new byte[0]);
  }

  /** A BLOB holding a copy of {@code bytes}. */
  public MemoryBlob(byte[] bytes) {
    this.data = bytes.clone();
    this.length = bytes.length;
  }

  private void checkLive() throws SQLException {
    if (freed) {
      throw ErrorCode.OBJECT_CLOSED.exception("BLOB (free() was called)");
    }
  }

  /** The 0-based offset of 1-based {@code pos}, which may be at most {@code length() + 1}. */
  private int offset(long pos) throws SQLException {
    checkLive();
    if (pos < 1 || pos > length + 1L) {
      throw ErrorCode.INVALID_PARAMETER.exception(pos, "BLOB position (1.." + (length + 1) + ")");
    }
    return (int) (pos - 1);
  }

  private static void checkLength(long n) throws SQLException {
    if (n < 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(n, "BLOB length");
    }
  }

  @Override
  public long length() throws SQLException {
    checkLive();
    return length;
  }

  @Override
  public byte[] getBytes(long pos, int n) throws SQLException {
    int from = offset(pos);
    checkLength(n);
    return Arrays.copyOfRange(data, from, from + Math.min(n, length - from));
  }

  @Override
  public InputStream getBinaryStream() throws SQLException {
    checkLive();
    return new ByteArrayInputStream(data, 0, length);
  }

  @Override
  public InputStream getBinaryStream(long pos, long n) throws SQLException {
    int from = offset(pos);
    checkLength(n);
    if (from + n > length) {
      throw ErrorCode.INVALID_PARAMETER.exception(n, "BLOB length from position " + pos + " (at most "
          + (length - from) + ")");
    }
    return new ByteArrayInputStream(data, from, (int) n);
  }

  @Override
  public long position(byte[] pattern, long start) throws SQLException {
    int from = offset(start);
    outer:
    for (int i = from; i + pattern.length <= length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i + 1L;
    }
    return -1;
  }

  @Override
  public long position(Blob pattern, long start) throws SQLException {
    return position(Lobs.bytes(pattern), start);
  }

  @Override
  public int setBytes(long pos, byte[] bytes) throws SQLException {
    return setBytes(pos, bytes, 0, bytes.length);
  }

  @Override
  public int setBytes(long pos, byte[] bytes, int off, int len) throws SQLException {
    int at = offset(pos);
    if (off < 0 || len < 0 || off + len > bytes.length) {
      throw ErrorCode.INVALID_PARAMETER.exception(off + ", " + len, "offset and length in a " + bytes.length
          + "-byte array");
    }
    write(at, bytes, off, len);
    return len;
  }

  private void write(int at, byte[] bytes, int off, int len) {
    if (at + len > data.length) {
      data = Arrays.copyOf(data, Math.max(at + len, data.length * 2));
    }
    System.arraycopy(bytes, off, data, at, len);
    length = Math.max(length, at + len);
  }

  /** A stream that writes from {@code pos} on, overwriting and then extending. */
  @Override
  public OutputStream setBinaryStream(long pos) throws SQLException {
    int start = offset(pos);
    return new OutputStream() {
      private int at = start;

      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        MemoryBlob.this.write(at, b, off, len);
        at += len;
      }
    };
  }

  @Override
  public void truncate(long len) throws SQLException {
    checkLive();
    if (len < 0 || len > length) {
      throw ErrorCode.INVALID_PARAMETER.exception(len, "BLOB length to truncate to (0.." + length + ")");
    }
    length = (int) len;
  }

  @Override
  public void free() {
    freed = true;
    data = new byte[0];
    length = 0;
  }
}
