package org.vsldb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.archive.LogHistory;
import org.vsldb.storage.archive.PointInTime;
import org.vsldb.storage.checkpoint.Checkpointer;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.log.RecordCodec;
import org.vsldb.storage.recovery.DirectoryLock;
import org.vsldb.storage.recovery.Recovery;
import org.vsldb.storage.snapshot.SnapshotWriter;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.SequenceDef;
import org.vsldb.storage.table.SequenceState;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * An open database: its catalog, its tables and, for a file database, its log and snapshot. The
 * facade of the storage layer.
 *
 * <p>A commit is checked (write conflicts, keys) and given the next commit timestamp under the
 * commit lock, queued to the {@link LogAppender} in timestamp order, and applied to the tables as
 * versions no reader can see yet. A group-commit leader writes a batch of commits durably, then
 * publishes the newest timestamp; only then does {@code commit} return (I1), and readers, which
 * read at the published timestamp, see each commit whole (I2).
 */
public final class Store implements AutoCloseable {
  private final StoreConfig config;
  private final Catalog catalog;
  private final DatabaseFiles files;
  private final DirectoryLock lock;
  private final LogAppender appender;
  private final Checkpointer checkpointer;
  /** Held while a commit is checked, applied and queued; also guards every sequence's state. */
  final Object commitLock = new Object();
  private final ReentrantLock checkpointLock = new ReentrantLock();
  private final RowLocks locks = new RowLocks();
  private final Snapshots snapshots = new Snapshots();
  private final StoreSequences sequences = new StoreSequences(this);
  private int commitsSincePrune;
  private final AtomicBoolean autoCheckpointRunning = new AtomicBoolean();
  private long lastAssignedTs;
  /** The newest commit's wall-clock time: a commit is never stamped earlier (guarded by the commit lock). */
  private long lastWallClock;
  private long logGeneration;
  private volatile long lastCommitTs;
  private volatile StoreException failure;
  private volatile boolean closed;
  private final java.util.List<Runnable> closeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  private Store(StoreConfig config, Catalog catalog, long lastCommitTs, Recovery.Recovered r) {
    this.config = config;
    this.catalog = catalog;
    this.lastCommitTs = lastCommitTs;
    this.lastAssignedTs = lastCommitTs;
    if (r == null) {
      files = null;
      lock = null;
      appender = null;
      checkpointer = null;
    } else {
      files = new DatabaseFiles(config.directory());
      lock = r.lock();
      logGeneration = r.logGeneration();
      lastWallClock = r.lastWallClockMillis();
      checkpointer = new Checkpointer(config.fileSystem(), files, r.databaseId(),
          config.durability() == Durability.FULL, config.archiveLog());
      appender = r.log() == null ? null
          : new LogAppender(r.log(), config.durability(), config.syncIntervalMs(), this::publish,
              config.directory().toString());
    }
  }

  /**
   * Opens (or creates) the store that {@code config} names. A file store is recovered from its
   * directory first: see {@link Recovery}.
   *
   * @throws StoreException with {@link Reason#CANNOT_OPEN}, {@link Reason#CORRUPTION} or
   *     {@link Reason#IO_ERROR}
   */
  public static Store open(StoreConfig config) {
    if (config.isInMemory()) {
      return new Store(config, new Catalog(), 0, null);
    }
    Recovery.Recovered r = Recovery.open(config);
    Store s = new Store(config, Catalog.loading(), r.lastCommitTs(), r);
    if (config.readOnly()) {
      s.load(r);
    } else {
      s.loader = LoadThread.start(config.directory().toString(), () -> s.load(r));
    }
    return s;
  }

  /** The thread that loads the tables after {@link #open} returned; null for other stores. */
  private volatile LoadThread loader;

