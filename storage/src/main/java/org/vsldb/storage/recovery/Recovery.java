package org.vsldb.storage.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.vsldb.storage.Replay;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.log.CorruptionException;
import org.vsldb.storage.log.LogFormat;
import org.vsldb.storage.log.LogReader;
import org.vsldb.storage.log.LogWriter;
import org.vsldb.storage.table.Catalog;

/**
 * Opens a database directory. Recovery is a state machine driven by what is on disk:
 *
 * <pre>
 *   START --[lock]--------------------> LOCKED          (readOnly: no lock, straight to LOCKED)
 *   LOCKED --[no log, create]---------> CREATE --[createLog]--> READY
 *   LOCKED --[no log, !create]--------> FAILED (CANNOT_OPEN)
 *   LOCKED --[log]--------------------> REPLAY --[replayLog]--> CUT_TAIL --[openForAppend]--> READY
 *   REPLAY --[bad header or damage]---> FAILED (CORRUPTION, with file and offset: I4, I5)
 *   CUT_TAIL: a torn or zero-filled tail after the last good record is truncated (I3);
 *             readOnly leaves the file untouched and ignores the tail.
 *   FAILED releases the lock.
 * </pre>
 */
public final class Recovery {
  private Recovery() {}

  /** What a successful open hands to the store. */
  public record Opened(
      Catalog catalog, long lastCommitTs, long databaseId, LogWriter log, DirectoryLock lock) {

    /** Closes the log (forcing it first when {@code force}) and releases the lock. */
    public void close(boolean force) {
      try {
        if (log != null) {
          if (force) {
            log.force();
          }
          log.close();
        }
      } catch (IOException ignored) {
        // every acknowledged commit was forced already, or its durability mode allowed the loss
      } finally {
        if (lock != null) {
          lock.close();
        }
      }
    }
  }

  /** Runs recovery for the file database {@code config} names. */
  public static Opened open(StoreConfig config) {
    Path dir = config.directory();
    Path logFile = dir.resolve(LogFormat.FILE_NAME);
    if (!Files.isDirectory(dir)) {
      if (!config.create() || config.readOnly()) {
        throw new StoreException(Reason.CANNOT_OPEN, "database " + dir + " does not exist");
      }
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreException(Reason.CANNOT_OPEN, "cannot create directory " + dir + ": " + e, e);
      }
    }
    DirectoryLock lock = config.readOnly() ? null : DirectoryLock.acquire(dir);
    try {
      if (!Files.exists(logFile)) {
        if (!config.create() || config.readOnly()) {
          throw new StoreException(Reason.CANNOT_OPEN, "no database in " + dir);
        }
        long dbId = new SecureRandom().nextLong();
        LogWriter log = LogWriter.create(logFile, dbId, 0);
        syncDirectory(dir);
        return new Opened(new Catalog(), 0, dbId, log, lock);
      }
      Catalog catalog = new Catalog();
      LogReader.Result result = replayLog(logFile, catalog);
      LogWriter log = config.readOnly() ? null : LogWriter.append(logFile, result.validEnd());
      return new Opened(catalog, result.lastCommitTs(), result.header().databaseId(), log, lock);
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

  private static LogReader.Result replayLog(Path logFile, Catalog catalog) throws IOException {
    long[] offset = {0};
    try {
      return LogReader.read(
          logFile,
          r -> {
            Replay.apply(catalog, r);
            offset[0]++;
          });
    } catch (IllegalStateException e) {
      throw new CorruptionException(
          logFile, -1, "record " + (offset[0] + 1) + " does not apply: " + e.getMessage());
    }
  }

  /** Forces a directory so that a file created or renamed in it survives a crash. */
  static void syncDirectory(Path dir) {
    try (var ch = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // some platforms cannot open directories; the file's own force is all they offer
    }
  }

  private static void closeLock(DirectoryLock lock) {
    if (lock != null) {
      lock.close();
    }
  }
}
