package org.vsldb.storage.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import org.vsldb.storage.log.CorruptionException;
import org.vsldb.storage.log.LogReader;
import org.vsldb.storage.snapshot.SnapshotReader;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.io.FileSystem;
import org.vsldb.storage.log.LogWriter;
import org.vsldb.storage.snapshot.CommitActivity;
import org.vsldb.storage.snapshot.SnapshotWriter;
import org.vsldb.storage.table.Catalog;

/**
 * The steps of a checkpoint, one method each, in the order the store runs them. Between any two
 * file operations a crash leaves a directory that recovery reads correctly:
 *
 * <ol>
 *   <li>{@link #rotateLog}: force the log of generation g; rename it to {@code database.vsl.old};
 *       create {@code database.vsl} of generation g+1 and force its header; sync the directory.
 *       Commits after the rotation point go to the new log. (Crash here: recovery replays the old
 *       log, and the new one if it got a header.)
 *   <li>{@link #writeSnapshot}: write every row visible at the rotation point to
 *       {@code database.db.tmp} and force it. (Crash: the temporary file is deleted at open.)
 *   <li>{@link #publishSnapshot}: rename it to {@code database.db} and sync the directory; this
 *       is the atomic switch to generation g+1 (invariant I8). With {@code archiveLog}, the
 *       snapshot being replaced is first linked into {@code archive/} and the archive synced.
 *       (Crash between: the archived snapshot is also still {@code database.db}; the repeated
 *       checkpoint links it again.)
 *   <li>{@link #dropPreviousLog}: delete {@code database.vsl.old}, or with {@code archiveLog}
 *       rename it into {@code archive/} and sync both folders. (Crash before: the old log is
 *       older than the snapshot, never replayed, and retired the same way at open.)
 * </ol>
 */
public final class Checkpointer {
  private final FileSystem fs;
  private final DatabaseFiles files;
  private final long databaseId;
  private final boolean syncWrites;
  private final boolean archive;

  /**
   * With {@code syncWrites}, the new log is opened for synchronous writes (durability=full); with
   * {@code archive}, finished generations go to {@code archive/} instead of being deleted.
   */
  public Checkpointer(FileSystem fs, DatabaseFiles files, long databaseId, boolean syncWrites, boolean archive) {
    this.fs = fs;
    this.files = files;
    this.databaseId = databaseId;
    this.syncWrites = syncWrites;
    this.archive = archive;
  }

  /** Step 1; runs on the log appender's thread. Returns the new log's writer. */
  public LogWriter rotateLog(LogWriter current, long newGeneration) throws IOException {
    current.force();
    current.close();
    fs.rename(files.log(), files.previousLog());
    LogWriter next = LogWriter.create(fs, files.log(), databaseId, newGeneration, syncWrites);
    fs.syncDirectory(files.dir());
    return next;
  }

  /**
   * Step 2: the rows of {@code tables} as of {@code snapshotTs}, written and forced, giving way to
   * commits while {@code activity} reports them, and reporting rows to {@code progress}.
   */
  public SnapshotWriter.Written writeSnapshot(
      long generation, long snapshotTs, Catalog.Image image, CommitActivity activity,
      org.vsldb.storage.Progress progress) throws IOException {
    return SnapshotWriter.write(fs, files.tempSnapshot(), databaseId, generation, snapshotTs, image,
        System.currentTimeMillis(), activity, progress);
  }

  /** Step 3: the snapshot becomes the database's by an atomic rename. */
  public void publishSnapshot() throws IOException {
    if (archive && fs.exists(files.snapshot())) {
      long g = SnapshotReader.readHeader(fs, files.snapshot()).generation();
      fs.createDirectories(files.archiveDir());
      fs.link(files.snapshot(), files.archivedSnapshot(g));
      fs.syncDirectory(files.archiveDir());
    }
    fs.rename(files.tempSnapshot(), files.snapshot());
    fs.syncDirectory(files.dir());
  }

  /** Step 4: the previous generation's log is no longer needed here. */
  public void dropPreviousLog() throws IOException {
    retire(fs, files, files.previousLog(), archive);
  }

  /**
   * Removes a finished log of the database: with {@code archive}, renames it to its generation's
   * name in {@code archive/}, else deletes it; then syncs the folders concerned. A log whose
   * header cannot be read is deleted even when archiving, since it holds no commits.
   */
  public static void retire(FileSystem fs, DatabaseFiles files, Path log, boolean archive) throws IOException {
    if (!fs.exists(log)) {
      return;
    }
    if (archive) {
      long g;
      try {
        g = LogReader.readHeader(fs, log).generation();
      } catch (CorruptionException e) {
        g = -1;
      }
      if (g >= 0) {
        fs.createDirectories(files.archiveDir());
        fs.rename(log, files.archivedLog(g));
        fs.syncDirectory(files.archiveDir());
        fs.syncDirectory(files.dir());
        return;
      }
    }
    fs.delete(log);
    fs.syncDirectory(files.dir());
  }
}
