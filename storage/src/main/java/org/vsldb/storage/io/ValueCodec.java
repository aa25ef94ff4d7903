package org.vsldb.storage.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.vsldb.storage.table.Bytes;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.CheckDef;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.TableDef;
import org.vsldb.storage.table.SequenceDef;
import org.vsldb.storage.table.SequenceState;
import org.vsldb.storage.table.ViewDef;

/**
 * Encodes and decodes values and table definitions, as {@code docs/FORMATS.md} defines them in
 * "Values" and "Table definition". Shared by the redo log and the snapshot, so the two cannot
 * disagree. Decoders throw {@link IllegalArgumentException} (or
 * {@link java.nio.BufferUnderflowException}) on malformed input.
 */
public final class ValueCodec {
  private ValueCodec() {}

  /** The tag of SQL NULL; other tags are {@code ColumnType.code()}. */
  public static final byte TAG_NULL = 0;

  public static void encodeValues(Object[] values, ByteSink out) {
    out.i32(values.length);
    for (Object v : values) {
      encodeValue(v, out);
    }
  }

  public static void encodeValue(Object v, ByteSink out) {
    if (v == null) {
      out.u8(TAG_NULL);
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
    } else if (v instanceof Bytes b) {
      // BINARY and VARBINARY share the Bytes representation; the column says which.
      out.u8(ColumnType.VARBINARY.code());
      out.bytes(b.toByteArray());
    } else if (v instanceof java.util.UUID u) {
      out.u8(ColumnType.UUID.code());
      out.raw(uuidBytes(u), 0, 16);
    } else {
      throw new IllegalArgumentException("no log encoding for " + v.getClass().getName());
    }
  }

  public static void encodeTableDef(TableDef def, ByteSink out) {
    out.string(def.schema());
    out.string(def.name());
    out.i32(def.columns().size());
    for (ColumnDef c : def.columns()) {
      out.string(c.name());
      out.u8(c.type().code());
      out.i32(c.precision());
      out.i32(c.scale());
      out.u8(c.nullable() ? 1 : 0);
      out.string(c.defaultSql() == null ? "" : c.defaultSql());
      ColumnDef.Identity id = c.identity();
      out.u8(id == null ? 0 : id.always() ? 1 : 2);
      if (id != null) {
        out.i64(id.start());
        out.i64(id.increment());
      }
    }
    out.string(def.primaryKeyName() == null ? "" : def.primaryKeyName());
    positions(def.primaryKey(), out);
    out.i32(def.indexes().size());
    for (IndexDef i : def.indexes()) {
      out.string(i.name());
      out.u8(i.unique() ? 1 : 0);
      out.string(i.constraint() == null ? "" : i.constraint());
      positions(i.columns(), out);
    }
    out.i32(def.checks().size());
    for (CheckDef c : def.checks()) {
      out.string(c.name());
      out.string(c.sql());
    }
    out.i32(def.foreignKeys().size());
    for (ForeignKeyDef f : def.foreignKeys()) {
      out.string(f.name());
      // the column count, with the actions above it (docs/FORMATS.md, "Table definition")
      int[] c = f.columns();
      out.i32(c.length | f.onDelete().code() << 16 | f.onUpdate().code() << 20);
      for (int x : c) {
        out.i32(x);
      }
      out.i32(f.refTableId());
      positions(f.refColumns(), out);
    }
  }

  private static void positions(int[] p, ByteSink out) {
    out.i32(p.length);
    for (int x : p) {
      out.i32(x);
    }
  }

  private static int[] positions(ByteBuffer in) {
    int[] p = new int[count(in)];
    for (int i = 0; i < p.length; i++) {
      p[i] = in.getInt();
    }
    return p;
  }

  public static void encodeViewDef(ViewDef v, ByteSink out) {
    out.string(v.schema());
    out.string(v.name());
    out.string(v.sql());
    out.i32(v.columnNames().size());
    for (String c : v.columnNames()) {
      out.string(c);
    }
  }

