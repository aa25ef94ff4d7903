package org.vsldb.storage.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogReader;
import org.vsldb.storage.log.RecordCodec;
import org.vsldb.storage.snapshot.SnapshotReader;
import org.vsldb.storage.table.TableDef;

/**
 * Every change the logs of a database hold, archived generations first, then the current log, in
 * commit order, read on demand. Each change comes with the definition its table had when it was
 * made, which the history keeps by following the definitions (CREATE, ALTER, DROP) from the
 * snapshot the first log read follows.
 *
 * <p>The filter is applied while reading: whole log generations that end before the time range
 * are not opened (their successor's snapshot was written before it); records before the range,
 * and the rows of tables the filter does not name, are passed over without decoding their values;
 * reading stops at the first commit after the range, since commit times never decrease.
 */
public final class LogHistory implements AutoCloseable {
  /**
   * Which changes to return.
   *
   * @param schema the table's schema, or null for any (compared exactly)
   * @param table the table's name, or null for every table and also schema and view changes
   * @param fromMillis the earliest commit time, inclusive
   * @param toMillis the latest commit time, inclusive
   */
  public record Filter(String schema, String table, long fromMillis, long toMillis) {
    /** Every change. */
    public static Filter all() {
      return new Filter(null, null, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    boolean names(TableDef def) {
      return (table == null || (def != null && table.equals(def.name())))
          && (schema == null || (def != null && schema.equals(def.schema())));
    }
  }

  /**
   * One logged change.
   *
   * @param generation the log generation holding it
   * @param file the log file
   * @param offset the byte offset of its transaction's record in that file
   * @param commitTs the transaction's commit timestamp (its id)
   * @param wallClockMillis the transaction's commit time
   * @param index the change's position in its transaction, from 1
   * @param change the change
   * @param table its table's definition when it was made (for DROP TABLE, before the drop; for
   *     ALTER TABLE, after); null for schema and view changes, and for a table whose definition no
   *     file read names
   */
  public record Entry(long generation, Path file, long offset, long commitTs, long wallClockMillis,
      int index, Change change, TableDef table) {}

  private final FileSystem fs;
  private final Generations generations;
  private final Map<Integer, TableDef> known;
  private final Filter filter;
  private final Map<Integer, TableDef> defs = new HashMap<>();
  private final Deque<Entry> ready = new ArrayDeque<>();
  private long generation;
  private LogReader.Cursor cursor;
  private long lastTs = Long.MIN_VALUE;
  private long lastOpened = -2;
  private boolean done;

  private LogHistory(FileSystem fs, Generations generations, Map<Integer, TableDef> known, Filter filter) {
    this.fs = fs;
    this.generations = generations;
    this.known = known;
    this.filter = filter;
  }

  /**
   * Opens the history of {@code files}. {@code known} names tables whose definition no snapshot
   * or log read gives (the live catalog's tables, by id); it may be empty.
   */
  public static LogHistory open(FileSystem fs, DatabaseFiles files, Map<Integer, TableDef> known, Filter filter)
      throws IOException {
    LogHistory h = new LogHistory(fs, Generations.list(fs, files), Map.copyOf(known), filter);
    h.generation = h.firstGeneration();
    return h;
  }

  /**
   * Opens the history of one log file, for a database that does not open: its tables are named by
   * the snapshot it follows when that lies beside it ({@code database.db} for {@code database.vsl},
   * {@code database-<g>.db} in the archive), else by their ids.
   */
  public static LogHistory openFile(FileSystem fs, Path log) throws IOException {
    long g = LogReader.readHeader(fs, log).generation();
    Path dir = log.toAbsolutePath().getParent();
    Path snapshot = null;
    DatabaseFiles here = new DatabaseFiles(dir);
    Path archivedName = here.archivedSnapshot(g).getFileName();
    for (Path candidate : new Path[] {dir.resolve(archivedName), here.snapshot()}) {
      if (g > 0 && fs.exists(candidate) && SnapshotReader.readHeader(fs, candidate).generation() == g) {
        snapshot = candidate;
        break;
      }
    }
    Generations one = Generations.single(new Generations.Generation(g, snapshot, log));
    LogHistory h = new LogHistory(fs, one, Map.of(), Filter.all());
    h.generation = g;
    return h;
  }

  /**
   * The first generation to read: the oldest log, passing over each whose successor's snapshot was
   * written before the range begins (all its commits are older).
   */
  private long firstGeneration() throws IOException {
    long first = -1;
    for (Generations.Generation g : generations.all().values()) {
      if (g.log() == null) {
        continue;
      }
      if (first < 0) {
        first = g.generation();
      }
      Generations.Generation next = generations.get(g.generation() + 1);
      if (filter.fromMillis() != Long.MIN_VALUE && next != null && next.snapshot() != null && next.log() != null
          && SnapshotReader.readHeader(fs, next.snapshot()).wallClockMillis() < filter.fromMillis()) {
        first = g.generation() + 1;
        continue;
      }
      break;
    }
    return first;
  }

  /** The next change that passes the filter, or null when there is none. */
  public Entry next() throws IOException {
    while (ready.isEmpty() && !done) {
      readRecord();
    }
    return ready.poll();
  }

  private void readRecord() throws IOException {
    if (cursor == null && !openLog()) {
      done = true;
      return;
    }
    ByteBuffer payload = cursor.next();
    if (payload == null) {
      cursor.close();
      cursor = null;
      generation++;
      return;
    }
    long ts = payload.getLong(0);
    long wall = payload.getLong(8);
    if (wall > filter.toMillis()) {
      done = true;
      return;
    }
    if (ts <= lastTs) {
      return; // already read in an earlier generation's log
    }
    lastTs = ts;
    boolean inRange = wall >= filter.fromMillis();
    Change[] changes;
    try {
      changes = RecordCodec.decodeChanges(payload, id -> inRange && filter.names(definition(id)));
    } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
      throw new org.vsldb.storage.log.CorruptionException(currentLog(), cursor.offset(),
          "malformed record: " + e.getMessage());
    }
    Path file = currentLog();
    for (int i = 0; i < changes.length; i++) {
      Change c = changes[i];
      if (c == null) {
        continue;
      }
      TableDef def = c.tableId() == 0 ? null : definition(c.tableId());
      if (c instanceof Change.CreateTable t) {
        def = t.def();
        defs.put(t.tableId(), def);
      } else if (c instanceof Change.AlterTable a) {
        def = a.def();
        defs.put(a.tableId(), def);
      } else if (c instanceof Change.DropTable d) {
        defs.remove(d.tableId());
      }
      boolean wanted = c.tableId() == 0 ? filter.table() == null && filter.schema() == null : filter.names(def);
      if (inRange && wanted) {
        ready.add(new Entry(generation, file, cursor.offset(), ts, wall, i + 1, c, def));
      }
    }
  }

  private Path currentLog() {
    return generations.get(generation).log();
  }

  private TableDef definition(int tableId) {
    TableDef d = defs.get(tableId);
    return d != null ? d : known.get(tableId);
  }

  /**
   * Opens the log of the current generation, or of the next one that has a log. The table
   * definitions carry over from the log before; the first log, and one after a gap, starts from
   * its snapshot's (generation 0 from none). False when no log is left.
   */
  private boolean openLog() throws IOException {
    if (generation < 0) {
      return false;
    }
    Map.Entry<Long, Generations.Generation> e = generations.all().ceilingEntry(generation);
    while (e != null && e.getValue().log() == null) {
      e = generations.all().higherEntry(e.getKey());
    }
    if (e == null) {
      return false;
    }
    Generations.Generation g = e.getValue();
    if (g.generation() != lastOpened + 1 && g.snapshot() != null) {
      defs.clear();
      defs.putAll(SnapshotReader.definitions(fs, g.snapshot()));
    }
    generation = g.generation();
    lastOpened = generation;
    cursor = new LogReader.Cursor(fs, g.log());
    return true;
  }

  @Override
  public void close() throws IOException {
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
    done = true;
  }
}
