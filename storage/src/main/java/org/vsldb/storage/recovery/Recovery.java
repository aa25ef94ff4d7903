package org.vsldb.storage.recovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.Replay;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.checkpoint.Checkpointer;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.log.CorruptionException;
import org.vsldb.storage.log.LogFormat;
import org.vsldb.storage.log.LogReader;
import org.vsldb.storage.log.LogWriter;
import org.vsldb.storage.snapshot.SnapshotReader;
import org.vsldb.storage.table.Catalog;

/**
 * Opens a database directory. Recovery is a state machine driven by the files on disk (see
 * docs/RECOVERY.md, which draws the same machine):
 *
 * <pre>
 *  START ──[lockDirectory]──▶ LOCKED                      (readOnly: no lock, nothing written)
 *  LOCKED ──[deleteTempSnapshot]──▶ CLEAN                  database.db.tmp is never valid
 *  CLEAN ──[loadSnapshot]──▶ LOADED                        generation s, covers commits ≤ S
 *        (no database.db: s = 0, S = 0, empty catalog)
 *  LOADED ──[replayPrevious]──▶ ...                        database.vsl.old: gen s → replay;
 *                                                           gen &lt; s → stale, deleted (archived
 *                                                           with archiveLog); else FAILED
 *         ──[replayCurrent]──▶ REPLAYED                    database.vsl: gen s, or s+1 after an
 *                                                           old log of gen s → replay; gen &lt; s →
 *                                                           stale, replaced; torn creation → dropped
 *  REPLAYED ──[cutTail]──▶ READY                           torn tail truncated (I3)
 *  READY: the store finishes an interrupted checkpoint (snapshot of everything replayed, then
 *         database.vsl.old deleted) before it accepts work.
 *  any ──[damage, foreign file, gap in commits]──▶ FAILED  (I4, I5; lock released)
 * </pre>
 *
 * Replay applies only records with a commit timestamp above the snapshot's, and requires them to
 * follow each other without a gap, so a log is never replayed onto a newer snapshot (I5).
 */
public final class Recovery {
  private Recovery() {}

  /**
   * What a successful open hands to the store.
   *
   * @param logGeneration the generation of {@code database.vsl}
   * @param log the log to append to (null when read-only)
   * @param finishCheckpoint whether a checkpoint was interrupted and must be finished
   * @param lastWallClockMillis the wall-clock time of the newest commit recovered (0 for none):
   *     commits after it are never stamped earlier, so the log's times only grow
   */
  public record Recovered(
      Catalog catalog,
      long lastCommitTs,
      long databaseId,
      long logGeneration,
      LogWriter log,
      DirectoryLock lock,
      boolean finishCheckpoint,
      long lastWallClockMillis) {}

