package org.vsldb.storage.log;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.TableDef;

/**
 * Encodes and decodes transaction records and their framing, as {@code docs/FORMATS.md} defines
 * them ("Record frame", "Transaction payload", "Values", "Table definition").
 */
public final class RecordCodec {
  private RecordCodec() {}

  /** Appends the framed record for {@code r} to {@code out}. */
  static void encodeFramed(LogRecord r, ByteSink out) {
    int start = out.length();
    out.i32(0); // length, patched below
    out.i32(0); // crc, patched below
    out.u8(LogFormat.TYPE_TRANSACTION);
    encodePayload(r, out);
    int payloadLength = out.length() - start - LogFormat.FRAME_SIZE;
    CRC32C crc = new CRC32C();
    crc.update(out.array(), start + 8, payloadLength + 1);
    out.putI32At(start, payloadLength);
    out.putI32At(start + 4, (int) crc.getValue());
  }

  /** The framed bytes of one record. */
  public static byte[] frame(LogRecord r) {
    ByteSink sink = new ByteSink(256);
    encodeFramed(r, sink);
    return java.util.Arrays.copyOf(sink.array(), sink.length());
  }

  private static void encodePayload(LogRecord r, ByteSink out) {
    out.i64(r.commitTs());
    out.i64(r.wallClockMillis());
    out.i32(r.changes().size());
    for (Change c : r.changes()) {
      if (c instanceof Change.Insert i) {
        out.u8(LogFormat.OP_INSERT);
        out.i32(i.tableId());
        out.i64(i.rowId());
        encodeValues(i.values(), out);
      } else if (c instanceof Change.Update u) {
        out.u8(LogFormat.OP_UPDATE);
        out.i32(u.tableId());
        out.i64(u.rowId());
        encodeValues(u.values(), out);
      } else if (c instanceof Change.Delete d) {
        out.u8(LogFormat.OP_DELETE);
        out.i32(d.tableId());
        out.i64(d.rowId());
      } else if (c instanceof Change.CreateTable t) {
        out.u8(LogFormat.OP_CREATE_TABLE);
        out.i32(t.tableId());
        encodeTableDef(t.def(), out);
      } else if (c instanceof Change.DropTable t) {
        out.u8(LogFormat.OP_DROP_TABLE);
        out.i32(t.tableId());
      } else {
        throw new IllegalArgumentException("unknown change " + c);
      }
    }
  }

  private static void encodeValues(Object[] values, ByteSink out) {
    out.i32(values.length);
    for (Object v : values) {
      encodeValue(v, out);
    }
  }

  static void encodeValue(Object v, ByteSink out) {
    if (v == null) {
      out.u8(LogFormat.TAG_NULL);
    } else if (v instanceof Boolean b) {
      out.u8(ColumnType.BOOLEAN.code());
      out.u8(b ? 1 : 0);
    } else if (v instanceof Byte b) {
      out.u8(ColumnType.TINYINT.code());
      out.u8(b);
    } else if (v instanceof Short s) {
      out.u8(ColumnType.SMALLINT.code());
      out.i16(s);
    } else if (v instanceof Integer i) {
      // INTEGER, DATE and TIME share the Integer representation; the column says which.
      out.u8(ColumnType.INTEGER.code());
      out.i32(i);
    } else if (v instanceof Long l) {
      out.u8(ColumnType.BIGINT.code());
      out.i64(l);
    } else if (v instanceof Float f) {
      out.u8(ColumnType.REAL.code());
      out.i32(Float.floatToRawIntBits(f));
    } else if (v instanceof Double d) {
      out.u8(ColumnType.DOUBLE.code());
      out.i64(Double.doubleToRawLongBits(d));
    } else if (v instanceof BigDecimal d) {
      out.u8(ColumnType.DECIMAL.code());
      out.i32(d.scale());
      out.bytes(d.unscaledValue().toByteArray());
    } else if (v instanceof String s) {
      out.u8(ColumnType.VARCHAR.code());
      out.string(s);
    } else {
      throw new IllegalArgumentException("no log encoding for " + v.getClass().getName());
    }
  }

