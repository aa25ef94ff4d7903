package org.vsldb.jdbc.types;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.SQLException;
import org.vsldb.sql.error.ErrorCode;

/**
 * A {@link Clob} held in memory: what {@code Connection.createClob()} and
 * {@code ResultSet.getClob} return. It is a value, not a locator: changing it changes no row
 * until it is set as a parameter, which reads it whole (see {@link Lobs}). Positions count
 * {@code char}s from 1, as JDBC does; writing at {@code length() + 1} appends.
 */
public final class MemoryClob implements Clob {
  private StringBuilder text;
  private boolean freed;

  /** An empty CLOB. */
  public MemoryClob() {
    this("");
  }

  /** A CLOB holding {@code s}. */
  public MemoryClob(String s) {
    this.text = new StringBuilder(s);
  }

  private void checkLive() throws SQLException {
    if (freed) {
      throw ErrorCode.OBJECT_CLOSED.exception("CLOB (free() was called)");
    }
  }

  /** The 0-based offset of 1-based {@code pos}, which may be at most {@code length() + 1}. */
  private int offset(long pos) throws SQLException {
    checkLive();
    if (pos < 1 || pos > text.length() + 1L) {
      throw ErrorCode.INVALID_PARAMETER.exception(pos, "CLOB position (1.." + (text.length() + 1) + ")");
    }
    return (int) (pos - 1);
  }

  @Override
  public long length() throws SQLException {
    checkLive();
    return text.length();
  }

  @Override
  public String getSubString(long pos, int n) throws SQLException {
    int from = offset(pos);
    if (n < 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(n, "CLOB length");
    }
    return text.substring(from, from + Math.min(n, text.length() - from));
  }

  @Override
  public Reader getCharacterStream() throws SQLException {
    checkLive();
    return new StringReader(text.toString());
  }

  @Override
  public Reader getCharacterStream(long pos, long n) throws SQLException {
    int from = offset(pos);
    if (n < 0 || from + n > text.length()) {
      throw ErrorCode.INVALID_PARAMETER.exception(n, "CLOB length from position " + pos + " (at most "
          + (text.length() - from) + ")");
    }
    return new StringReader(text.substring(from, (int) (from + n)));
  }

  /** The text as US-ASCII bytes; other characters become '?'. */
  @Override
  public InputStream getAsciiStream() throws SQLException {
    checkLive();
    return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public long position(String pattern, long start) throws SQLException {
    int i = text.indexOf(pattern, offset(start));
    return i < 0 ? -1 : i + 1L;
  }

  @Override
  public long position(Clob pattern, long start) throws SQLException {
    return position(Lobs.text(pattern), start);
  }

  @Override
  public int setString(long pos, String s) throws SQLException {
    return setString(pos, s, 0, s.length());
  }

  @Override
  public int setString(long pos, String s, int off, int len) throws SQLException {
    int at = offset(pos);
    if (off < 0 || len < 0 || off + len > s.length()) {
      throw ErrorCode.INVALID_PARAMETER.exception(off + ", " + len, "offset and length in a string of "
          + s.length() + " characters");
    }
    write(at, s.substring(off, off + len));
    return len;
  }

  private void write(int at, CharSequence s) {
    int end = Math.min(text.length(), at + s.length());
    text.replace(at, end, s.toString());
  }

  /** A stream whose bytes, read as US-ASCII, are written from {@code pos} on; others become '?'. */
  @Override
  public OutputStream setAsciiStream(long pos) throws SQLException {
    Writer w = setCharacterStream(pos);
    return new OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        int c = b & 0xff;
        w.write(c < 0x80 ? c : '?');
      }
    };
  }

  /** A writer that writes from {@code pos} on, overwriting and then extending. */
  @Override
  public Writer setCharacterStream(long pos) throws SQLException {
    int start = offset(pos);
    return new Writer() {
      private int at = start;

      @Override
      public void write(char[] buf, int off, int len) {
        MemoryClob.this.write(at, new String(buf, off, len));
        at += len;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public void truncate(long len) throws SQLException {
    checkLive();
    if (len < 0 || len > text.length()) {
      throw ErrorCode.INVALID_PARAMETER.exception(len, "CLOB length to truncate to (0.." + text.length() + ")");
    }
    text.setLength((int) len);
  }

  @Override
  public void free() {
    freed = true;
    text = new StringBuilder();
  }
}
