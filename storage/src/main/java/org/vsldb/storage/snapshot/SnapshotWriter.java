package org.vsldb.storage.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;
import org.vsldb.storage.io.ByteSink;
import org.vsldb.storage.io.DurableFile;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.io.Frames;
import org.vsldb.storage.io.ValueCodec;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.VisibleRows;
import org.vsldb.storage.table.ViewDef;

/**
 * Writes a snapshot of the given tables as they were at one commit timestamp, streaming: rows go
 * from the table to the file through a buffer of about 1 MiB, so nothing is held twice. The file
 * is forced before {@link #write} returns; renaming it into place is the checkpoint's step.
 *
 * <p>While commits are under way ({@link CommitActivity}), it gives way to them: it writes
 * {@value #PACED_CHUNK}-byte pieces, forces each, and then pauses {@value #PACED_PAUSE} times as
 * long as the force took, so that the disk spends about 2 % of the time on the snapshot's forces
 * and few commits find their log force queued behind one. Measured on 2 cores with one writer
 * committing throughout back-to-back checkpoints of 1,000,000 rows (36 MB): p99 commit latency
 * 22 to 28 times the quiet p99 at full speed; about 2 times with 16 KiB pieces and pauses of twice
 * the force (a third of the commits met a force); 1.25 to 1.4 times with these settings, a
 * checkpoint then taking about 5 s instead of 0.13 s. Spreading a checkpoint's writes over a longer
 * time to keep commits fast is what PostgreSQL's {@code checkpoint_completion_target} does.
 * Without commits it writes at full speed.
 */
public final class SnapshotWriter {
  private static final int FLUSH_AT = 1 << 20;

  /**
   * The snapshot is forced each time this many bytes have been written since the last force, not
   * only at the end. On ext4 (data=ordered) a commit's log force can otherwise wait for the
   * writeback of tens of megabytes of snapshot pages, so commit latency during a checkpoint would
   * grow with the snapshot's size (the transactions issue's p99 goal).
   */
  static final long FORCE_EVERY = 8L << 20;

  /** The piece size while commits are under way. */
  static final int PACED_CHUNK = 64 << 10;

  /** While commits are under way, the pause after each piece, as a multiple of its force's time. */
  static final int PACED_PAUSE = 50;

  private SnapshotWriter() {}

  /** What a written snapshot holds. */
  public record Written(long bytes, int tables, long rows) {}

  /**
   * Writes {@code file} (replacing it) with every row of {@code tables} visible at
   * {@code snapshotTs}, and forces it.
   */
  public static Written write(
      FileSystem fs,
      Path file,
      long databaseId,
      long generation,
      long snapshotTs,
      Catalog.Image image)
      throws IOException {
    return write(fs, file, databaseId, generation, snapshotTs, image, System.currentTimeMillis(),
        CommitActivity.NONE, org.vsldb.storage.Progress.NONE);
  }

  /**
   * As above, with the wall-clock time to record in the header, giving way to commits while
   * {@code activity} reports them, and reporting the rows written to {@code progress}.
   */
  public static Written write(
      FileSystem fs,
      Path file,
      long databaseId,
      long generation,
      long snapshotTs,
      Catalog.Image image,
      long wallClockMillis,
      CommitActivity activity,
      org.vsldb.storage.Progress progress)
      throws IOException {
    try (DurableFile out = fs.open(file, true)) {
      out.truncate(0);
      out.write(header(databaseId, generation, snapshotTs, wallClockMillis), 0);
      long pos = SnapshotFormat.HEADER_SIZE;
      ByteSink sink = new ByteSink(FLUSH_AT + (64 << 10));
      long rows = 0;
      long forcedAt = 0;
      List<Table> tables = image.tables();
      long expected = 0;
      for (Table t : tables) {
        expected += t.approximateRowCount();
      }
      for (String schema : image.schemas()) {
        int start = Frames.begin(sink, SnapshotFormat.TYPE_SCHEMA);
        sink.string(schema);
        Frames.end(sink, start);
      }
      for (ViewDef v : image.views()) {
        int start = Frames.begin(sink, SnapshotFormat.TYPE_VIEW);
        ValueCodec.encodeViewDef(v, sink);
        Frames.end(sink, start);
      }
      for (Catalog.SequenceImage q : image.sequences()) {
        int start = Frames.begin(sink, SnapshotFormat.TYPE_SEQUENCE);
        ValueCodec.encodeSequenceDef(q.def(), sink);
        ValueCodec.encodeSequenceState(q.state(), sink);
        Frames.end(sink, start);
      }
      for (Table t : tables) {
        int start = Frames.begin(sink, SnapshotFormat.TYPE_TABLE);
        sink.i32(t.id());
        sink.i64(t.nextRowIdValue());
        sink.i64(t.identityNextValue());
        ValueCodec.encodeTableDef(t.def(), sink);
        Frames.end(sink, start);
        VisibleRows it = t.visibleRows(snapshotTs);
        boolean more = it.next();
        while (more) {
          start = Frames.begin(sink, SnapshotFormat.TYPE_ROWS);
          int countAt = sink.length();
          sink.i32(0);
          int n = 0;
          while (n < SnapshotFormat.ROWS_PER_BLOCK && more) {
            sink.i64(it.rowId());
            it.writeValues(sink); // from the row's image, as ValueCodec.encodeValues would
            n++;
            more = it.next();
          }
          sink.putI32At(countAt, n);
          Frames.end(sink, start);
          rows += n;
          progress.report(rows, Math.max(rows, expected));
          boolean paced = activity.committing();
          if (sink.length() >= (paced ? PACED_CHUNK : FLUSH_AT)) {
            pos = flush(out, sink, pos);
            if (paced || pos - forcedAt >= FORCE_EVERY) {
              long forceStart = System.nanoTime();
              out.force();
              forcedAt = pos;
              if (paced) {
                LockSupport.parkNanos(PACED_PAUSE * (System.nanoTime() - forceStart));
              }
            }
          }
        }
      }
      int start = Frames.begin(sink, SnapshotFormat.TYPE_END);
      sink.i32(tables.size());
      sink.i64(rows);
      sink.i32(image.nextTableId());
      Frames.end(sink, start);
      pos = flush(out, sink, pos);
      out.force();
      return new Written(pos, tables.size(), rows);
    }
  }

  private static long flush(DurableFile out, ByteSink sink, long pos) throws IOException {
    out.write(ByteBuffer.wrap(sink.array(), 0, sink.length()), pos);
    pos += sink.length();
    sink.reset();
    return pos;
  }

  /** The header bytes of a snapshot, as FORMATS.md defines them. */
  static ByteBuffer header(long databaseId, long generation, long snapshotTs, long wallClock) {
    ByteBuffer b = ByteBuffer.allocate(SnapshotFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    b.put(SnapshotFormat.MAGIC);
    b.putInt(SnapshotFormat.VERSION);
    b.putInt(0);
    b.putLong(databaseId);
    b.putLong(generation);
    b.putLong(snapshotTs);
    b.putLong(wallClock);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, SnapshotFormat.HEADER_CRC_OFFSET);
    b.putInt((int) crc.getValue());
    b.putInt(0);
    b.flip();
    return b;
  }
}
