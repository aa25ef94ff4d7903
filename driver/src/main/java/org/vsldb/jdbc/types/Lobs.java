package org.vsldb.jdbc.types;

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

  /** A parameter value with a Blob read into a byte array and a Clob into a string. */
  public static Object materialize(Object v) throws SQLException {
    if (v instanceof Blob b) {
      return bytes(b);
    }
    if (v instanceof Clob c) {
      return text(c);
    }
    return v;
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
