package org.vsldb.storage.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.vsldb.storage.io.DurableFile;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.io.Frames;
import org.vsldb.storage.io.SequentialReader;
import org.vsldb.storage.io.ValueCodec;
import org.vsldb.storage.log.CorruptionException;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.RowFormat;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Loads a snapshot into a catalog, streaming block by block. Unlike the log, a snapshot has no
 * torn tail: it is renamed into place only after it was completely written and forced, so any
 * bad block, and a missing END block, is corruption reported with the file and offset.
 */
public final class SnapshotReader {
  private SnapshotReader() {}

  /** The fields of a snapshot header. */
  public record Header(int version, long databaseId, long generation, long snapshotTs, long wallClockMillis) {}

  /** A block's frame: its payload length, CRC32C and type. */
  private record Block(int length, int crc, byte type) {
    /** The frame read into {@code frame} at {@code pos}; its length must fit the file. */
    static Block of(ByteBuffer frame, Path file, long pos, long size) throws CorruptionException {
      frame.flip();
      Block b = new Block(frame.getInt(), frame.getInt(), frame.get());
      if (b.length < 0 || pos + Frames.HEADER_SIZE + b.length > size) {
        throw new CorruptionException(file, pos, "block length " + b.length + " runs past the end of the file");
      }
      return b;
    }
  }

  /** Reads and checks the header only. */
  public static Header readHeader(FileSystem fs, Path file) throws IOException {
    try (DurableFile in = fs.openReadOnly(file)) {
      return readHeader(file, in);
    }
  }

