package org.vsldb.storage;

import java.nio.file.Path;
import org.vsldb.storage.log.LogFormat;
import org.vsldb.storage.snapshot.SnapshotFormat;

/**
 * The files of one database directory (PRODUCT.md section 2, docs/FORMATS.md).
 *
 * @param dir the directory
 */
public record DatabaseFiles(Path dir) {
  /** The redo log of the current generation. */
  public Path log() {
    return dir.resolve(LogFormat.FILE_NAME);
  }

  /** The previous generation's log, kept only while a checkpoint is under way. */
  public Path previousLog() {
    return dir.resolve(LogFormat.PREVIOUS_FILE_NAME);
  }

  /** The snapshot. */
  public Path snapshot() {
    return dir.resolve(SnapshotFormat.FILE_NAME);
  }

  /** A snapshot being written; recovery deletes it. */
  public Path tempSnapshot() {
    return dir.resolve(SnapshotFormat.TEMP_FILE_NAME);
  }

  /** The lock file of writers. */
  public Path lock() {
    return dir.resolve(org.vsldb.storage.recovery.DirectoryLock.FILE_NAME);
  }

  /** Every file of the database: statements that write files must never touch these. */
  public java.util.List<Path> all() {
    return java.util.List.of(log(), previousLog(), snapshot(), tempSnapshot(), lock());
  }
}
