package org.vsldb.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.WriteSet.Pending;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.log.LogWriter;
import org.vsldb.storage.recovery.Recovery;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * An open database: its catalog, its tables and, for a file database, its log. The facade of the
 * storage layer.
 *
 * <p>Commits are serialized by one lock. A commit is checked (write conflicts, keys), written to
 * the log and forced (I1), applied to the tables, and only then published by advancing
 * {@link #lastCommitTs()} (I2). Readers never lock: they read the versions visible at their
 * snapshot timestamp.
 */
public final class Store implements AutoCloseable {
  private final StoreConfig config;
  private final Catalog catalog;
  private final Recovery.Opened files;
  private final LogWriter log;
  private final Object commitLock = new Object();
  private final ScheduledExecutorService syncer;
  private volatile long lastCommitTs;
  private volatile StoreException failure;
  private volatile boolean closed;

  private Store(StoreConfig config, Catalog catalog, long lastCommitTs, Recovery.Opened files) {
    this.config = config;
    this.catalog = catalog;
    this.lastCommitTs = lastCommitTs;
    this.files = files;
    this.log = files == null ? null : files.log();
    if (log != null && config.durability() == Durability.INTERVAL) {
      syncer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "vsl-log-sync " + config.directory());
                t.setDaemon(true);
                return t;
              });
      syncer.scheduleWithFixedDelay(
          this::forceQuietly, config.syncIntervalMs(), config.syncIntervalMs(), TimeUnit.MILLISECONDS);
    } else {
      syncer = null;
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
    Recovery.Opened opened = Recovery.open(config);
    return new Store(config, opened.catalog(), opened.lastCommitTs(), opened);
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

  /** Starts a transaction that sees every commit published so far. */
  public Transaction begin() {
    checkOpen();
    return new Transaction(this, lastCommitTs);
  }

  /** Whether the store accepts writes. */
  public boolean isReadOnly() {
    return config.readOnly();
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
    synchronized (commitLock) {
      checkWritable();
      if (catalog.table(def.schema(), def.name()) != null) {
        throw new IllegalStateException("table " + def.name() + " exists");
      }
      int id = catalog.newTableId();
      commitChanges(List.of(new Change.CreateTable(id, def)));
      return catalog.table(id);
    }
  }

  /** Drops a table in its own committed transaction. */
  public void dropTable(Table table) {
    synchronized (commitLock) {
      checkWritable();
      commitChanges(List.of(new Change.DropTable(table.id())));
    }
  }

  void commit(Transaction txn) {
    synchronized (commitLock) {
      checkWritable();
      List<Change> changes = new ArrayList<>();
      for (WriteSet ws : txn.writes().values()) {
        if (catalog.table(ws.table.id()) != ws.table) {
          throw new StoreException(
              Reason.WRITE_CONFLICT, "table " + ws.table.def().name() + " was dropped meanwhile");
        }
        for (Map.Entry<Long, Pending> e : ws.pending.entrySet()) {
          long rowId = e.getKey();
          Pending p = e.getValue();
          if (!p.isInsert()) {
            if (ws.table.head(rowId) != p.base() || !p.base().isLive()) {
              throw new StoreException(
                  Reason.WRITE_CONFLICT,
                  "a row of table "
                      + ws.table.def().name()
                      + " was changed by a concurrent transaction; retry the transaction");
            }
          }
          if (!p.isDelete()) {
            List<Object> key = ws.table.primaryKeyOf(p.values());
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
      if (!changes.isEmpty()) {
        commitChanges(changes);
      }
    }
  }

  /** Logs, applies and publishes one transaction's changes; caller holds the commit lock. */
  private void commitChanges(List<Change> changes) {
    long ts = lastCommitTs + 1;
    LogRecord record = new LogRecord(ts, System.currentTimeMillis(), changes);
    if (log != null) {
      try {
        log.write(record);
        if (config.durability() == Durability.FULL) {
          log.force();
        }
      } catch (IOException e) {
        StoreException f =
            new StoreException(Reason.IO_ERROR, "writing " + log.file() + " failed: " + e, e);
        failure = f;
        throw f;
      }
    }
    Replay.apply(catalog, record);
    lastCommitTs = ts;
  }

  private void forceQuietly() {
    try {
      if (!closed && failure == null) {
        log.force();
      }
    } catch (IOException e) {
      failure = new StoreException(Reason.IO_ERROR, "forcing " + log.file() + " failed: " + e, e);
    }
  }

  /** Closes the store: forces the log and releases the directory lock. Idempotent. */
  @Override
  public void close() {
    synchronized (commitLock) {
      if (closed) {
        return;
      }
      closed = true;
      if (syncer != null) {
        syncer.shutdownNow();
      }
      if (files != null) {
        files.close(failure == null && log != null);
      }
    }
  }

  public boolean isClosed() {
    return closed;
  }
}