  public static ViewDef decodeViewDef(ByteBuffer in) {
    String schema = string(in);
    String name = string(in);
    String sql = string(in);
    int n = count(in);
    List<String> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cols.add(string(in));
    }
    return new ViewDef(schema, name, sql, cols);
  }

  /** A sequence's definition, as FORMATS.md "Sequence definition" gives it. */
  public static void encodeSequenceDef(SequenceDef d, ByteSink out) {
    out.string(d.schema());
    out.string(d.name());
    out.string(d.dataType());
    out.i64(d.start());
    out.i64(d.increment());
    out.i64(d.min());
    out.i64(d.max());
    out.u8(d.cycle() ? 1 : 0);
    out.i64(d.cache());
  }

  public static SequenceDef decodeSequenceDef(ByteBuffer in) {
    String schema = string(in);
    String name = string(in);
    String type = string(in);
    long start = in.getLong();
    long increment = in.getLong();
    long min = in.getLong();
    long max = in.getLong();
    byte cycle = in.get();
    if (cycle != 0 && cycle != 1) {
      throw new IllegalArgumentException("sequence cycle flag " + cycle);
    }
    long cache = in.getLong();
    return new SequenceDef(schema, name, type, start, increment, min, max, cycle == 1, cache);
  }

  /** A sequence's state: flags (bit 0: exhausted) and the next value. */
  public static void encodeSequenceState(SequenceState s, ByteSink out) {
    out.u8(s.exhausted() ? 1 : 0);
    out.i64(s.next());
  }

  public static SequenceState decodeSequenceState(ByteBuffer in) {
    byte flags = in.get();
    if (flags != 0 && flags != 1) {
      throw new IllegalArgumentException("sequence state flags " + flags);
    }
    return new SequenceState(in.getLong(), flags == 1);
  }

  public static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("count " + n + " exceeds the payload");
    }
    return n;
  }

  public static Object[] decodeValues(ByteBuffer in) {
    int n = count(in);
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      values[i] = decodeValue(in);
    }
    return values;
  }

  /** Moves past {@code values} without decoding them. */
  public static void skipValues(ByteBuffer in) {
    int n = count(in);
    for (int i = 0; i < n; i++) {
      int tag = in.get() & 0xFF;
      if (tag == TAG_NULL) {
        continue;
      }
      ColumnType t = ColumnType.fromCode(tag);
      if (t == null) {
        throw new IllegalArgumentException("unknown value tag " + tag);
      }
      int skip = switch (t) {
        case BOOLEAN, TINYINT -> 1;
        case SMALLINT -> 2;
        case INTEGER, DATE, TIME, REAL -> 4;
        case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, DOUBLE -> 8;
        case UUID -> 16;
        case DECIMAL -> {
          in.getInt(); // scale
          yield count(in);
        }
        case CHAR, VARCHAR, BINARY, VARBINARY -> count(in);
      };
      in.position(in.position() + skip);
    }
  }

  public static Object decodeValue(ByteBuffer in) {
    int tag = in.get() & 0xFF;
    if (tag == TAG_NULL) {
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
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> in.getLong();
      case REAL -> Float.intBitsToFloat(in.getInt());
      case DOUBLE -> Double.longBitsToDouble(in.getLong());
      case DECIMAL -> {
        int scale = in.getInt();
        yield new BigDecimal(new BigInteger(bytes(in)), scale);
      }
      case CHAR, VARCHAR -> Wtf8.decode(bytes(in));
      case BINARY, VARBINARY -> Bytes.wrap(bytes(in));
      case UUID -> {
        byte[] b = new byte[16];
        in.get(b);
        yield uuid(b, 0);
      }
    };
  }

  /** The UUID of the 16 bytes at {@code b[at]}, most significant first. */
  public static java.util.UUID uuid(byte[] b, int at) {
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = high << 8 | (b[at + i] & 0xFF);
      low = low << 8 | (b[at + 8 + i] & 0xFF);
    }
    return new java.util.UUID(high, low);
  }

  /** A UUID's 16 bytes, most significant first, as the log and the snapshot hold it. */
  public static byte[] uuidBytes(java.util.UUID u) {
    byte[] b = new byte[16];
    long high = u.getMostSignificantBits();
    long low = u.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (high >>> (56 - 8 * i));
      b[8 + i] = (byte) (low >>> (56 - 8 * i));
    }
    return b;
  }

  public static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[count(in)];
    in.get(b);
    return b;
  }

  public static String string(ByteBuffer in) {
    return Wtf8.decode(bytes(in));
  }

  public static TableDef decodeTableDef(ByteBuffer in) {
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
      int precision = in.getInt();
      int scale = in.getInt();
      boolean nullable = in.get() != 0;
      String dflt = string(in);
      int identity = in.get() & 0xFF;
      ColumnDef.Identity id = switch (identity) {
        case 0 -> null;
        case 1, 2 -> new ColumnDef.Identity(identity == 1, in.getLong(), in.getLong());
        default -> throw new IllegalArgumentException("unknown identity kind " + identity);
      };
      cols.add(new ColumnDef(col, type, precision, scale, nullable, dflt, id));
    }
    String pkName = string(in);
    int[] pk = positions(in);
    int ni = count(in);
    List<IndexDef> indexes = new ArrayList<>(ni);
    for (int i = 0; i < ni; i++) {
      String ixName = string(in);
      boolean unique = in.get() != 0;
      String constraint = string(in);
      indexes.add(new IndexDef(ixName, positions(in), unique, constraint));
    }
    int nc = count(in);
    List<CheckDef> checks = new ArrayList<>(nc);
    for (int i = 0; i < nc; i++) {
      checks.add(new CheckDef(string(in), string(in)));
    }
    int nf = count(in);
    List<ForeignKeyDef> fks = new ArrayList<>(nf);
    for (int i = 0; i < nf; i++) {
      String fkName = string(in);
      int countAndActions = in.getInt();
      int[] fkCols = new int[countAndActions & 0xffff];
      if ((countAndActions & 0xff000000) != 0 || fkCols.length > in.remaining()) {
        throw new IllegalArgumentException("foreign key " + fkName + ": bad column count and actions "
            + Integer.toHexString(countAndActions));
      }
      for (int c = 0; c < fkCols.length; c++) {
        fkCols[c] = in.getInt();
      }
      int ref = in.getInt();
      fks.add(new ForeignKeyDef(fkName, fkCols, ref, positions(in),
          ForeignKeyDef.Action.ofCode(countAndActions >>> 16 & 0xf),
          ForeignKeyDef.Action.ofCode(countAndActions >>> 20 & 0xf)));
    }
    return new TableDef(schema, name, cols, pk, pkName, indexes, checks, fks);
  }
}
