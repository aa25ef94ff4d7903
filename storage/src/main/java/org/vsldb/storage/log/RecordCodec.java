package org.vsldb.storage.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.vsldb.storage.io.ByteSink;
import org.vsldb.storage.io.Frames;
import org.vsldb.storage.io.ValueCodec;

/**
 * Encodes and decodes transaction records and their framing, as {@code docs/FORMATS.md} defines
 * them ("Record frame", "Transaction payload", "Values", "Table definition").
 */
public final class RecordCodec {
  private RecordCodec() {}

  /** Appends the framed record for {@code r} to {@code out}, with the end byte of version 3. */
  static void encodeFramed(LogRecord r, ByteSink out) {
    int start = Frames.begin(out, LogFormat.TYPE_TRANSACTION);
    encodePayload(r, out);
    Frames.end(out, start);
    out.u8(LogFormat.RECORD_END);
  }

  /** The framed bytes of one record, as a log of the current version holds it. */
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
        if (i.image() != null) {
          i.format().writeValues(i.image(), out); // the same bytes as encodeValues (RowFormat)
        } else {
          ValueCodec.encodeValues(i.values(), out);
        }
      } else if (c instanceof Change.Update u) {
        out.u8(LogFormat.OP_UPDATE);
        out.i32(u.tableId());
        out.i64(u.rowId());
        if (u.image() != null) {
          u.format().writeValues(u.image(), out);
        } else {
          ValueCodec.encodeValues(u.values(), out);
        }
      } else if (c instanceof Change.Delete d) {
        out.u8(d.key() == null ? LogFormat.OP_DELETE : LogFormat.OP_DELETE_KEYED);
        out.i32(d.tableId());
        out.i64(d.rowId());
        if (d.key() != null) {
          ValueCodec.encodeValues(d.key(), out);
        }
      } else if (c instanceof Change.CreateTable t) {
        out.u8(LogFormat.OP_CREATE_TABLE);
        out.i32(t.tableId());
        ValueCodec.encodeTableDef(t.def(), out);
      } else if (c instanceof Change.DropTable t) {
        out.u8(LogFormat.OP_DROP_TABLE);
        out.i32(t.tableId());
      } else if (c instanceof Change.AlterTable a) {
        out.u8(LogFormat.OP_ALTER_TABLE);
        out.i32(a.tableId());
        ValueCodec.encodeTableDef(a.def(), out);
        out.i32(a.sources().length);
        for (int src : a.sources()) {
          out.i32(src);
        }
        ValueCodec.encodeValues(a.fill(), out);
      } else if (c instanceof Change.CreateSchema cs) {
        out.u8(LogFormat.OP_CREATE_SCHEMA);
        out.i32(0);
        out.string(cs.name());
      } else if (c instanceof Change.DropSchema ds) {
        out.u8(LogFormat.OP_DROP_SCHEMA);
        out.i32(0);
        out.string(ds.name());
      } else if (c instanceof Change.CreateView cv) {
        out.u8(LogFormat.OP_CREATE_VIEW);
        out.i32(0);
        ValueCodec.encodeViewDef(cv.view(), out);
      } else if (c instanceof Change.DropView dv) {
        out.u8(LogFormat.OP_DROP_VIEW);
        out.i32(0);
        out.string(dv.schema());
        out.string(dv.name());
      } else if (c instanceof Change.CreateSequence cs) {
        out.u8(LogFormat.OP_CREATE_SEQUENCE);
        out.i32(0);
        ValueCodec.encodeSequenceDef(cs.def(), out);
        ValueCodec.encodeSequenceState(cs.state(), out);
      } else if (c instanceof Change.DropSequence ds) {
        out.u8(LogFormat.OP_DROP_SEQUENCE);
        out.i32(0);
        out.string(ds.schema());
        out.string(ds.name());
      } else if (c instanceof Change.SequenceValue sv) {
        out.u8(LogFormat.OP_SEQUENCE_VALUE);
        out.i32(0);
        out.string(sv.schema());
        out.string(sv.name());
        ValueCodec.encodeSequenceState(sv.state(), out);
      } else {
        throw new IllegalArgumentException("unknown change " + c);
      }
    }
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
      int n = ValueCodec.count(in);
      PagedList<Change> changes = new PagedList<>();
      for (int i = 0; i < n; i++) {
        byte op = in.get();
        int tableId = in.getInt();
        changes.add(decodeChange(op, tableId, in));
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the changes");
      }
      // One change is the common case; List.of makes LogRecord's copy a no-op.
      return new LogRecord(ts, wall, changes.size() == 1 ? List.of(changes.get(0)) : changes.freeze());
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("payload ends inside a change", e);
    }
  }

  /**
   * Receives the changes of a transaction payload with row values still encoded, for replay,
   * which turns them straight into row images ({@link #visitPayload}).
   */
  public interface PayloadVisitor {
    /**
     * A new row; {@code values} is positioned at its values ("Values" in {@code docs/FORMATS.md}),
     * and the visitor must read exactly them.
     */
    void insert(int tableId, long rowId, ByteBuffer values);

    /** New values for a row; as {@link #insert}. */
    void update(int tableId, long rowId, ByteBuffer values);

    /** Removal of a row. */
    void delete(int tableId, long rowId);

    /** Any other change (definitions, schemas, views), decoded. */
    void other(Change change);
  }

  /**
   * Hands the changes of a transaction payload to {@code visitor} in order, without decoding row
   * values (the key values of a keyed DELETE are skipped). The payload's commit timestamp and wall
   * clock are read by the caller ({@link LogRecord}'s first 16 bytes).
   *
   * @throws IllegalArgumentException if the payload is malformed
   */
  public static void visitPayload(ByteBuffer payload, PayloadVisitor visitor) {
    ByteBuffer in = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    try {
      in.position(in.position() + 16); // commitTs, wallClockMillis
      int n = ValueCodec.count(in);
      for (int i = 0; i < n; i++) {
        byte op = in.get();
        int tableId = in.getInt();
        switch (op) {
          case LogFormat.OP_INSERT -> visitor.insert(tableId, in.getLong(), in);
          case LogFormat.OP_UPDATE -> visitor.update(tableId, in.getLong(), in);
          case LogFormat.OP_DELETE -> visitor.delete(tableId, in.getLong());
          case LogFormat.OP_DELETE_KEYED -> {
            visitor.delete(tableId, in.getLong());
            ValueCodec.skipValues(in);
          }
          default -> visitor.other(decodeChange(op, tableId, in));
        }
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the changes");
      }
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("payload ends inside a change", e);
    }
  }

  /**
   * Decodes the changes of a transaction payload, except that an INSERT, UPDATE or DELETE of a
   * table {@code rowsOf} does not accept is skipped without decoding its values and left null.
   * Definitions (CREATE, ALTER, DROP) are always decoded.
   *
   * @throws IllegalArgumentException if the payload is malformed
   */
  public static Change[] decodeChanges(ByteBuffer payload, java.util.function.IntPredicate rowsOf) {
    ByteBuffer in = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    try {
      in.position(in.position() + 16); // commitTs, wallClockMillis
      int n = ValueCodec.count(in);
      Change[] changes = new Change[n];
      for (int i = 0; i < n; i++) {
        byte op = in.get();
        int tableId = in.getInt();
        boolean rows = op == LogFormat.OP_INSERT || op == LogFormat.OP_UPDATE || op == LogFormat.OP_DELETE
            || op == LogFormat.OP_DELETE_KEYED;
        if (rows && !rowsOf.test(tableId)) {
          in.getLong();
          if (op != LogFormat.OP_DELETE) {
            ValueCodec.skipValues(in);
          }
          continue;
        }
        changes[i] = decodeChange(op, tableId, in);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the changes");
      }
      return changes;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("payload ends inside a change", e);
    }
  }

  private static Change decodeChange(byte op, int tableId, ByteBuffer in) {
    return switch (op) {
      case LogFormat.OP_INSERT -> new Change.Insert(tableId, in.getLong(), ValueCodec.decodeValues(in));
      case LogFormat.OP_UPDATE -> new Change.Update(tableId, in.getLong(), ValueCodec.decodeValues(in));
      case LogFormat.OP_DELETE -> new Change.Delete(tableId, in.getLong(), null);
      case LogFormat.OP_DELETE_KEYED -> new Change.Delete(tableId, in.getLong(), ValueCodec.decodeValues(in));
      case LogFormat.OP_CREATE_TABLE -> new Change.CreateTable(tableId, ValueCodec.decodeTableDef(in));
      case LogFormat.OP_DROP_TABLE -> new Change.DropTable(tableId);
      case LogFormat.OP_ALTER_TABLE -> alterTable(tableId, in);
      case LogFormat.OP_CREATE_SCHEMA -> new Change.CreateSchema(ValueCodec.string(in));
      case LogFormat.OP_DROP_SCHEMA -> new Change.DropSchema(ValueCodec.string(in));
      case LogFormat.OP_CREATE_VIEW -> new Change.CreateView(ValueCodec.decodeViewDef(in));
      case LogFormat.OP_DROP_VIEW -> new Change.DropView(ValueCodec.string(in), ValueCodec.string(in));
      case LogFormat.OP_CREATE_SEQUENCE -> new Change.CreateSequence(
          ValueCodec.decodeSequenceDef(in), ValueCodec.decodeSequenceState(in));
      case LogFormat.OP_DROP_SEQUENCE -> new Change.DropSequence(ValueCodec.string(in), ValueCodec.string(in));
      case LogFormat.OP_SEQUENCE_VALUE -> new Change.SequenceValue(
          ValueCodec.string(in), ValueCodec.string(in), ValueCodec.decodeSequenceState(in));
      default -> throw new IllegalArgumentException("unknown change operation " + op);
    };
  }

  private static Change alterTable(int tableId, ByteBuffer in) {
    org.vsldb.storage.table.TableDef def = ValueCodec.decodeTableDef(in);
    int[] sources = new int[ValueCodec.count(in)];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = in.getInt();
    }
    Object[] fill = ValueCodec.decodeValues(in);
    if (sources.length != def.columns().size() || fill.length != sources.length) {
      throw new IllegalArgumentException("ALTER TABLE column map does not match the definition");
    }
    return new Change.AlterTable(tableId, def, sources, fill);
  }
}
