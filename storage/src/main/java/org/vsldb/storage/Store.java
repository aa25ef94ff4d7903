package org.vsldb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.WriteSet.Pending;
import org.vsldb.storage.checkpoint.Checkpointer;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.log.RecordCodec;
import org.vsldb.storage.recovery.DirectoryLock;
import org.vsldb.storage.recovery.Recovery;
import org.vsldb.storage.snapshot.SnapshotWriter;
import org.vsldb.storage.table.Catalog;
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
  private final Object commitLock = new Object();
  private final ReentrantLock checkpointLock = new ReentrantLock();
  private final RowLocks locks = new RowLocks();
  private final Snapshots snapshots = new Snapshots();
  private int commitsSincePrune;
  private final AtomicBoolean autoCheckpointRunning = new AtomicBoolean();
  private long lastAssignedTs;
  private long logGeneration;
  private volatile long lastCommitTs;
  private volatile StoreException failure;
  private volatile boolean closed;

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
      checkpointer = new Checkpointer(config.fileSystem(), files, r.databaseId(),
          config.durability() == Durability.FULL);
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
    Store s = new Store(config, r.catalog(), r.lastCommitTs(), r);
    if (r.finishCheckpoint()) {
      try {
        s.finishCheckpoint(s.logGeneration, s.lastCommitTs, new ArrayList<>(s.catalog.tables()),
            s.catalog.nextTableIdValue());
      } catch (RuntimeException e) {
        s.close();
        throw e;
      }
    }
    return s;
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

  /** Creates a table in its own committed transaction (DDL commits implicitly). */
  public Table createTable(TableDef def) {
    int[] id = new int[1];
    commitChanges(() -> {
      if (catalog.table(def.schema(), def.name()) != null) {
        throw new IllegalStateException("table " + def.name() + " exists");
      }
      id[0] = catalog.newTableId();
      return List.of(new Change.CreateTable(id[0], def));
    });
    return catalog.table(id[0]);
  }

  /** Drops a table in its own committed transaction. */
  public void dropTable(Table table) {
    commitChanges(() -> List.of(new Change.DropTable(table.id())));
  }

  void commit(Transaction txn) {
    commitChanges(() -> changesOf(txn));
  }

  /** Checks a transaction against the committed state; caller holds the commit lock. */
  private List<Change> changesOf(Transaction txn) {
    List<Change> changes = new ArrayList<>();
    for (WriteSet ws : txn.writes().values()) {
      if (catalog.table(ws.table.id()) != ws.table) {
        throw new StoreException(
            Reason.WRITE_CONFLICT, "table " + ws.table.def().name() + " was dropped meanwhile");
      }
      for (Map.Entry<Long, Pending> e : ws.pending.entrySet()) {
        long rowId = e.getKey();
        Pending p = e.getValue();
        if (!p.isInsert() && (ws.table.head(rowId) != p.base() || !p.base().isLive())) {
          throw new StoreException(
              Reason.WRITE_CONFLICT,
              "a row of table " + ws.table.def().name()
                  + " was changed by a concurrent transaction; retry the transaction");
        }
        if (!p.isDelete()) {
          Object key = ws.table.primaryKeyOf(p.values());
          if (key != null && ws.duplicates(key, rowId)) {
            throw Transaction.duplicate(ws.table, key);
          }
        }
        int t = ws.table.id();
        changes.add(
            p.isDelete()
                ? new Change.Delete(t, rowId)
                : p.isInsert()
                    ? new Change.Insert(t, rowId, p.values())
                    : new Change.Update(t, rowId, p.values()));
      }
    }
    return changes;
  }

  /** Produces a transaction's changes under the commit lock. */
  @FunctionalInterface
  private interface ChangeSource {
    List<Change> changes();
  }

  /** Checks, logs, applies and publishes one transaction's changes. */
  private void commitChanges(ChangeSource source) {
    CompletableFuture<Void> durable = null;
    long ts;
    synchronized (commitLock) {
      checkWritable();
      List<Change> changes = source.changes();
      if (changes.isEmpty()) {
        return;
      }
      ts = lastAssignedTs + 1;
      LogRecord record = new LogRecord(ts, System.currentTimeMillis(), changes);
      ByteBuffer framed = appender == null ? null : ByteBuffer.wrap(RecordCodec.frame(record));
      lastAssignedTs = ts;
      pruneIfDue();
      // Apply before queueing: a group-commit leader may publish this timestamp as soon as the
      // record is queued, and by then every change must be in the tables (I2).
      Replay.apply(catalog, record);
      if (appender != null) {
        durable = appender.append(framed, ts);
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
      List<Table> tables;
      int nextTableId;
      Snapshots.Pin snapshotPin;
      CompletableFuture<Void> rotated;
      synchronized (commitLock) {
        checkWritable();
        generation = logGeneration + 1;
        snapshotTs = lastAssignedTs;
        // The catalog as of the rotation point: DDL after it is in the new log.
        tables = new ArrayList<>(catalog.tables());
        nextTableId = catalog.nextTableIdValue();
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
        SnapshotWriter.Written w = finishCheckpoint(generation, snapshotTs, tables, nextTableId);
        return new CheckpointResult(w.bytes(), w.tables(), w.rows(), (System.nanoTime() - start) / 1_000_000);
      }
    } finally {
      checkpointLock.unlock();
    }
  }

  /** Steps 2 to 4 of a checkpoint: snapshot as of {@code snapshotTs}, publish, drop the old log. */
  private SnapshotWriter.Written finishCheckpoint(
      long generation, long snapshotTs, List<Table> tables, int nextTableId) {
    tables.sort(Comparator.comparingInt(Table::id));
    try {
      SnapshotWriter.Written w = checkpointer.writeSnapshot(generation, snapshotTs, tables, nextTableId);
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
      if (appender != null && failure == null && appender.logSize() > org.vsldb.storage.log.LogFormat.HEADER_SIZE) {
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
  }

  public boolean isClosed() {
    return closed;
  }
}