  private static void encodeTableDef(TableDef def, ByteSink out) {
    out.string(def.schema());
    out.string(def.name());
    out.i32(def.columns().size());
    for (ColumnDef c : def.columns()) {
      out.string(c.name());
      out.u8(c.type().code());
      out.i32(c.precision());
      out.i32(c.scale());
      out.u8(c.nullable() ? 1 : 0);
    }
    int[] pk = def.primaryKey();
    out.i32(pk.length);
    for (int p : pk) {
      out.i32(p);
    }
  }

  /** The CRC32C that a frame stores for {@code type} and the payload bytes. */
  static int crc(byte type, ByteBuffer payload) {
    CRC32C crc = new CRC32C();
    crc.update(type);
    crc.update(payload.duplicate());
    return (int) crc.getValue();
  }

  /**
   * Decodes a transaction payload.
   *
   * @throws IllegalArgumentException if the payload is malformed
   */
  public static LogRecord decodePayload(ByteBuffer payload) {
    ByteBuffer in = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    try {
      long ts = in.getLong();
      long wall = in.getLong();
      int n = count(in);
      List<Change> changes = new ArrayList<>(Math.min(n, 1024));
      for (int i = 0; i < n; i++) {
        byte op = in.get();
        int tableId = in.getInt();
        changes.add(
            switch (op) {
              case LogFormat.OP_INSERT -> new Change.Insert(tableId, in.getLong(), decodeValues(in));
              case LogFormat.OP_UPDATE -> new Change.Update(tableId, in.getLong(), decodeValues(in));
              case LogFormat.OP_DELETE -> new Change.Delete(tableId, in.getLong());
              case LogFormat.OP_CREATE_TABLE -> new Change.CreateTable(tableId, decodeTableDef(in));
              case LogFormat.OP_DROP_TABLE -> new Change.DropTable(tableId);
              default -> throw new IllegalArgumentException("unknown change operation " + op);
            });
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the changes");
      }
      return new LogRecord(ts, wall, changes);
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("payload ends inside a change", e);
    }
  }

  private static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("count " + n + " exceeds the payload");
    }
    return n;
  }

  private static Object[] decodeValues(ByteBuffer in) {
    int n = count(in);
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      values[i] = decodeValue(in);
    }
    return values;
  }

  static Object decodeValue(ByteBuffer in) {
    int tag = in.get() & 0xFF;
    if (tag == LogFormat.TAG_NULL) {
      return null;
    }
    ColumnType t = ColumnType.fromCode(tag);
    if (t == null) {
      throw new IllegalArgumentException("unknown value tag " + tag);
    }
    return switch (t) {
      case BOOLEAN -> in.get() != 0;
      case TINYINT -> in.get();
      case SMALLINT -> in.getShort();
      case INTEGER, DATE, TIME -> in.getInt();
      case BIGINT, TIMESTAMP -> in.getLong();
      case REAL -> Float.intBitsToFloat(in.getInt());
      case DOUBLE -> Double.longBitsToDouble(in.getLong());
      case DECIMAL -> {
        int scale = in.getInt();
        yield new BigDecimal(new BigInteger(bytes(in)), scale);
      }
      case CHAR, VARCHAR -> new String(bytes(in), StandardCharsets.UTF_8);
    };
  }

  private static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[count(in)];
    in.get(b);
    return b;
  }

  private static String string(ByteBuffer in) {
    return new String(bytes(in), StandardCharsets.UTF_8);
  }

  private static TableDef decodeTableDef(ByteBuffer in) {
    String schema = string(in);
    String name = string(in);
    int n = count(in);
    List<ColumnDef> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String col = string(in);
      int code = in.get() & 0xFF;
      ColumnType type = ColumnType.fromCode(code);
      if (type == null) {
        throw new IllegalArgumentException("unknown column type code " + code);
      }
      cols.add(new ColumnDef(col, type, in.getInt(), in.getInt(), in.get() != 0));
    }
    int[] pk = new int[count(in)];
    for (int i = 0; i < pk.length; i++) {
      pk[i] = in.getInt();
    }
    return new TableDef(schema, name, cols, pk);
  }
}