  /**
   * Loads the tables the recovery checked (OPEN to READY in {@link Recovery}'s machine), finishes
   * an interrupted checkpoint, and opens the catalog; until then every use of the catalog waits.
   * A failure is kept by the catalog, which throws it to every later use; nothing is written.
   * An error (the heap too small for the tables, say) fails the load the same way, so that no
   * statement waits for a load that will not end, and is then rethrown.
   */
  private void load(Recovery.Recovered r) {
    try {
      Catalog loaded = r.loader().load();
      if (r.finishCheckpoint()) {
        finishCheckpoint(logGeneration, lastCommitTs, loaded.image(), Progress.NONE);
      }
      catalog.finishLoading(loaded);
    } catch (RuntimeException | Error e) {
      catalog.failLoading(() -> e instanceof StoreException se
          ? new StoreException(se.reason(), se.getMessage(), se)
          : new StoreException(Reason.IO_ERROR, "cannot load database " + config.directory() + ": " + e, e));
      if (e instanceof Error err) {
        throw err;
      }
    }
  }

  /**
   * Opens the file database {@code config} names as it was at {@code atMillis}, read-only, from
   * its archive and current files (see {@link PointInTime}); the directory is not changed.
   */
  public static Store openAt(StoreConfig config, long atMillis) {
    StoreConfig readOnly = config.withReadOnly(true);
    Recovery.Recovered r = PointInTime.recover(readOnly, atMillis);
    return new Store(readOnly, r.loader().load(), r.lastCommitTs(), r);
  }

  /**
   * The logged changes that pass {@code filter}, from the archive and the current log, read on
   * demand; close it when done. Tables are named from the files, or else by this catalog.
   *
   * @throws StoreException with {@link Reason#CANNOT_OPEN} for an in-memory store, which keeps no
   *     log, and {@link Reason#CORRUPTION} or {@link Reason#IO_ERROR} when a file cannot be read
   */
  public LogHistory history(LogHistory.Filter filter) {
    if (files == null) {
      throw new StoreException(Reason.CANNOT_OPEN, "an in-memory database keeps no log");
    }
    java.util.Map<Integer, TableDef> known = new java.util.HashMap<>();
    for (Table t : catalog.tables()) {
      known.put(t.id(), t.def());
    }
    try {
      return LogHistory.open(config.fileSystem(), files, known, filter);
    } catch (org.vsldb.storage.log.CorruptionException e) {
      throw new StoreException(Reason.CORRUPTION, e.getMessage(), e);
    } catch (IOException e) {
      throw new StoreException(Reason.IO_ERROR, "cannot read the log of " + files.dir() + ": " + e, e);
    }
  }

