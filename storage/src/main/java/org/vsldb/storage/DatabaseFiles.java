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

  /** The folder of finished log generations and the snapshots they followed ({@code archiveLog=true}). */
  public Path archiveDir() {
    return dir.resolve(ARCHIVE_DIR);
  }

  /** The archived log of generation {@code g}: {@code archive/database-0000000042.vsl}. */
  public Path archivedLog(long g) {
    return archiveDir().resolve(archivedName(g) + LOG_SUFFIX);
  }

  /** The archived snapshot of generation {@code g}, which log {@code g} follows. */
  public Path archivedSnapshot(long g) {
    return archiveDir().resolve(archivedName(g) + SNAPSHOT_SUFFIX);
  }

  /**
   * The generation an archived file's name carries, or -1 when {@code name} is not an archived
   * file's name ending in {@code suffix}.
   */
  public static long archivedGeneration(String name, String suffix) {
    if (!name.startsWith(ARCHIVE_PREFIX) || !name.endsWith(suffix)) {
      return -1;
    }
    String digits = name.substring(ARCHIVE_PREFIX.length(), name.length() - suffix.length());
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  private static String archivedName(long g) {
    return ARCHIVE_PREFIX + String.format(java.util.Locale.ROOT, "%010d", g);
  }

  /** The archive folder's name inside the database directory. */
  public static final String ARCHIVE_DIR = "archive";
  private static final String ARCHIVE_PREFIX = "database-";
  /** The suffix of archived logs. */
  public static final String LOG_SUFFIX = ".vsl";
  /** The suffix of archived snapshots. */
  public static final String SNAPSHOT_SUFFIX = ".db";

  /**
   * Every file of the database, and the archive folder: statements that write files must never
   * touch these.
   */
  public java.util.List<Path> all() {
    return java.util.List.of(log(), previousLog(), snapshot(), tempSnapshot(), lock(), archiveDir());
  }
}
