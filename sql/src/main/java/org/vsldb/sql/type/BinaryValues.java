package org.vsldb.sql.type;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.calcite.avatica.util.ByteString;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.Bytes;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;

/**
 * BINARY and VARBINARY values in their three representations: {@code byte[]} in JDBC,
 * {@link ByteString} in Calcite's generated code, {@link Bytes} in the store. The conversions
 * between the runtime and the store happen where rows enter and leave the store (see
 * {@link RuntimeRows}).
 */
public final class BinaryValues {
  private BinaryValues() {}

  /**
   * A value as a runtime byte string: byte arrays and stored values are copied; a character
   * string stands for its UTF-8 bytes, as in H2; a {@link java.util.UUID} for its 16 bytes
   * ({@link #uuidBytes}).
   *
   * @throws SQLException 22018 for any other value
   */
  public static ByteString toByteString(Object v) throws SQLException {
    if (v instanceof ByteString b) {
      return b;
    }
    if (v instanceof byte[] b) {
      return new ByteString(b);
    }
    if (v instanceof Bytes b) {
      return new ByteString(b.toByteArray());
    }
    if (v instanceof String s) {
      return new ByteString(s.getBytes(StandardCharsets.UTF_8));
    }
    if (v instanceof java.util.UUID u) {
      return new ByteString(uuidBytes(u));
    }
    throw ErrorCode.INVALID_CAST.exception("'" + v + "' (" + v.getClass().getSimpleName() + ") to a binary string");
  }

  /** A UUID's 16 bytes, most significant first, as H2 converts a UUID to binary. */
  public static byte[] uuidBytes(java.util.UUID u) {
    return org.vsldb.storage.io.ValueCodec.uuidBytes(u); // the same bytes the log keeps
  }

  /**
   * A runtime value to be stored in a BINARY(n) or VARBINARY(n) column: checked against the
   * declared length and, for BINARY, padded with zero bytes to it, as H2 does.
   *
   * @throws SQLException 22001 when the value is longer than the column allows
   */
  public static Bytes forColumn(Object v, ColumnDef column, String table) throws SQLException {
    ByteString b = toByteString(v);
    int max = column.precision();
    if (max >= 0 && b.length() > max) {
      String hex = b.length() > 20 ? b.substring(0, 20).toString() + "..." : b.toString();
      throw ErrorCode.VALUE_TOO_LONG.exception(
          table + "." + column.name() + " " + column.type() + "(" + max + ")",
          "X'" + hex + "' (" + b.length() + " bytes)");
    }
    Bytes stored = Bytes.wrap(b.getBytes());
    return column.type() == ColumnType.BINARY && max > 0 ? stored.padTo(max) : stored;
  }

  /**
   * A runtime value as a key to probe a binary column's index with: neither padded nor checked
   * against the length, so it finds exactly the stored values equal to it.
   */
  public static Bytes probe(Object v) throws SQLException {
    return Bytes.wrap(toByteString(v).getBytes());
  }

  /** A stored value as the runtime sees it: {@link Bytes} become {@link ByteString}, others pass. */
  public static Object toRuntime(Object stored) {
    return stored instanceof Bytes b ? new ByteString(b.toByteArray()) : stored;
  }

  /** A runtime value as the store keeps it: {@link ByteString} becomes {@link Bytes}, others pass. */
  public static Object toStored(Object runtime) {
    return runtime instanceof ByteString b ? Bytes.wrap(b.getBytes()) : runtime;
  }

  /** A value of a binary column as a byte array for JDBC. */
  public static byte[] toByteArray(Object v) throws SQLException {
    return toByteString(v).getBytes();
  }
}
