package org.vsldb.jdbc.types;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import org.vsldb.sql.error.ErrorCode;

/**
 * Large objects as parameters. vsl keeps BLOB and CLOB as VARBINARY and VARCHAR values (README,
 * "SQL today"), so a {@link Blob} or {@link Clob} parameter is read whole when it is set.
 */
public final class Lobs {
  private Lobs() {}

  /**
   * A parameter value with a Blob or an InputStream read into a byte array, and a Clob or a Reader
   * into a string.
   */
  public static Object materialize(Object v) throws SQLException {
    if (v instanceof Blob b) {
      return bytes(b);
    }
    if (v instanceof Clob c) {
      return text(c);
    }
    if (v instanceof InputStream in) {
      return bytes(in, -1);
    }
    if (v instanceof Reader r) {
      return text(r, -1);
    }
    return v;
  }

  /** The bytes of {@code in}: all, or the first {@code length} when it is not negative. */
  public static byte[] bytes(InputStream in, long length) throws SQLException {
    try {
      return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw ErrorCode.IO_ERROR.exception(e, "reading a stream parameter: " + e.getMessage());
    }
  }

  /** The characters of {@code r}: all, or the first {@code length} when it is not negative. */
  public static String text(Reader r, long length) throws SQLException {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      long left = length < 0 ? Long.MAX_VALUE : length;
      int n;
      while (left > 0 && (n = r.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        sb.append(buf, 0, n);
        left -= n;
      }
      return sb.toString();
    } catch (IOException e) {
      throw ErrorCode.IO_ERROR.exception(e, "reading a character stream parameter: " + e.getMessage());
    }
  }

  /** All bytes of a Blob. */
  public static byte[] bytes(Blob b) throws SQLException {
    long n = b.length();
    if (n > Integer.MAX_VALUE - 8) {
      throw ErrorCode.VALUE_TOO_LONG.exception("a BLOB parameter", n + " bytes");
    }
    return n == 0 ? new byte[0] : b.getBytes(1, (int) n);
  }

  /** All characters of a Clob. */
  public static String text(Clob c) throws SQLException {
    long n = c.length();
    if (n > Integer.MAX_VALUE - 8) {
      throw ErrorCode.VALUE_TOO_LONG.exception("a CLOB parameter", n + " characters");
    }
    return n == 0 ? "" : c.getSubString(1, (int) n);
  }
}
