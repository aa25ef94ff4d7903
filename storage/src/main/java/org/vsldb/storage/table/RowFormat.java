package org.vsldb.storage.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.vsldb.storage.io.ByteSink;
import org.vsldb.storage.io.ValueCodec;
import org.vsldb.storage.io.Wtf8;

/**
 * The in-memory image of a row: one {@code byte[]} per row version instead of an array of boxed
 * values, defined by the table's column types ({@code docs/FORMATS.md}, "In memory: row images").
 * It is never written to disk; the log and the snapshot keep their own tagged encoding.
 *
 * <p>An image is a null bitmap of {@code ceil(n / 8)} bytes (bit {@code i % 8} of byte
 * {@code i / 8} set when column {@code i} is NULL), then each non-NULL value in column order:
 * BOOLEAN and TINYINT 1 byte, SMALLINT 2, INTEGER, DATE, TIME and REAL 4, BIGINT, TIMESTAMP,
 * TIMESTAMP WITH LOCAL TIME ZONE and DOUBLE 8 (big-endian; REAL and DOUBLE as their raw bits);
 * CHAR and VARCHAR a varint of {@code length << 1 | ascii} then the string's WTF-8 bytes ({@code
 * ascii} set when every byte is below 0x80, so the string is read without decoding); BINARY and
 * VARBINARY a varint length and the bytes; UUID its 16 bytes, most significant first; DECIMAL a zigzag varint scale, a varint length and the
 * unscaled value's two's-complement bytes. Varints are unsigned LEB128.
 *
 * <p>Values given to {@link #encode} have their column's Java class ({@link ColumnType#javaClass()});
 * {@link #decode} returns a new array each time, which the caller may keep.
 */
public final class RowFormat {
  static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  final ColumnType[] types;
  /** The log's tag for each column's values ({@link LoggedValues#logTag}). */
  final int[] logTags;
  final int bitmap;

  public RowFormat(List<ColumnDef> columns) {
    this.types = columns.stream().map(ColumnDef::type).toArray(ColumnType[]::new);
    this.bitmap = (types.length + 7) >>> 3;
    this.logTags = new int[types.length];
    for (int i = 0; i < types.length; i++) {
      logTags[i] = LoggedValues.logTag(types[i]);
    }
  }