  private static Header readHeader(Path file, DurableFile in) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(SnapshotFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    in.readFully(b, 0);
    if (b.position() < SnapshotFormat.HEADER_SIZE) {
      throw new CorruptionException(file, b.position(), "file is shorter than the snapshot header");
    }
    if (!Arrays.equals(Arrays.copyOf(b.array(), 8), SnapshotFormat.MAGIC)) {
      throw new CorruptionException(file, 0, "not a vsl snapshot file (bad magic number)");
    }
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, SnapshotFormat.HEADER_CRC_OFFSET);
    b.flip();
    b.position(8);
    int version = b.getInt();
    b.getInt(); // flags
    long dbId = b.getLong();
    long generation = b.getLong();
    long ts = b.getLong();
    long wall = b.getLong();
    if (b.getInt() != (int) crc.getValue()) {
      throw new CorruptionException(file, SnapshotFormat.HEADER_CRC_OFFSET, "snapshot header checksum mismatch");
    }
    if (version != SnapshotFormat.VERSION) {
      throw new CorruptionException(file, 8, "snapshot format version " + version
          + " is not supported; this version of vsl reads version " + SnapshotFormat.VERSION);
    }
    return new Header(version, dbId, generation, ts, wall);
  }

  /** Loads every table and row of {@code file} into {@code catalog}; rows get the snapshot's timestamp. */
  public static Header load(FileSystem fs, Path file, Catalog catalog) throws IOException {
    return read(fs, file, java.util.Objects.requireNonNull(catalog));
  }

  /**
   * Checks {@code file} as {@link #load} reads it, without making tables: the header, every
   * block's checksum, the table definitions, the END block and its counts. Row images are not
   * decoded (a block whose checksum holds but whose rows do not decode is found by the load).
   */
  public static Header verify(FileSystem fs, Path file) throws IOException {
    return read(fs, file, null);
  }

  /** Loads {@code file} into {@code catalog}, or only checks it when {@code catalog} is null. */
  private static Header read(FileSystem fs, Path file, Catalog catalog) throws IOException {
    try (DurableFile in = fs.openReadOnly(file)) {
      Header h = readHeader(file, in);
      long size = in.size();
      long pos = SnapshotFormat.HEADER_SIZE;
      SequentialReader reader = new SequentialReader(in, pos);
      ByteBuffer frame = ByteBuffer.allocate(Frames.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer payload = ByteBuffer.allocate(1 << 20);
      Table current = null;
      int tables = 0;
      long rows = 0;
      boolean ended = false;
      while (pos < size) {
        if (ended) {
          throw new CorruptionException(file, pos, "data after the END block");
        }
        frame.clear();
        try {
          reader.read(frame);
        } catch (EOFException e) {
          throw new CorruptionException(file, pos, "snapshot ends inside a block header");
        }
        Block block = Block.of(frame, file, pos, size);
        int length = block.length();
        int storedCrc = block.crc();
        byte type = block.type();
        if (payload.capacity() < length) {
          payload = ByteBuffer.allocate(length);
        }
        payload.clear().limit(length);
        reader.read(payload);
        payload.flip();
        payload.order(ByteOrder.LITTLE_ENDIAN);
        if (Frames.crc(length, type, payload) != storedCrc) {
          throw new CorruptionException(file, pos, "block checksum mismatch");
        }
        try {
          switch (type) {
            case SnapshotFormat.TYPE_TABLE -> {
              int id = payload.getInt();
              long nextRowId = payload.getLong();
              long identityNext = payload.getLong();
              TableDef def = ValueCodec.decodeTableDef(payload);
              current = new Table(id, def);
              current.restoreNextRowId(nextRowId);
              current.restoreIdentityNext(identityNext);
              if (catalog != null) {
                catalog.add(current);
              }
              tables++;
            }
            case SnapshotFormat.TYPE_SCHEMA -> {
              String schema = ValueCodec.string(payload);
              if (catalog != null) {
                catalog.addSchema(schema);
              }
            }
            case SnapshotFormat.TYPE_VIEW -> {
              var view = ValueCodec.decodeViewDef(payload);
              if (catalog != null) {
                catalog.addView(view);
              }
            }
            case SnapshotFormat.TYPE_SEQUENCE -> {
              var def = ValueCodec.decodeSequenceDef(payload);
              var state = ValueCodec.decodeSequenceState(payload);
              if (catalog != null) {
                catalog.putSequence(def, state);
              }
            }
            case SnapshotFormat.TYPE_ROWS -> {
              if (current == null) {
                throw new IllegalArgumentException("rows before any table");
              }
              int n = payload.getInt();
              if (catalog == null) {
                payload.position(payload.limit()); // the load decodes the images
              } else {
                RowFormat format = current.format();
                for (int i = 0; i < n; i++) {
                  long rowId = payload.getLong();
                  current.applyInsertImage(rowId, format.readImage(payload), h.snapshotTs());
                }
              }
              rows += n;
            }
            case SnapshotFormat.TYPE_END -> {
              int t = payload.getInt();
              long r = payload.getLong();
              int nextTableId = payload.getInt();
              if (t != tables || r != rows) {
                throw new IllegalArgumentException("END counts " + t + " tables, " + r
                    + " rows, but the snapshot holds " + tables + " tables, " + rows + " rows");
              }
              if (catalog != null) {
                catalog.reserveTableIds(nextTableId);
              }
              ended = true;
            }
            default -> throw new IllegalArgumentException("unknown block type " + type);
          }
          if (payload.hasRemaining()) {
            throw new IllegalArgumentException(payload.remaining() + " unexpected bytes in the block");
          }
        } catch (IllegalArgumentException | BufferUnderflowException | IllegalStateException e) {
          throw new CorruptionException(file, pos, "malformed block: " + e.getMessage());
        }
        pos += Frames.HEADER_SIZE + length;
      }
      if (!ended) {
        throw new CorruptionException(file, pos, "snapshot has no END block (incomplete)");
      }
      return h;
    }
  }

  /**
   * The table definitions of a snapshot by table id, read from its TABLE blocks only: ROWS blocks
   * are skipped without being read, so this costs little even for a large snapshot. Used to name
   * the tables of the log that follows it.
   */
  public static java.util.Map<Integer, TableDef> definitions(FileSystem fs, Path file) throws IOException {
    java.util.Map<Integer, TableDef> defs = new java.util.HashMap<>();
    try (DurableFile in = fs.openReadOnly(file)) {
      readHeader(file, in);
      long size = in.size();
      long pos = SnapshotFormat.HEADER_SIZE;
      ByteBuffer frame = ByteBuffer.allocate(Frames.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
      while (pos < size) {
        frame.clear();
        in.readFully(frame, pos);
        if (frame.position() < Frames.HEADER_SIZE) {
          throw new CorruptionException(file, pos, "snapshot ends inside a block header");
        }
        Block block = Block.of(frame, file, pos, size);
        int length = block.length();
        byte type = block.type();
        if (type == SnapshotFormat.TYPE_END) {
          return defs;
        }
        if (type == SnapshotFormat.TYPE_TABLE) {
          ByteBuffer payload = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
          in.readFully(payload, pos + Frames.HEADER_SIZE);
          payload.flip();
          if (Frames.crc(length, type, payload) != block.crc()) {
            throw new CorruptionException(file, pos, "block checksum mismatch");
          }
          try {
            int id = payload.getInt();
            payload.getLong();
            payload.getLong();
            defs.put(id, ValueCodec.decodeTableDef(payload));
          } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw new CorruptionException(file, pos, "malformed block: " + e.getMessage());
          }
        }
        pos += Frames.HEADER_SIZE + length;
      }
      throw new CorruptionException(file, pos, "snapshot has no END block (incomplete)");
    }
  }
}
