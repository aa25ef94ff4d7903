package org.vsldb.sql.type;

import java.sql.SQLException;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.Bytes;

/**
 * UUID values: {@link UUID} in JDBC, in Calcite's generated code and in the store (docs/SQL.md,
 * "UUID"). Text and 16-byte binary strings convert to a UUID as in H2.
 */
public final class UuidValues {
  private UuidValues() {}

  /**
   * A value as a UUID: a UUID as it is; text of 32 hexadecimal digits, upper or lower case, with
   * any number of {@code -} between them (H2's rule: {@code 12345678-1234-...} and the same
   * digits without dashes); the 16 bytes of a binary string, most significant first.
   *
   * @throws SQLException 22018 for any other value
   */
  public static UUID toUuid(Object v) throws SQLException {
    if (v instanceof UUID u) {
      return u;
    }
    if (v instanceof String s) {
      return parse(s);
    }
    byte[] b = v instanceof byte[] a ? a
        : v instanceof ByteString bs ? bs.getBytes()
        : v instanceof Bytes stored ? stored.toByteArray()
        : null;
    if (b != null) {
      if (b.length != 16) {
        throw ErrorCode.INVALID_CAST.exception("a binary string of " + b.length + " bytes to UUID (it needs 16)");
      }
      return org.vsldb.storage.io.ValueCodec.uuid(b, 0);
    }
    throw ErrorCode.INVALID_CAST.exception("'" + v + "' (" + v.getClass().getSimpleName() + ") to UUID");
  }

  /**
   * A new UUID of the given version, as H2's {@code RANDOM_UUID}: 4 (or null), 122 random bits;
   * 7, the Unix time in milliseconds in the first 48 bits, then 74 random bits (RFC 9562).
   *
   * @throws IllegalArgumentException for another version
   */
  public static UUID random(Number version) {
    int v = version == null ? 4 : version.intValue();
    if (v == 4) {
      return UUID.randomUUID();
    }
    if (v == 7) {
      java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
      long high = System.currentTimeMillis() << 16 | 0x7000L | (r.nextLong() & 0x0FFFL);
      long low = r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
      return new UUID(high, low);
    }
    throw new IllegalArgumentException("RANDOM_UUID version " + v + " (4 and 7 are offered)");
  }

  /**
   * The UUID that text names, by H2's rule: for casts in generated code ({@code UuidRewrite}).
   *
   * @throws IllegalArgumentException "Invalid UUID string" (22018) for other text
   */
  public static UUID fromText(String s) {
    if (s == null) {
      return null;
    }
    try {
      return parse(s.strip());
    } catch (SQLException e) {
      throw new IllegalArgumentException("Invalid UUID string: '" + s + "' (32 hexadecimal digits, dashes allowed)");
    }
  }

  /**
   * A UUID's canonical text (lowercase digits, dashes at fixed places), whose order is that of
   * its 16 bytes as an unsigned number: the key by which UUIDs are compared and sorted.
   */
  public static String orderKey(UUID u) {
    return u == null ? null : u.toString();
  }

  /** The UUID that text names, by H2's rule ({@link #toUuid}). */
  public static UUID parse(String s) throws SQLException {
    long high = 0;
    long low = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-') {
        continue;
      }
      int d = Character.digit(c, 16);
      if (d < 0 || c > 'f' || digits == 32) {
        throw ErrorCode.INVALID_CAST.exception("'" + s + "' to UUID (32 hexadecimal digits, dashes allowed)");
      }
      if (digits < 16) {
        high = high << 4 | d;
      } else {
        low = low << 4 | d;
      }
      digits++;
    }
    if (digits != 32) {
      throw ErrorCode.INVALID_CAST.exception("'" + s + "' to UUID (32 hexadecimal digits, dashes allowed)");
    }
    return new UUID(high, low);
  }
}