  /**
   * Whether {@code v} can be stored in a column of type {@code t}: a {@link Number} for the
   * numeric, date and time types, else an instance of the type's class.
   */
  public static boolean accepts(ColumnType t, Object v) {
    return switch (t) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DATE, TIME, TIMESTAMP,
          TIMESTAMP_WITH_LOCAL_TIME_ZONE -> v instanceof Number;
      default -> t.javaClass().isInstance(v);
    };
  }

  /** Whether images of this format and of {@code other} are laid out alike (the same column types). */
  public boolean sameLayout(RowFormat other) {
    return other == this || java.util.Arrays.equals(types, other.types);
  }

  /** The number of columns. */
  public int columns() {
    return types.length;
  }

  /** The image of {@code values}, one per column. */
  public byte[] encode(Object[] values) {
    if (values.length != types.length) {
      throw new IllegalArgumentException("row has " + values.length + " values for " + types.length + " columns");
    }
    // First as if every string were ASCII (one byte per char), the common case, each string read
    // once as it is copied; a row with other text is made again with its strings' WTF-8 bytes.
    byte[] image = encode(values, null);
    return image != null ? image : encode(values, wideStrings(values));
  }

  /** The WTF-8 bytes of each string of {@code values} that is not ASCII; null for the others. */
  private byte[][] wideStrings(Object[] values) {
    byte[][] wide = new byte[types.length][];
    for (int i = 0; i < types.length; i++) {
      if (values[i] != null && types[i].isCharacter() && asciiLength((String) values[i]) < 0) {
        wide[i] = Wtf8.encode((String) values[i]);
      }
    }
    return wide;
  }

  /**
   * The image of {@code values}, string i written as {@code wide[i]} where that is not null and
   * else char by char; with {@code wide} null, null at the first string that is not ASCII.
   */
  private byte[] encode(Object[] values, byte[][] wide) {
    int size = bitmap;
    for (int i = 0; i < types.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      if (types[i].isCharacter()) {
        byte[] b = wide == null ? null : wide[i];
        int n = b == null ? ((String) v).length() : b.length;
        size += varintSize(b == null ? n << 1 | 1 : n << 1) + n;
      } else {
        size += size(types[i], v);
      }
    }
    byte[] out = new byte[size];
    int at = bitmap;
    for (int i = 0; i < types.length; i++) {
      Object v = values[i];
      if (v == null) {
        out[i >>> 3] |= (byte) (1 << (i & 7));
      } else if (types[i].isCharacter()) {
        byte[] b = wide == null ? null : wide[i];
        if (b == null) {
          String s = (String) v;
          int n = s.length();
          at = putVarint(out, at, n << 1 | 1);
          for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c >= 0x80) {
              return null; // only when wide is null: otherwise this string was found to be ASCII
            }
            out[at++] = (byte) c;
          }
        } else {
          at = putVarint(out, at, b.length << 1);
          System.arraycopy(b, 0, out, at, b.length);
          at += b.length;
        }
      } else {
        at = put(types[i], v, out, at);
      }
    }
    return out;
  }

  /** The values of an image, as a new array. */
  public Object[] decode(byte[] image) {
    Object[] values = new Object[types.length];
    int at = bitmap;
    for (int i = 0; i < types.length; i++) {
      if (isNull(image, i)) {
        continue;
      }
      ColumnType t = types[i];
      values[i] = value(t, image, at);
      at = skip(t, image, at);
    }
    return values;
  }

  /**
   * The values of an image with only the columns marked in {@code columns} decoded, the others
   * left null; all of them when {@code columns} is null.
   */
  public Object[] decode(byte[] image, boolean[] columns) {
    if (columns == null) {
      return decode(image);
    }
    Object[] values = new Object[types.length];
    int at = bitmap;
    for (int i = 0; i < types.length; i++) {
      if (isNull(image, i)) {
        continue;
      }
      ColumnType t = types[i];
      if (columns[i]) {
        values[i] = value(t, image, at);
      }
      at = skip(t, image, at);
    }
    return values;
  }

  /** The value of one column of an image. */
  public Object value(byte[] image, int column) {
    if (isNull(image, column)) {
      return null;
    }
    int at = bitmap;
    for (int i = 0; i < column; i++) {
      if (!isNull(image, i)) {
        at = skip(types[i], image, at);
      }
    }
    return value(types[column], image, at);
  }

  /**
   * The value of a column of a TINYINT, SMALLINT, INTEGER, DATE, TIME, BIGINT or TIMESTAMP type as
   * a {@code long} (what {@link #value} boxes), for a column that is not NULL in the image.
   */
  public long integral(byte[] image, int column) {
    int at = bitmap;
    for (int i = 0; i < column; i++) {
      if (!isNull(image, i)) {
        at = skip(types[i], image, at);
      }
    }
    return switch (types[column]) {
      case TINYINT -> image[at];
      case SMALLINT -> (short) SHORT.get(image, at);
      case INTEGER, DATE, TIME -> (int) INT.get(image, at);
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> (long) LONG.get(image, at);
      default -> throw new IllegalArgumentException("column " + column + " is " + types[column] + ", not integral");
    };
  }

  /** The values of some columns of an image, in the order given. */
  public Object[] values(byte[] image, int[] columns) {
    Object[] out = new Object[columns.length];
    for (int j = 0; j < columns.length; j++) {
      out[j] = value(image, columns[j]);
    }
    return out;
  }

  /**
   * Whether two images of this format hold the same bytes in each of {@code columns} (NULL in
   * both counts as the same). Identical bytes mean equal values; different bytes may still be
   * equal values (a DECIMAL 1.0 and 1.00), so a caller may use this only as a shortcut.
   */
  public boolean sameBytes(byte[] a, byte[] b, int[] columns) {
    for (int c : columns) {
      boolean nullA = isNull(a, c);
      if (nullA != isNull(b, c)) {
        return false;
      }
      if (nullA) {
        continue;
      }
      int at = offset(a, c);
      int bt = offset(b, c);
      int end = skip(types[c], a, at);
      if (end - at != skip(types[c], b, bt) - bt || !Arrays.equals(a, at, end, b, bt, bt + (end - at))) {
        return false;
      }
    }
    return true;
  }

  /** Where the value of non-NULL column {@code column} starts in an image. */
  private int offset(byte[] image, int column) {
    int at = bitmap;
    for (int i = 0; i < column; i++) {
      if (!isNull(image, i)) {
        at = skip(types[i], image, at);
      }
    }
    return at;
  }

  /**
   * Writes the values of an image as the log and the snapshot encode a row ({@code docs/FORMATS.md},
   * "Values"), byte for byte what {@link org.vsldb.storage.io.ValueCodec#encodeValues} writes for
   * the decoded values, without making them ({@link LoggedValues#write}).
   */
  public void writeValues(byte[] image, ByteSink out) {
    LoggedValues.write(this, image, out);
  }

  /**
   * The image of one row's values as the log and the snapshot encode them, read from {@code in}'s
   * position to the end of the values: the inverse of {@link #writeValues} ({@link
   * LoggedValues#read}).
   *
   * @throws IllegalArgumentException if the values do not fit the columns, or {@code in} ends
   *     inside them
   */
  public byte[] readImage(java.nio.ByteBuffer in) {
    return LoggedValues.read(this, in);
  }

  static boolean isNull(byte[] image, int i) {
    return (image[i >>> 3] & (1 << (i & 7))) != 0;
  }

  static int size(ColumnType t, Object v) {
    return switch (t) {
      case BOOLEAN, TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER, DATE, TIME, REAL -> 4;
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, DOUBLE -> 8;
      case UUID -> 16;
      case CHAR, VARCHAR -> throw new IllegalStateException("strings are sized by encode");
      case BINARY, VARBINARY -> {
        int n = ((Bytes) v).length();
        yield varintSize(n) + n;
      }
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) v;
        int n = d.unscaledValue().bitLength() / 8 + 1;
        yield varintSize(zigzag(d.scale())) + varintSize(n) + n;
      }
    };
  }

  static int put(ColumnType t, Object v, byte[] out, int at) {
    switch (t) {
      case BOOLEAN -> out[at++] = (byte) (((Boolean) v) ? 1 : 0);
      case TINYINT -> out[at++] = ((Number) v).byteValue();
      case SMALLINT -> {
        SHORT.set(out, at, ((Number) v).shortValue());
        at += 2;
      }
      case INTEGER, DATE, TIME -> {
        INT.set(out, at, ((Number) v).intValue());
        at += 4;
      }
      case REAL -> {
        INT.set(out, at, Float.floatToRawIntBits(((Number) v).floatValue()));
        at += 4;
      }
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
        LONG.set(out, at, ((Number) v).longValue());
        at += 8;
      }
      case DOUBLE -> {
        LONG.set(out, at, Double.doubleToRawLongBits(((Number) v).doubleValue()));
        at += 8;
      }
      case UUID -> {
        java.util.UUID u = (java.util.UUID) v;
        LONG.set(out, at, u.getMostSignificantBits());
        LONG.set(out, at + 8, u.getLeastSignificantBits());
        at += 16;
      }
      case CHAR, VARCHAR -> throw new IllegalStateException("strings are written by encode");
      case BINARY, VARBINARY -> {
        byte[] b = ((Bytes) v).toByteArray();
        at = putVarint(out, at, b.length);
        System.arraycopy(b, 0, out, at, b.length);
        at += b.length;
      }
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) v;
        byte[] b = d.unscaledValue().toByteArray();
        at = putVarint(out, at, zigzag(d.scale()));
        at = putVarint(out, at, b.length);
        System.arraycopy(b, 0, out, at, b.length);
        at += b.length;
      }
    }
    return at;
  }

  private static Object value(ColumnType t, byte[] image, int at) {
    return switch (t) {
      case BOOLEAN -> image[at] != 0;
      case TINYINT -> image[at];
      case SMALLINT -> (short) SHORT.get(image, at);
      case INTEGER, DATE, TIME -> (int) INT.get(image, at);
      case REAL -> Float.intBitsToFloat((int) INT.get(image, at));
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> (long) LONG.get(image, at);
      case DOUBLE -> Double.longBitsToDouble((long) LONG.get(image, at));
      case UUID -> new java.util.UUID((long) LONG.get(image, at), (long) LONG.get(image, at + 8));
      case CHAR, VARCHAR -> {
        int head = varint(image, at);
        int start = at + varintSize(head);
        int n = head >>> 1;
        yield (head & 1) != 0
            ? new String(image, start, n, StandardCharsets.ISO_8859_1)
            : Wtf8.decode(Arrays.copyOfRange(image, start, start + n));
      }
      case BINARY, VARBINARY -> {
        int n = varint(image, at);
        int start = at + varintSize(n);
        yield Bytes.wrap(Arrays.copyOfRange(image, start, start + n));
      }
      case DECIMAL -> {
        int z = varint(image, at);
        int p = at + varintSize(z);
        int n = varint(image, p);
        p += varintSize(n);
        yield new BigDecimal(new BigInteger(image, p, n), unzigzag(z));
      }
    };
  }

  /** The position after the value of type {@code t} at {@code at}. */
  static int skip(ColumnType t, byte[] image, int at) {
    return switch (t) {
      case BOOLEAN, TINYINT -> at + 1;
      case SMALLINT -> at + 2;
      case INTEGER, DATE, TIME, REAL -> at + 4;
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, DOUBLE -> at + 8;
      case UUID -> at + 16;
      case CHAR, VARCHAR -> {
        int head = varint(image, at);
        yield at + varintSize(head) + (head >>> 1);
      }
      case BINARY, VARBINARY -> {
        int n = varint(image, at);
        yield at + varintSize(n) + n;
      }
      case DECIMAL -> {
        int p = at + varintSize(varint(image, at));
        int n = varint(image, p);
        yield p + varintSize(n) + n;
      }
    };
  }

  /** The length of {@code s} if every char is below 0x80 (its UTF-8 bytes are its chars), else -1. */
  private static int asciiLength(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return -1;
      }
    }
    return n;
  }

  static int zigzag(int v) {
    return (v << 1) ^ (v >> 31);
  }

  static int unzigzag(int z) {
    return (z >>> 1) ^ -(z & 1);
  }

  static int varintSize(int v) {
    int n = 1;
    while ((v & ~0x7F) != 0) {
      v >>>= 7;
      n++;
    }
    return n;
  }

  static int putVarint(byte[] out, int at, int v) {
    while ((v & ~0x7F) != 0) {
      out[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    return at;
  }

  static int varint(byte[] in, int at) {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = in[at++];
      v |= (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
  }
}
