package org.vsldb.storage.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.Replay;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.log.CorruptionException;
import org.vsldb.storage.log.LogReader;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.recovery.Recovery;
import org.vsldb.storage.snapshot.SnapshotReader;
import org.vsldb.storage.table.Catalog;

/**
 * Rebuilds a database as it was at a moment ({@code recoverTo}, docs/RECOVERY.md "Point-in-time
 * recovery"): the newest snapshot written at or before the moment (or the empty database of
 * generation 0), then its log and every later one, commit by commit, up to the last commit whose
 * wall-clock time is at or before the moment. Commit times never decrease along the log (the store
 * stamps each commit no earlier than the one before), so the state is always a prefix of the
 * commits: exactly those committed at or before the moment.
 *
 * <p>It reads files only, takes no lock and writes nothing, so it runs beside a writer; only the
 * files it needs are read, and a damaged file it needs fails the open with the file and offset.
 */
public final class PointInTime {
  private PointInTime() {}

  /** Recovers {@code config}'s directory as of {@code atMillis} (ms since 1970-01-01T00:00Z). */
  public static Recovery.Recovered recover(StoreConfig config, long atMillis) {
    Path dir = config.directory();
    if (!Files.isDirectory(dir)) {
      throw new StoreException(Reason.CANNOT_OPEN, "database " + dir + " does not exist");
    }
    try {
      return new Run(config.fileSystem(), new DatabaseFiles(dir), atMillis).run();
    } catch (StoreException e) {
      throw e;
    } catch (CorruptionException e) {
      throw new StoreException(Reason.CORRUPTION, "recovering to " + Instant.ofEpochMilli(atMillis)
          + " needs a damaged file: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(Reason.IO_ERROR, "cannot recover " + dir + " to "
          + Instant.ofEpochMilli(atMillis) + ": " + e, e);
    }
  }

  private static final class Run {
    private final FileSystem fs;
    private final DatabaseFiles files;
    private final long at;
    private final Catalog catalog = new Catalog();
    private Long databaseId;
    private long snapshotTs;
    private long lastTs;
    private long lastWall;
    private boolean reachedMoment;

    Run(FileSystem fs, DatabaseFiles files, long at) {
      this.fs = fs;
      this.files = files;
      this.at = at;
    }

    Recovery.Recovered run() throws IOException {
      Generations gens = Generations.list(fs, files);
      if (gens.all().isEmpty()) {
        throw new StoreException(Reason.CANNOT_OPEN, "no database in " + files.dir());
      }
      long base = base(gens);
      long g = base;
      catalog.beginBulkLoad();
      try {
        Generations.Generation first = gens.get(base);
        if (base > 0) {
          SnapshotReader.Header h = SnapshotReader.load(fs, first.snapshot(), catalog);
          databaseId = h.databaseId();
          snapshotTs = h.snapshotTs();
          lastTs = snapshotTs;
        }
        long newest = gens.all().lastKey();
        for (; g <= newest && !reachedMoment; g++) {
          Generations.Generation gen = gens.get(g);
          if (gen == null || gen.log() == null) {
            throw new StoreException(Reason.CANNOT_OPEN, "cannot recover to " + Instant.ofEpochMilli(at)
                + ": the log of generation " + g + " is not in " + files.archiveDir()
                + " (was archiveLog off when it was finished?); the state goes only as far as "
                + (lastWall == 0 ? "the snapshot of generation " + base : Instant.ofEpochMilli(lastWall)));
          }
          replay(gen.log());
        }
      } finally {
        catalog.endBulkLoad();
      }
      return new Recovery.Recovered(() -> catalog, lastTs, databaseId == null ? 0 : databaseId, g - 1, null,
          null, false, lastWall);
    }

    /**
     * The generation to start from: the newest with a snapshot written at or before the moment
     * whose log chain is there, else generation 0 (the empty database) when its log is archived.
     */
    private long base(Generations gens) throws IOException {
      Long oldestSnapshotTime = null;
      for (Generations.Generation gen : gens.all().descendingMap().values()) {
        if (gen.snapshot() != null) {
          long written = SnapshotReader.readHeader(fs, gen.snapshot()).wallClockMillis();
          oldestSnapshotTime = written;
          if (written <= at) {
            return gen.generation();
          }
        }
      }
      Generations.Generation zero = gens.get(0L);
      if (zero != null && zero.log() != null) {
        return 0;
      }
      throw new StoreException(Reason.CANNOT_OPEN, "cannot recover to " + Instant.ofEpochMilli(at)
          + ": " + (oldestSnapshotTime == null
              ? "there is no snapshot in " + files.archiveDir() + " and the log of generation 0 is not archived"
              : "the oldest snapshot there is, in " + files.archiveDir() + " or " + files.snapshot().getFileName()
                  + ", was written at " + Instant.ofEpochMilli(oldestSnapshotTime)
                  + ", and the log of generation 0 is not archived"));
    }

    /** Applies the commits of {@code log} up to the moment; stops the whole run after it. */
    private void replay(Path log) throws IOException {
      LogReader.Header h = LogReader.readHeader(fs, log);
      if (databaseId != null && h.databaseId() != databaseId) {
        throw new CorruptionException(log, 16, "log belongs to another database (id "
            + Long.toHexString(h.databaseId()) + ", expected " + Long.toHexString(databaseId) + ")");
      }
      databaseId = h.databaseId();
      try {
        LogReader.read(fs, log, this::apply);
      } catch (Stop stop) {
        reachedMoment = true;
      } catch (IllegalStateException e) {
        throw new CorruptionException(log, -1, e.getMessage());
      }
    }

    private void apply(LogRecord record) {
      if (record.commitTs() <= snapshotTs) {
        return;
      }
      if (record.wallClockMillis() > at) {
        throw new Stop();
      }
      if (record.commitTs() != lastTs + 1) {
        throw new IllegalStateException("commit " + record.commitTs() + " follows commit " + lastTs
            + ": commits are missing");
      }
      Replay.apply(catalog, record);
      lastTs = record.commitTs();
      lastWall = record.wallClockMillis();
    }
  }

  /** Ends reading a log at the first commit after the moment. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }
}
