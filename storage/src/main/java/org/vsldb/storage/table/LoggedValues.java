package org.vsldb.storage.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.vsldb.storage.io.ByteSink;
import org.vsldb.storage.io.ValueCodec;

/**
 * Converts between a {@link RowFormat} image and the tagged encoding of a row's values that the
 * log and the snapshot use ({@code docs/FORMATS.md}, "Values"), in both directions and without
 * making the values: commits log images this way, and replay and snapshot load store rows this
 * way. {@link RowFormat#writeValues} and {@link RowFormat#readImage} are its entry points.
 */
final class LoggedValues {
  // the log and the snapshot are little-endian (docs/FORMATS.md)
  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LoggedValues() {}

  /**
   * Writes the values of an image as the log and the snapshot encode a row ({@code docs/FORMATS.md},
   * "Values"), byte for byte what {@link org.vsldb.storage.io.ValueCodec#encodeValues} writes for
   * the decoded values, without making them.
   */
  static void write(RowFormat f, byte[] image, ByteSink out) {
    ColumnType[] types = f.types;
    int bitmap = f.bitmap;
    out.i32(types.length);
    int at = bitmap;
    for (int i = 0; i < types.length; i++) {
      if (RowFormat.isNull(image, i)) {
        out.u8(ValueCodec.TAG_NULL);
        continue;
      }
      ColumnType t = types[i];
      out.u8(f.logTags[i]);
      switch (t) {
        case BOOLEAN, TINYINT -> out.u8(image[at]);
        case SMALLINT -> out.i16((short) RowFormat.SHORT.get(image, at));
        case INTEGER, DATE, TIME, REAL -> out.i32((int) RowFormat.INT.get(image, at));
        case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, DOUBLE -> out.i64((long) RowFormat.LONG.get(image, at));
        case UUID -> out.raw(image, at, 16); // most significant byte first in both
        case CHAR, VARCHAR -> {
          int head = RowFormat.varint(image, at);
          out.i32(head >>> 1);
          out.raw(image, at + RowFormat.varintSize(head), head >>> 1);
        }
        case BINARY, VARBINARY -> {
          int n = RowFormat.varint(image, at);
          out.i32(n);
          out.raw(image, at + RowFormat.varintSize(n), n);
        }
        case DECIMAL -> {
          int z = RowFormat.varint(image, at);
          int p = at + RowFormat.varintSize(z);
          int n = RowFormat.varint(image, p);
          out.i32(RowFormat.unzigzag(z));
          out.i32(n);
          out.raw(image, p + RowFormat.varintSize(n), n);
        }
      }
      at = RowFormat.skip(t, image, at);
    }
  }

  /**
   * The image of one row's values as the log and the snapshot encode them ({@code docs/FORMATS.md},
   * "Values"), read from {@code in}'s position to the end of the values: the inverse of {@link
   * #write}, without making the values (replay stores rows this way). A value whose tag is
   * not its column's representation (an INTEGER in a BIGINT column) is converted as {@link
   * RowFormat#encode} converts it.
   *
   * @throws IllegalArgumentException if the values do not fit the columns, or {@code in} ends
   *     inside them ({@link java.nio.BufferUnderflowException})
   */
  static byte[] read(RowFormat f, ByteBuffer in) {
    ColumnType[] types = f.types;
    int bitmap = f.bitmap;
    byte[] a;
    int base;
    if (in.hasArray()) {
      a = in.array();
      base = in.arrayOffset();
    } else {
      a = new byte[in.remaining()];
      in.duplicate().get(a);
      base = -in.position();
    }
    int from = base + in.position();
    int limit = base + in.limit();
    long sizeAndEnd = scan(f, a, from, limit);
    int end = (int) sizeAndEnd;
    int size = (int) (sizeAndEnd >>> 32);
    byte[] out = new byte[size];
    int at = bitmap;
    int p = from + 4;
    for (int i = 0; i < types.length; i++) {
      int tag = a[p++] & 0xFF;
      if (tag == ValueCodec.TAG_NULL) {
        out[i >>> 3] |= (byte) (1 << (i & 7));
        continue;
      }
      ColumnType t = types[i];
      if (tag != f.logTags[i]) {
        ByteBuffer v = ByteBuffer.wrap(a, p - 1, limit - p + 1).order(ByteOrder.LITTLE_ENDIAN);
        at = RowFormat.put(t, ValueCodec.decodeValue(v), out, at);
        p = v.position();
        continue;
      }
      switch (t) {
        case BOOLEAN, TINYINT -> out[at++] = a[p++];
        case SMALLINT -> {
          RowFormat.SHORT.set(out, at, (short) SHORT_LE.get(a, p));
          at += 2;
          p += 2;
        }
        case INTEGER, DATE, TIME, REAL -> {
          RowFormat.INT.set(out, at, (int) INT_LE.get(a, p));
          at += 4;
          p += 4;
        }
        case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, DOUBLE -> {
          RowFormat.LONG.set(out, at, (long) LONG_LE.get(a, p));
          at += 8;
          p += 8;
        }
        case UUID -> {
          System.arraycopy(a, p, out, at, 16);
          at += 16;
          p += 16;
        }
        case CHAR, VARCHAR -> {
          int len = (int) INT_LE.get(a, p);
          p += 4;
          at = RowFormat.putVarint(out, at, len << 1 | (isAscii(a, p, len) ? 1 : 0));
          System.arraycopy(a, p, out, at, len);
          at += len;
          p += len;
        }
        case BINARY, VARBINARY -> {
          int len = (int) INT_LE.get(a, p);
          p += 4;
          at = RowFormat.putVarint(out, at, len);
          System.arraycopy(a, p, out, at, len);
          at += len;
          p += len;
        }
        case DECIMAL -> {
          int scale = (int) INT_LE.get(a, p);
          int len = (int) INT_LE.get(a, p + 4);
          p += 8;
          at = RowFormat.putVarint(out, at, RowFormat.zigzag(scale));
          at = RowFormat.putVarint(out, at, len);
          System.arraycopy(a, p, out, at, len);
          at += len;
          p += len;
        }
      }
    }
    in.position(end - base);
    return out;
  }

