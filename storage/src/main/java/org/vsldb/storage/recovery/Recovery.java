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
 *  CLEAN ──[loadSnapshot: check]──▶ CHECKED_SNAPSHOT       generation s, covers commits ≤ S; every
 *        (no database.db: s = 0, S = 0, empty catalog)     block's checksum and the END block
 *  CHECKED_SNAPSHOT ──[replayPrevious: check]──▶ ...       database.vsl.old: gen s → to replay;
 *                                                           gen &lt; s → stale, deleted (archived
 *                                                           with archiveLog); else FAILED
 *         ──[replayCurrent: check]──▶ CHECKED              database.vsl: gen s, or s+1 after an
 *                                                           old log of gen s → to replay; gen &lt; s
 *                                                           → stale, replaced; torn creation → dropped
 *  CHECKED ──[cutTail]──▶ OPEN                             torn tail truncated (I3); open returns
 *  OPEN ──[loadCatalog]──▶ READY                           snapshot loaded, logs replayed (on the
 *                                                           store's loading thread unless readOnly);
 *                                                           an interrupted checkpoint is finished
 *                                                           (snapshot of everything replayed, then
 *                                                           database.vsl.old deleted); every use of
 *                                                           the catalog waits until READY
 *  any before OPEN ──[damage, foreign file, gap in commits]──▶ FAILED  (I4, I5; lock released)
 *  OPEN ──[a record that passed its checksum does not fit the tables; I/O error]──▶ FAILED_LOAD
 *                                                           every use of the catalog throws; nothing
 *                                                           written; close releases the lock
 * </pre>
 *
 * The checks read every byte the load will read and apply every rule that tells a torn tail from
 * damage, so what the load finds wrong is only what no checksum can show.
 *
 * Replay applies only records with a commit timestamp above the snapshot's, and requires them to
 * follow each other without a gap, so a log is never replayed onto a newer snapshot (I5).
 */
public final class Recovery {
  private Recovery() {}

  /**
   * Makes the catalog a recovery checked: loads the snapshot and replays the logs into a new
   * catalog. Runs once, on any thread, after {@link #open} returned.
   */
  @FunctionalInterface
  public interface Loader {
    /**
     * The loaded catalog.
     *
     * @throws StoreException with {@link Reason#CORRUPTION} or {@link Reason#IO_ERROR}
     */
    Catalog load();
  }

  /**
   * What a successful open hands to the store.
   *
   * @param loader loads the tables: every file was checked already (checksums, headers,
   *     generations, the order of commits), so it fails only on a record whose checksum holds
   *     but whose contents do not fit the tables, or on an I/O error
   * @param logGeneration the generation of {@code database.vsl}
   * @param log the log to append to (null when read-only)
   * @param finishCheckpoint whether a checkpoint was interrupted and must be finished
   * @param lastWallClockMillis the wall-clock time of the newest commit recovered (0 for none):
   *     commits after it are never stamped earlier, so the log's times only grow
   */
  public record Recovered(
      Loader loader,
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
    } catch (IOException | RuntimeException e) {
      closeLock(lock);
      throw failure(dir, e);
    }
  }

  /** The store's exception for a failure to open or load {@code dir}. */
  private static StoreException failure(Path dir, Exception e) {
    if (e instanceof StoreException s) {
      return s;
    }
    if (e instanceof CorruptionException c) {
      return new StoreException(Reason.CORRUPTION, "database is damaged: " + c.getMessage(), c);
    }
    return new StoreException(Reason.IO_ERROR, "cannot open database " + dir + ": " + e, e);
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
        Run run = new Run(config, files, null);
        r = run.run();
        Catalog loaded = run.loadCatalog();
        r = new Recovered(() -> loaded, r.lastCommitTs(), r.databaseId(), r.logGeneration(), r.log(), r.lock(),
            r.finishCheckpoint(), r.lastWallClockMillis());
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

  /**
   * One recovery: the state machine's transitions as methods, in order. They check the files and
   * decide; {@link #loadCatalog} then reads the same files again and builds the tables.
   */
  private static final class Run {
    private final StoreConfig config;
    private final FileSystem fs;
    private final DatabaseFiles files;
    private final DirectoryLock lock;
    private final boolean writable;
    private final boolean syncWrites;
    private long snapshotGeneration;
    private long snapshotTs;
    private boolean hasSnapshot;
    private Long databaseId;
    private long lastTs;
    private long lastWall;
    /**
     * The logs to replay onto the snapshot, in order, under the names they have once the run ends,
     * each up to the end of its last good record as the check found it (a writer may append to
     * it meanwhile, beside a read-only open).
     */
    private final List<ToReplay> replayed = new java.util.ArrayList<>();

    private record ToReplay(Path log, long validEnd) {}

    Run(StoreConfig config, DatabaseFiles files, DirectoryLock lock) {
      this.config = config;
      this.fs = config.fileSystem();
      this.files = files;
      this.lock = lock;
      this.writable = !config.readOnly();
      this.syncWrites = config.durability() == org.vsldb.storage.Durability.FULL;
    }

    Recovered run() throws IOException {
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
        if (current.generation() < snapshotGeneration && !previousReplayed) {
          return replaceStaleLog(current);
        }
        throw new CorruptionException(files.log(), LogFormat.MAGIC.length + 8,
            "log generation " + current.generation() + " does not follow snapshot generation "
                + snapshotGeneration);
      }
      LogReader.Result result = checkLog(files.log());
      replayed.add(new ToReplay(files.log(), result.validEnd()));
      LogWriter writer = writable ? LogWriter.append(fs, files.log(), result.validEnd(), syncWrites) : null;
      if (hasPrevious && !previousReplayed && writable) {
        // stale: the snapshot already covers it (archived, with archiveLog)
        Checkpointer.retire(fs, files, files.previousLog(), config.archiveLog());
      }
      return recovered(current.generation(), writer, previousReplayed && writable);
    }

    private Recovered recovered(long logGeneration, LogWriter writer, boolean finishCheckpoint) {
      return new Recovered(this::load, lastTs, databaseId, logGeneration, writer, lock, finishCheckpoint, lastWall);
    }

    private Catalog load() {
      try {
        return loadCatalog();
      } catch (IOException | RuntimeException e) {
        throw failure(files.dir(), e);
      }
    }

    /**
     * Loads the snapshot and replays the logs the run checked into a new catalog, and requires
     * them to hold what the run found (the same snapshot, the same last commit).
     */
    Catalog loadCatalog() throws IOException {
      Catalog catalog = new Catalog();
      catalog.beginBulkLoad();
      try {
        long ts = 0;
        if (hasSnapshot) {
          SnapshotReader.Header h = SnapshotReader.load(fs, files.snapshot(), catalog);
          if (h.generation() != snapshotGeneration || h.snapshotTs() != snapshotTs) {
            throw new CorruptionException(files.snapshot(), 0, "the snapshot changed while the database was opened");
          }
          ts = snapshotTs;
        }
        for (ToReplay r : replayed) {
          ts = replayInto(catalog, r.log(), r.validEnd(), ts);
        }
        if (ts != lastTs) {
          throw new CorruptionException(replayed.isEmpty() ? files.snapshot() : replayed.get(replayed.size() - 1).log(), -1,
              "the last commit loaded is " + ts + ", but the open found " + lastTs);
        }
      } finally {
        catalog.endBulkLoad();
      }
      return catalog;
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
      SnapshotReader.Header h = SnapshotReader.verify(fs, files.snapshot());
      hasSnapshot = true;
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
      LogReader.Result r = checkLog(files.previousLog());
      replayed.add(new ToReplay(files.previousLog(), r.validEnd()));
      return r;
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

    /**
     * Checks the records of {@code log} as replay will read them: frames and checksums, the tail
     * (I3, I4), and that the commits after the snapshot follow each other without a gap (I5).
     * Records the last commit's timestamp and wall-clock time.
     */
    private LogReader.Result checkLog(Path log) throws IOException {
      long[] count = {0};
      try {
        LogReader.Result r = LogReader.check(fs, log, (offset, payload) -> {
          long ts = payload.getLong(payload.position());
          if (ts <= snapshotTs) {
            return true; // already in the snapshot
          }
          checkFollows(ts, lastTs);
          lastTs = ts;
          lastWall = Math.max(lastWall, payload.getLong(payload.position() + 8));
          count[0]++;
          return true;
        });
        if (databaseId == null) {
          databaseId = r.header().databaseId();
        }
        return r;
      } catch (IllegalStateException e) {
        throw new CorruptionException(log, -1, "record after " + count[0] + " replayed: " + e.getMessage());
      }
    }

    private static void checkFollows(long ts, long last) {
      if (ts != last + 1) {
        throw new IllegalStateException("commit " + ts + " follows commit " + last + ": commits are missing");
      }
    }

    /**
     * Replays the records of {@code log} before {@code validEnd} and after commit {@code ts} into
     * {@code catalog}, decoding on this thread and applying on another ({@link ReplayPipeline});
     * returns the last commit.
     */
    private long replayInto(Catalog catalog, Path log, long validEnd, long ts) throws IOException {
      long[] last = {ts};
      long[] count = {0};
      try {
        try (ReplayPipeline pipeline = new ReplayPipeline(catalog, (batch, i) -> {
          long commit = batch.commitTs(i);
          checkFollows(commit, last[0]);
          Replay.applyCommit(catalog, batch, i);
          last[0] = commit;
          count[0]++;
        })) {
          LogReader.scan(fs, log, (offset, payload) -> {
            if (offset >= validEnd) {
              return false; // appended after the check
            }
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
        return last[0];
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
      databaseId = id;
      return recovered(0, log, false);
    }

    private Recovered missingLog() throws CorruptionException {
      throw new CorruptionException(files.log(), 0,
          "the log is missing while the snapshot exists; commits after the snapshot would be lost");
    }

    /** The checkpoint crashed while creating the new log: the previous log becomes current again. */
    private Recovered restorePrevious(LogReader.Result previous) throws IOException {
      if (!writable) {
        return recovered(snapshotGeneration, null, false);
      }
      fs.delete(files.log());
      fs.rename(files.previousLog(), files.log());
      fs.syncDirectory(files.dir());
      replayed.set(replayed.size() - 1, new ToReplay(files.log(), previous.validEnd()));
      LogWriter w = LogWriter.append(fs, files.log(), previous.validEnd(), syncWrites);
      return recovered(snapshotGeneration, w, false);
    }

    /** The current log is older than the snapshot: never replayed (I5); a fresh log replaces it. */
    private Recovered replaceStaleLog(LogReader.Header stale) throws IOException {
      if (!writable) {
        return recovered(snapshotGeneration, null, false);
      }
      Checkpointer.retire(fs, files, files.previousLog(), config.archiveLog());
      if (config.archiveLog()) {
        Checkpointer.retire(fs, files, files.log(), true);
      }
      LogWriter w = LogWriter.create(fs, files.log(), databaseId, snapshotGeneration, syncWrites);
      fs.syncDirectory(files.dir());
      return recovered(snapshotGeneration, w, false);
    }
  }

  private static void closeLock(DirectoryLock lock) {
    if (lock != null) {
      lock.close();
    }
  }
}