  public StoreConfig config() {
    return config;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The commit timestamp of the newest published commit. */
  public long lastCommitTs() {
    return lastCommitTs;
  }

  private void publish(long ts) {
    lastCommitTs = ts;
  }

  RowLocks locks() {
    return locks;
  }

  /** Pins the newest published commit: its versions stay until the pin is closed. */
  Snapshots.Pin pinNewest() {
    return snapshots.pinNewest(this::lastCommitTs);
  }

  /** Moves a pin to the newest published commit (a READ COMMITTED statement's new snapshot). */
  void movePin(Snapshots.Pin pin) {
    pin.moveToNewest(this::lastCommitTs);
  }

  /**
   * Keeps the versions visible at {@code ts} (a snapshot a result is still reading) until the
   * returned handle is closed.
   */
  public AutoCloseable retainSnapshot(long ts) {
    return snapshots.pin(ts);
  }

  /** Every this many commits, the committing thread reclaims versions no snapshot needs. */
  private static final int PRUNE_EVERY = 256;

  /** Reclaims old versions; caller holds the commit lock. */
  private void pruneIfDue() {
    if (++commitsSincePrune < PRUNE_EVERY) {
      return;
    }
    commitsSincePrune = 0;
    long[] inUse = snapshots.inUse(this::lastCommitTs);
    for (Table t : catalog.tables()) {
      t.prune(inUse);
    }
  }

  /** Reclaims every version no pinned snapshot can see now (for tests and statistics). */
  public void prune() {
    synchronized (commitLock) {
      commitsSincePrune = PRUNE_EVERY;
      pruneIfDue();
    }
  }

  /** Starts a transaction that sees every commit published so far. */
  public Transaction begin() {
    checkOpen();
    return new Transaction(this);
  }

  /** Whether the store accepts no writes (opened with readOnly). */
  public boolean isReadOnly() {
    return config.readOnly();
  }

  /** The size of the current log in bytes, or 0 for an in-memory store. */
  public long logSize() {
    return appender == null ? 0 : appender.logSize();
  }

  void checkOpen() {
    if (closed) {
      throw new StoreException(Reason.CLOSED, "the database is closed");
    }
  }

  void checkWritable() {
    checkOpen();
    if (config.readOnly()) {
      throw new StoreException(Reason.READ_ONLY, "the database is open read-only");
    }
    StoreException f = failure;
    if (f != null) {
      throw new StoreException(
          Reason.IO_ERROR,
          "the database refuses writes after an I/O error until it is reopened: " + f.getMessage(),
          f);
    }
  }

  /**
   * Creates a table in its own committed transaction (DDL commits implicitly). A foreign key whose
   * referenced table id is 0 references the new table itself.
   */
  public Table createTable(TableDef def) {
    int[] id = new int[1];
    commitChanges(() -> {
      if (catalog.table(def.schema(), def.name()) != null) {
        throw new IllegalStateException("table " + def.name() + " exists");
      }
      id[0] = catalog.newTableId();
      // A foreign key with referenced table id 0 references the table being created.
      List<org.vsldb.storage.table.ForeignKeyDef> fks = new ArrayList<>();
      for (org.vsldb.storage.table.ForeignKeyDef f : def.foreignKeys()) {
        fks.add(f.refTableId() != 0 ? f : f.withRefTableId(id[0]));
      }
      return List.of(new Change.CreateTable(id[0], def.withForeignKeys(fks)));
    });
    return catalog.table(id[0]);
  }

  /** Drops a table in its own committed transaction; refused while foreign keys of other tables reference it. */
  public void dropTable(Table table) {
    commitChanges(() -> {
      for (Constraints.Referrer r : Constraints.referrers(catalog, table)) {
        if (r.child().id() != table.id()) {
          throw new StoreException(Reason.DEPENDENCY, "cannot drop table " + table.def().name()
              + ": foreign key " + r.fk().name() + " of table " + r.child().def().name() + " references it");
        }
      }
      return List.of(new Change.DropTable(table.id()));
    });
  }

  /**
   * A new definition for a table: new column i takes old column {@code sources[i]}, or
   * {@code fill[i]} where that is -1.
   */
  public record Alteration(Table table, TableDef def, int[] sources, Object[] fill) {}

  /**
   * Changes table definitions (ALTER TABLE, CREATE and DROP INDEX) in one committed transaction,
   * after checking that the newest committed rows satisfy every constraint of the new definitions.
   *
   * @throws StoreException CONSTRAINT_ON_EXISTING_ROWS (or the violated constraint's reason) if
   *     they do not; WRITE_CONFLICT if a table was changed meanwhile
   */
  public void alterTables(List<Alteration> alterations) {
    commitChanges(() -> {
      List<Change> changes = new ArrayList<>();
      for (Alteration a : alterations) {
        if (catalog.table(a.table().id()) != a.table()) {
          throw new StoreException(Reason.WRITE_CONFLICT,
              "table " + a.table().def().name() + " was changed meanwhile; retry");
        }
        Table existing = catalog.table(a.def().schema(), a.def().name());
        if (existing != null && existing.id() != a.table().id()) {
          throw new IllegalStateException("table " + a.def().name() + " exists");
        }
        changes.add(new Change.AlterTable(a.table().id(), a.def(), a.sources(), a.fill()));
      }
      // Check the new definitions against the rows as they would be.
      Catalog check = new Catalog();
      for (Table t : catalog.tables()) {
        check.add(t);
      }
      LogRecord trial = new LogRecord(lastAssignedTs + 1, 0, changes);
      Replay.apply(check, trial);
      for (Alteration a : alterations) {
        ExistingRows.check(check, check.table(a.table().id()));
      }
      return changes;
    });
  }

  /** Creates a schema in its own committed transaction. */
  public void createSchema(String name) {
    commitChanges(() -> {
      if (catalog.hasSchema(name)) {
        throw new IllegalStateException("schema " + name + " exists");
      }
      return List.of(new Change.CreateSchema(name));
    });
  }

  /** Drops an empty schema in its own committed transaction. */
  public void dropSchema(String name) {
    commitChanges(() -> {
      if (!catalog.tables(name).isEmpty() || !catalog.views(name).isEmpty()
          || !catalog.sequences(name).isEmpty()) {
        throw new StoreException(Reason.DEPENDENCY, "cannot drop schema " + name + ": it is not empty");
      }
      return List.of(new Change.DropSchema(name));
    });
  }

  /** Creates or replaces a view in its own committed transaction. */
  public void createView(org.vsldb.storage.table.ViewDef view) {
    commitChanges(() -> List.of(new Change.CreateView(view)));
  }

  /** Drops a view in its own committed transaction. */
  public void dropView(String schema, String name) {
    commitChanges(() -> List.of(new Change.DropView(schema, name)));
  }

  /** Creates a sequence in its own committed transaction; its start value comes first. */
  public void createSequence(SequenceDef def) {
    sequences.create(def, def.initialState());
  }

  /**
   * Creates a sequence in its own committed transaction, going on from {@code state} (a text
   * copy's RESTART WITH or EXHAUSTED).
   *
   * @throws IllegalArgumentException if the state's next value lies outside the bounds
   */
  public void createSequence(SequenceDef def, SequenceState state) {
    sequences.create(def, state);
  }

  /**
   * Gives a sequence a new definition in its own committed transaction (ALTER SEQUENCE). It goes
   * on from {@code restart}, or when that is null from the value it would have handed out next,
   * which must lie within the new bounds.
   *
   * @throws IllegalArgumentException if the sequence's next value lies outside the new bounds
   * @throws StoreException NOT_FOUND if the sequence was dropped meanwhile
   */
  public void alterSequence(SequenceDef def, SequenceState restart) {
    sequences.alter(def, restart);
  }

  /** Drops a sequence in its own committed transaction. */
  public void dropSequence(String schema, String name) {
    sequences.drop(schema, name);
  }

  /**
   * The next value of a sequence (NEXT VALUE FOR). It is never handed out again, whatever
   * happens after (invariant I11); see {@link StoreSequences#nextValue}.
   *
   * @throws StoreException SEQUENCE_EXHAUSTED when a sequence without CYCLE has no value left;
   *     NOT_FOUND if it was dropped
   */
  public long nextValue(String schema, String name) {
    return sequences.nextValue(schema, name);
  }

  /** The state of a sequence's handed-out values now: the value it gives next (for dumps and metadata). */
  public SequenceState sequenceState(String schema, String name) {
    return sequences.state(schema, name);
  }

  /**
   * Drops views ({@code {schema, name}} pairs), changes table definitions (dropping the foreign
   * keys that reference {@code table}) and drops {@code table} (if not null), all in one committed
   * transaction: the work of {@code DROP ... CASCADE}.
   *
   * @throws StoreException DEPENDENCY if a foreign key of a table not altered here still
   *     references {@code table}; WRITE_CONFLICT if an altered table was changed meanwhile
   */
  public void dropCascade(List<String[]> views, List<Alteration> alterations, Table table) {
    commitChanges(() -> CascadeChanges.dropTable(catalog, views, alterations, table));
  }

  /**
   * Drops schema {@code schema} with every table, view and sequence in it, the views
   * ({@code {schema, name}} pairs, which include the schema's own) and the foreign keys of other
   * tables ({@code alterations}) that depend on them, all in one committed transaction: the work
   * of {@code DROP SCHEMA ... CASCADE}.
   *
   * @throws StoreException DEPENDENCY if a foreign key of a table not altered here still
   *     references a table of the schema; WRITE_CONFLICT if an altered table was changed meanwhile
   */
  public void dropSchemaCascade(String schema, List<String[]> views, List<Alteration> alterations) {
    commitChanges(() -> CascadeChanges.dropSchema(catalog, schema, views, alterations));
  }

  /**
   * Restarts the identity counter of table {@code tableId}, which must have no rows, at its
   * column's start value, in its own committed transaction (TRUNCATE ... RESTART IDENTITY, after
   * the rows were deleted and committed): an ALTER_TABLE to the same definition without the
   * identity column's values, so the new table's counter begins at the start (docs/FORMATS.md,
   * change operation 6, ALTER_TABLE). Nothing happens for a table without an identity column.
   *
   * @throws StoreException NOT_FOUND if the table was dropped; WRITE_CONFLICT if it has rows
   *     (a transaction committed some since they were deleted)
   */
  public void restartIdentity(int tableId) {
    commitChanges(() -> CascadeChanges.restartIdentity(catalog, tableId));
  }

  void commit(Transaction txn) {
    commitChanges(() -> CommitCheck.changesOf(catalog, txn));
  }

  /** Produces a transaction's changes under the commit lock. */
  @FunctionalInterface
  interface ChangeSource {
    List<Change> changes();
  }

  /** Checks, logs, applies and publishes one transaction's changes. */
  void commitChanges(ChangeSource source) {
    CompletableFuture<Void> durable = null;
    long ts;
    synchronized (commitLock) {
      checkWritable();
      List<Change> changes = source.changes();
      if (changes.isEmpty()) {
        return;
      }
      ts = lastAssignedTs + 1;
      lastWallClock = Math.max(lastWallClock, System.currentTimeMillis());
      LogRecord record = new LogRecord(ts, lastWallClock, changes);
      ByteBuffer framed = appender == null ? null : ByteBuffer.wrap(RecordCodec.frame(record));
      lastAssignedTs = ts;
      pruneIfDue();
      // Apply before queueing: a group-commit leader may publish this timestamp as soon as the
      // record is queued, and by then every change must be in the tables (I2).
      Replay.apply(catalog, record);
      if (appender != null) {
        durable = appender.append(framed, ts);
        if (changes.size() == 1 && changes.get(0) instanceof Change.SequenceValue sv && sv.from() != null) {
          catalog.sequence(sv.schema(), sv.name()).durable(durable); // its values wait for this record
        }
      } else {
        lastCommitTs = ts;
      }
    }
    if (durable != null) {
      try {
        appender.await(durable);
      } catch (IOException e) {
        throw fail("writing " + files.log() + " failed: " + e, e);
      }
      maybeCheckpointAutomatically();
    }
  }

  private StoreException fail(String message, IOException e) {
    StoreException f = new StoreException(Reason.IO_ERROR, message, e);
    if (failure == null) {
      failure = f;
    }
    return f;
  }

  /** What a checkpoint wrote. */
  public record CheckpointResult(long bytes, int tables, long rows, long millis) {}

  /**
   * Writes a new snapshot and starts a fresh log (PRODUCT.md 3.3). Commits from other threads may
   * continue meanwhile: only the log switch holds the commit lock. Returns when the snapshot is
   * durable.
   */
  public CheckpointResult checkpoint() {
    return checkpoint(Progress.NONE);
  }

  /** As {@link #checkpoint()}, reporting the snapshot's rows to {@code progress} as it writes them. */
  public CheckpointResult checkpoint(Progress progress) {
    if (appender == null) {
      checkOpen();
      return new CheckpointResult(0, catalog.tables().size(), 0, 0);
    }
    long start = System.nanoTime();
    checkpointLock.lock();
    try {
      checkWritable();
      long generation;
      long snapshotTs;
      Catalog.Image image;
      Snapshots.Pin snapshotPin;
      CompletableFuture<Void> rotated;
      synchronized (commitLock) {
        checkWritable();
        generation = logGeneration + 1;
        snapshotTs = lastAssignedTs;
        // The catalog as of the rotation point: DDL after it is in the new log.
        image = catalog.image();
        snapshotPin = snapshots.pin(snapshotTs); // pruning keeps what the snapshot writer reads
        rotated = appender.run(current -> checkpointer.rotateLog(current, generation));
        logGeneration = generation;
      }
      try (snapshotPin) {
        try {
          appender.await(rotated);
        } catch (IOException e) {
          throw fail("switching to a new log generation failed: " + e, e);
        }
        SnapshotWriter.Written w = finishCheckpoint(generation, snapshotTs, image, progress);
        return new CheckpointResult(w.bytes(), w.tables(), w.rows(), (System.nanoTime() - start) / 1_000_000);
      }
    } finally {
      checkpointLock.unlock();
    }
  }

  /** Steps 2 to 4 of a checkpoint: snapshot as of {@code snapshotTs}, publish, drop the old log. */
  private SnapshotWriter.Written finishCheckpoint(
      long generation, long snapshotTs, Catalog.Image image, Progress progress) {
    try {
      SnapshotWriter.Written w =
          checkpointer.writeSnapshot(generation, snapshotTs, image, appender::committing, progress);
      checkpointer.publishSnapshot();
      checkpointer.dropPreviousLog();
      return w;
    } catch (IOException e) {
      // The database stays correct (the old snapshot and both logs remain), but a failing disk
      // must not take further commits (I6).
      throw fail("checkpoint failed: " + e, e);
    }
  }

  private void maybeCheckpointAutomatically() {
    long limit = config.checkpointLogBytes();
    if (limit <= 0 || appender.logSize() < limit || closed) {
      return;
    }
    if (autoCheckpointRunning.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        try {
          if (!closed && failure == null) {
            checkpoint();
          }
        } catch (RuntimeException ignored) {
          // a failed automatic checkpoint marks the store failed; commits report it
        } finally {
          autoCheckpointRunning.set(false);
        }
      }, "vsl-checkpoint " + config.directory());
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * Closes the store: checkpoints if the log holds commits (so the next open is quick), forces the
   * log and releases the directory lock. Idempotent.
   */
  @Override
  public void close() {
    checkpointLock.lock();
    try {
      if (closed) {
        return;
      }
      if (loader != null) {
        loader.join(); // closing must not release the files while they are read
      }
      boolean released = false;
      if (appender != null && failure == null && !catalog.loadFailed()) {
        synchronized (commitLock) {
          // values reserved and not handed out go back, so a clean reopen leaves no gap (I11)
          for (org.vsldb.storage.table.Sequence q : catalog.sequences()) {
            released |= q.release();
          }
        }
      }
      if (appender != null && failure == null && !catalog.loadFailed()
          && (released || appender.logSize() > org.vsldb.storage.log.LogFormat.HEADER_SIZE)) {
        try {
          checkpoint();
        } catch (RuntimeException ignored) {
          // the log still holds every commit; the next open replays it
        }
      }
      closed = true;
      synchronized (commitLock) {
        if (appender != null) {
          try {
            appender.close();
          } catch (IOException ignored) {
            // every acknowledged commit was forced already, or its durability mode allowed the loss
          }
        }
      }
      if (lock != null) {
        lock.close();
      }
    } finally {
      checkpointLock.unlock();
    }
    for (Runnable r : closeListeners) {
      if (closeListeners.remove(r)) {
        r.run();
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }

  /** Runs {@code listener} once the store has closed (at once if it is closed already). */
  public void onClose(Runnable listener) {
    closeListeners.add(listener);
    if (closed && closeListeners.remove(listener)) {
      listener.run();
    }
  }
}