  /**
   * Checks the values at {@code a[from..limit)} against the columns: returns where they end (low
   * 32 bits) and the size of their image (high 32 bits).
   */
  private static long scan(RowFormat f, byte[] a, int from, int limit) {
    ColumnType[] types = f.types;
    int p = need(from, 4, limit);
    int n = (int) INT_LE.get(a, from);
    if (n != types.length) {
      throw new IllegalArgumentException("row has " + n + " values for " + types.length + " columns");
    }
    int size = f.bitmap;
    for (int i = 0; i < n; i++) {
      int tag = a[need(p, 1, limit) - 1] & 0xFF;
      if (tag == ValueCodec.TAG_NULL) {
        p++;
        continue;
      }
      ColumnType t = types[i];
      if (tag != f.logTags[i]) {
        ByteBuffer v = ByteBuffer.wrap(a, p, limit - p).order(ByteOrder.LITTLE_ENDIAN);
        Object value = ValueCodec.decodeValue(v);
        if (t.isCharacter() || !RowFormat.accepts(t, value)) {
          throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " value in column " + (i + 1)
              + " of type " + t);
        }
        size += RowFormat.size(t, value);
        p = v.position();
        continue;
      }
      p++;
      switch (t) {
        case BOOLEAN, TINYINT -> {
          p = need(p, 1, limit);
          size += 1;
        }
        case SMALLINT -> {
          p = need(p, 2, limit);
          size += 2;
        }
        case INTEGER, DATE, TIME, REAL -> {
          p = need(p, 4, limit);
          size += 4;
        }
        case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, DOUBLE -> {
          p = need(p, 8, limit);
          size += 8;
        }
        case UUID -> {
          p = need(p, 16, limit);
          size += 16;
        }
        case CHAR, VARCHAR -> {
          int len = length(a, p, limit);
          p = need(p + 4, len, limit);
          size += RowFormat.varintSize(len << 1) + len; // the ascii bit never adds a byte
        }
        case BINARY, VARBINARY -> {
          int len = length(a, p, limit);
          p = need(p + 4, len, limit);
          size += RowFormat.varintSize(len) + len;
        }
        case DECIMAL -> {
          need(p, 4, limit);
          int scale = (int) INT_LE.get(a, p);
          int len = length(a, p + 4, limit);
          p = need(p + 8, len, limit);
          size += RowFormat.varintSize(RowFormat.zigzag(scale)) + RowFormat.varintSize(len) + len;
        }
      }
    }
    return (long) size << 32 | p;
  }

  /** {@code p + n}, once it is sure that {@code n} bytes at {@code p} lie before {@code limit}. */
  private static int need(int p, int n, int limit) {
    if (n < 0 || p > limit - n) {
      throw new IllegalArgumentException("values end " + (p + n - limit) + " bytes past the payload");
    }
    return p + n;
  }

  /** The non-negative length written (little-endian) at {@code p}. */
  private static int length(byte[] a, int p, int limit) {
    need(p, 4, limit);
    int len = (int) INT_LE.get(a, p);
    if (len < 0) {
      throw new IllegalArgumentException("negative length " + len);
    }
    return len;
  }

  /** Whether the {@code n} bytes at {@code a[p]} are all below 0x80. */
  private static boolean isAscii(byte[] a, int p, int n) {
    int high = 0;
    for (int end = p + n; p < end; p++) {
      high |= a[p];
    }
    return high >= 0;
  }

  /**
   * The tag the log gives a value of a column of type {@code t}: it tags by representation, so
   * DATE and TIME values are INTEGERs, timestamps BIGINTs, CHAR VARCHAR and BINARY VARBINARY.
   */
  static int logTag(ColumnType t) {
    return switch (t) {
      case DATE, TIME -> ColumnType.INTEGER.code();
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ColumnType.BIGINT.code();
      case CHAR -> ColumnType.VARCHAR.code();
      case BINARY -> ColumnType.VARBINARY.code();
      default -> t.code();
    };
  }
}