  /** Runs recovery for the file database {@code config} names. */
  public static Recovered open(StoreConfig config) {
    Path dir = config.directory();
    FileSystem fs = config.fileSystem();
    if (!java.nio.file.Files.isDirectory(dir)) {
      if (!config.create() || config.readOnly()) {
        throw new StoreException(Reason.CANNOT_OPEN, "database " + dir + " does not exist");
      }
      try {
        fs.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreException(Reason.CANNOT_OPEN, "cannot create directory " + dir + ": " + e, e);
      }
    }
    DirectoryLock lock = config.readOnly() ? null : DirectoryLock.acquire(dir);
    try {
      return config.readOnly()
          ? readOnly(config, new DatabaseFiles(dir))
          : new Run(config, new DatabaseFiles(dir), lock).run();
    } catch (StoreException e) {
      closeLock(lock);
      throw e;
    } catch (CorruptionException e) {
      closeLock(lock);
      throw new StoreException(Reason.CORRUPTION, "database is damaged: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      closeLock(lock);
      throw new StoreException(Reason.IO_ERROR, "cannot open database " + dir + ": " + e, e);
    }
  }

  /** Attempts of a read-only open while a writer keeps renaming the files under it. */
  private static final int READ_ONLY_ATTEMPTS = 50;

  /**
   * A read-only open, which takes no lock, so a writer may checkpoint while it reads: between
   * loading the snapshot and reading the logs, the logs may have moved on to the next generation,
   * the previous log may have gone, or {@code database.vsl} may have become the next generation's
   * log between reading its header and replaying it. So a run counts only if the files it read are
   * the same files (by identity; appends do not count) when it ends as when it began; otherwise,
   * failed or not, it runs again on the new files. A failure on files that stayed put is real and
   * is reported.
   */
  private static Recovered readOnly(StoreConfig config, DatabaseFiles files) throws IOException {
    for (int attempt = 1; ; attempt++) {
      List<Object> before = identities(files);
      Recovered r;
      try {
        r = new Run(config, files, null).run();
      } catch (CorruptionException | java.nio.file.NoSuchFileException e) {
        if (attempt >= READ_ONLY_ATTEMPTS || identities(files).equals(before)) {
          throw e;
        }
        pause(attempt, e);
        continue;
      }
      if (identities(files).equals(before)) {
        return r; // nothing to close: a read-only recovery holds no lock and no writer
      }
      if (attempt >= READ_ONLY_ATTEMPTS) {
        // never hand out a state read from files that were renamed under the run
        throw new StoreException(Reason.CANNOT_OPEN, "a writer checkpointed during each of "
            + READ_ONLY_ATTEMPTS + " attempts to open " + files.dir() + " read-only; try again");
      }
      pause(attempt, null);
    }
  }

  private static void pause(int attempt, IOException failure) throws IOException {
    try {
      Thread.sleep(Math.min(2L * attempt, 50));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw failure != null ? failure : new java.io.InterruptedIOException("read-only open interrupted");
    }
  }

  /**
   * Which files the snapshot and both logs are: their file keys (inodes), or where the file system
   * has none, their creation times; a checkpoint's renames change them, appends do not.
   */
  private static List<Object> identities(DatabaseFiles files) {
    List<Object> s = new java.util.ArrayList<>();
    for (Path p : List.of(files.snapshot(), files.log(), files.previousLog())) {
      try {
        var a = java.nio.file.Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
        s.add(a.fileKey() != null ? a.fileKey() : a.creationTime());
      } catch (IOException e) {
        s.add("absent");
      }
    }
    return s;
  }

  /** One recovery: the state machine's transitions as methods, in order. */
  private static final class Run {
    private final StoreConfig config;
    private final FileSystem fs;
    private final DatabaseFiles files;
    private final DirectoryLock lock;
    private final boolean writable;
    private final boolean syncWrites;
    private final Catalog catalog = new Catalog();
    private long snapshotGeneration;
    private long snapshotTs;
    private Long databaseId;
    private long lastTs;
    private long lastWall;

    Run(StoreConfig config, DatabaseFiles files, DirectoryLock lock) {
      this.config = config;
      this.fs = config.fileSystem();
      this.files = files;
      this.lock = lock;
      this.writable = !config.readOnly();
      this.syncWrites = config.durability() == org.vsldb.storage.Durability.FULL;
    }

    Recovered run() throws IOException {
      catalog.beginBulkLoad();
      try {
        return runLoading();
      } finally {
        catalog.endBulkLoad();
      }
    }

    private Recovered runLoading() throws IOException {
      deleteTempSnapshot();
      loadSnapshot();
      boolean hasPrevious = fs.exists(files.previousLog());
      boolean hasLog = fs.exists(files.log());
      if (!hasPrevious && !hasLog) {
        return snapshotGeneration == 0 && databaseId == null ? createDatabase() : missingLog();
      }
      LogReader.Result previous = hasPrevious ? replayPrevious() : null;
      boolean previousReplayed = previous != null;
      LogReader.Header current = hasLog ? currentHeader(previousReplayed) : null;
      if (current == null) {
        // No usable current log: the crash came while the checkpoint created it.
        if (previousReplayed) {
          return restorePrevious(previous);
        }
        if (!hasPrevious && snapshotGeneration == 0 && databaseId == null) {
          fs.delete(files.log());
          return createDatabase();
        }
        throw new CorruptionException(files.log(), 0, "the log has no valid header");
      }
      checkDatabaseId(files.log(), current.databaseId());
      boolean replayCurrent =
          current.generation() == snapshotGeneration
              || (previousReplayed && current.generation() == snapshotGeneration + 1);
      if (!replayCurrent) {
        if (current.generation() < snapshotGeneration) {
          return replaceStaleLog(current);
        }
        throw new CorruptionException(files.log(), LogFormat.MAGIC.length + 8,
            "log generation " + current.generation() + " does not follow snapshot generation "
                + snapshotGeneration);
      }
      LogReader.Result result = replay(files.log());
      LogWriter writer = writable ? LogWriter.append(fs, files.log(), result.validEnd(), syncWrites) : null;
      if (hasPrevious && !previousReplayed && writable) {
        // stale: the snapshot already covers it (archived, with archiveLog)
        Checkpointer.retire(fs, files, files.previousLog(), config.archiveLog());
      }
      return new Recovered(catalog, lastTs, databaseId, current.generation(), writer, lock,
          previousReplayed && writable, lastWall);
    }

    private void deleteTempSnapshot() throws IOException {
      if (writable && fs.exists(files.tempSnapshot())) {
        fs.delete(files.tempSnapshot());
        fs.syncDirectory(files.dir());
      }
    }

    private void loadSnapshot() throws IOException {
      if (!fs.exists(files.snapshot())) {
        return;
      }
      SnapshotReader.Header h = SnapshotReader.load(fs, files.snapshot(), catalog);
      snapshotGeneration = h.generation();
      snapshotTs = h.snapshotTs();
      databaseId = h.databaseId();
      lastTs = snapshotTs;
    }

    private LogReader.Result replayPrevious() throws IOException {
      LogReader.Header h = LogReader.readHeader(fs, files.previousLog());
      checkDatabaseId(files.previousLog(), h.databaseId());
      if (h.generation() < snapshotGeneration) {
        return null; // stale; deleted once the current log is settled
      }
      if (h.generation() > snapshotGeneration) {
        throw new CorruptionException(files.previousLog(), LogFormat.MAGIC.length + 8,
            "log generation " + h.generation() + " is newer than snapshot generation " + snapshotGeneration);
      }
      return replay(files.previousLog());
    }

    /** The current log's header, or null when the file is a torn creation (shorter than a header). */
    private LogReader.Header currentHeader(boolean previousReplayed) throws IOException {
      try {
        return LogReader.readHeader(fs, files.log());
      } catch (CorruptionException e) {
        long size;
        try (var f = fs.openReadOnly(files.log())) {
          size = f.size();
        }
        if (size <= LogFormat.HEADER_SIZE && (previousReplayed || (snapshotGeneration == 0 && databaseId == null))) {
          return null;
        }
        throw e;
      }
    }

    private LogReader.Result replay(Path log) throws IOException {
      long[] count = {0};
      try {
        LogReader.Result r;
        try (ReplayPipeline pipeline = new ReplayPipeline(catalog, (batch, i) -> {
          long ts = batch.commitTs(i);
          if (ts != lastTs + 1) {
            throw new IllegalStateException("commit " + ts + " follows commit " + lastTs
                + ": commits are missing");
          }
          Replay.applyCommit(catalog, batch, i);
          lastTs = ts;
          lastWall = Math.max(lastWall, batch.wallClock(i));
          count[0]++;
        })) {
          r = LogReader.scan(fs, log, (offset, payload) -> {
            if (payload.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(payload.position()) <= snapshotTs) {
              return true; // already in the snapshot
            }
            try {
              pipeline.accept(offset, payload);
            } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
              throw new Malformed(offset, e.getMessage());
            }
            return true;
          });
        }
        if (databaseId == null) {
          databaseId = r.header().databaseId();
        }
        return r;
      } catch (Malformed e) {
        throw new CorruptionException(log, e.offset, "malformed record: " + e.getMessage());
      } catch (IllegalStateException e) {
        throw new CorruptionException(log, -1, "record after " + count[0] + " replayed: " + e.getMessage());
      }
    }

    /** A record whose payload passed its checksum but does not decode. */
    private static final class Malformed extends RuntimeException {
      private final long offset;

      Malformed(long offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
      }
    }

    private void checkDatabaseId(Path log, long id) throws CorruptionException {
      if (databaseId != null && databaseId != id) {
        throw new CorruptionException(log, 16,
            "log belongs to another database (id " + Long.toHexString(id) + ", expected "
                + Long.toHexString(databaseId) + ")");
      }
    }

    private Recovered createDatabase() throws IOException {
      if (!config.create() || !writable) {
        throw new StoreException(Reason.CANNOT_OPEN, "no database in " + files.dir());
      }
      long id = new SecureRandom().nextLong();
      LogWriter log = LogWriter.create(fs, files.log(), id, 0, syncWrites);
      fs.syncDirectory(files.dir());
      return new Recovered(catalog, 0, id, 0, log, lock, false, lastWall);
    }

    private Recovered missingLog() throws CorruptionException {
      throw new CorruptionException(files.log(), 0,
          "the log is missing while the snapshot exists; commits after the snapshot would be lost");
    }

    /** The checkpoint crashed while creating the new log: the previous log becomes current again. */
    private Recovered restorePrevious(LogReader.Result previous) throws IOException {
      if (!writable) {
        return new Recovered(catalog, lastTs, databaseId, snapshotGeneration, null, lock, false, lastWall);
      }
      fs.delete(files.log());
      fs.rename(files.previousLog(), files.log());
      fs.syncDirectory(files.dir());
      LogWriter w = LogWriter.append(fs, files.log(), previous.validEnd(), syncWrites);
      return new Recovered(catalog, lastTs, databaseId, snapshotGeneration, w, lock, false, lastWall);
    }

    /** The current log is older than the snapshot: never replayed (I5); a fresh log replaces it. */
    private Recovered replaceStaleLog(LogReader.Header stale) throws IOException {
      if (!writable) {
        return new Recovered(catalog, lastTs, databaseId, snapshotGeneration, null, lock, false, lastWall);
      }
      Checkpointer.retire(fs, files, files.previousLog(), config.archiveLog());
      if (config.archiveLog()) {
        Checkpointer.retire(fs, files, files.log(), true);
      }
      LogWriter w = LogWriter.create(fs, files.log(), databaseId, snapshotGeneration, syncWrites);
      fs.syncDirectory(files.dir());
      return new Recovered(catalog, lastTs, databaseId, snapshotGeneration, w, lock, false, lastWall);
    }
  }

  private static void closeLock(DirectoryLock lock) {
    if (lock != null) {
      lock.close();
    }
  }
}
