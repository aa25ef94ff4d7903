package org.vsldb.storage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.RecordCodec;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.RowFormat;
import org.vsldb.storage.table.Table;

/**
 * Commits read from a log and decoded, ready to apply ({@link Replay#applyCommit}): recovery's
 * reading thread decodes each payload, row values straight into row images, and hands a batch at
 * a time to the thread that applies them, which then only stores images and versions. Column
 * arrays, not an object per change.
 *
 * <p>To make a row's image the reader must know its table's columns at that point of the log. A
 * {@link Decoder} starts from the tables of the catalog the log continues (the snapshot's) and
 * follows the log's CREATE, ALTER and DROP TABLE as it reads, in the same order as they are
 * applied; the applying thread checks that each image was made for its table's layout.
 */
public final class ReplayBatch {
  static final byte INSERT = 1;
  static final byte UPDATE = 2;
  static final byte DELETE = 3;
  static final byte OTHER = 4;

  /** A batch is handed over once it holds this many changes or commits. */
  private static final int TARGET = 8192;

  // per commit
  private long[] offsets = new long[16];
  private long[] timestamps = new long[16];
  private long[] wallClocks = new long[16];
  /** The end (exclusive) of each commit's changes. */
  private int[] ends = new int[16];
  private int commits;

  // per change
  byte[] ops = new byte[64];
  int[] tableIds = new int[64];
  long[] rowIds = new long[64];
  /** The row image of an INSERT or UPDATE, the {@link Change} of an OTHER, null for a DELETE. */
  Object[] items = new Object[64];
  /** The format an image was made with (null for other changes). */
  RowFormat[] formats = new RowFormat[64];
  private int changes;

  /** The number of commits. */
  public int commits() {
    return commits;
  }

  /** Whether the batch should be handed over before more commits are added. */
  public boolean isFull() {
    return changes >= TARGET || commits >= TARGET;
  }

  /** The offset in the log of a commit's record. */
  public long offset(int commit) {
    return offsets[commit];
  }

  /** A commit's timestamp. */
  public long commitTs(int commit) {
    return timestamps[commit];
  }

  /** A commit's wall-clock time. */
  public long wallClock(int commit) {
    return wallClocks[commit];
  }

  int firstChange(int commit) {
    return commit == 0 ? 0 : ends[commit - 1];
  }

  int endChange(int commit) {
    return ends[commit];
  }

  private void addChange(byte op, int tableId, long rowId, Object item, RowFormat format) {
    if (changes == ops.length) {
      int n = changes * 2;
      ops = Arrays.copyOf(ops, n);
      tableIds = Arrays.copyOf(tableIds, n);
      rowIds = Arrays.copyOf(rowIds, n);
      items = Arrays.copyOf(items, n);
      formats = Arrays.copyOf(formats, n);
    }
    ops[changes] = op;
    tableIds[changes] = tableId;
    rowIds[changes] = rowId;
    items[changes] = item;
    formats[changes] = format;
    changes++;
  }

  private void endCommit(long offset, long ts, long wall) {
    if (commits == ends.length) {
      int n = commits * 2;
      offsets = Arrays.copyOf(offsets, n);
      timestamps = Arrays.copyOf(timestamps, n);
      wallClocks = Arrays.copyOf(wallClocks, n);
      ends = Arrays.copyOf(ends, n);
    }
    offsets[commits] = offset;
    timestamps[commits] = ts;
    wallClocks[commits] = wall;
    ends[commits] = changes;
    commits++;
  }

  /**
   * Decodes the payloads of one log, in order, into batches; used by the reading thread only.
   * Knows each table's row format as the log has defined it so far.
   */
  public static final class Decoder {
    private final Map<Integer, RowFormat> formats = new HashMap<>();
    private int lastTableId = -1;
    private RowFormat lastFormat;

    /** A decoder for a log that continues {@code catalog}, which must not change while it reads. */
    public Decoder(Catalog catalog) {
      for (Table t : catalog.tables()) {
        formats.put(t.id(), t.format());
      }
    }

    /**
     * Decodes a transaction payload ({@code docs/FORMATS.md}, "Transaction payload") found at
     * {@code offset} into {@code batch}, as one commit.
     *
     * @throws IllegalArgumentException if the payload is malformed or a row's values do not fit
     *     its table ({@link java.nio.BufferUnderflowException} if they end early)
     */
    public void decode(long offset, ByteBuffer payload, ReplayBatch batch) {
      ByteBuffer in = payload.duplicate().order(ByteOrder.LITTLE_ENDIAN);
      long ts = in.getLong(in.position());
      long wall = in.getLong(in.position() + 8);
      int mark = batch.changes;
      try {
        RecordCodec.visitPayload(in, new RecordCodec.PayloadVisitor() {
          @Override
          public void insert(int tableId, long rowId, ByteBuffer values) {
            row(batch, INSERT, tableId, rowId, values);
          }

          @Override
          public void update(int tableId, long rowId, ByteBuffer values) {
            row(batch, UPDATE, tableId, rowId, values);
          }

          @Override
          public void delete(int tableId, long rowId) {
            batch.addChange(DELETE, tableId, rowId, null, null);
          }

          @Override
          public void other(Change change) {
            define(change);
            batch.addChange(OTHER, 0, 0, change, null);
          }
        });
      } catch (RuntimeException e) {
        Arrays.fill(batch.items, mark, batch.changes, null);
        batch.changes = mark;
        throw e;
      }
      batch.endCommit(offset, ts, wall);
    }

    /**
     * Adds a row change; its values become an image when the table is known (a change for an
     * unknown table goes without one, and applying it fails as it would have).
     */
    private void row(ReplayBatch batch, byte op, int tableId, long rowId, ByteBuffer values) {
      RowFormat f = format(tableId);
      if (f == null) {
        org.vsldb.storage.io.ValueCodec.skipValues(values);
        batch.addChange(op, tableId, rowId, null, null);
      } else {
        batch.addChange(op, tableId, rowId, f.readImage(values), f);
      }
    }

    private RowFormat format(int tableId) {
      if (tableId != lastTableId) {
        lastFormat = formats.get(tableId);
        lastTableId = tableId;
      }
      return lastFormat;
    }

    /** Follows a definition: the rows after it are decoded with the table's new columns. */
    private void define(Change change) {
      if (change instanceof Change.CreateTable t) {
        formats.put(t.tableId(), new RowFormat(t.def().columns()));
      } else if (change instanceof Change.AlterTable a) {
        formats.put(a.tableId(), new RowFormat(a.def().columns()));
      } else if (change instanceof Change.DropTable d) {
        formats.remove(d.tableId());
      }
      lastTableId = -1;
    }
  }
}
