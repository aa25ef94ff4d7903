package org.vsldb.storage;

import java.nio.file.Path;
import org.vsldb.storage.io.FileSystem;

/**
 * How to open a store.
 *
 * @param directory the database directory, or null for an in-memory store
 * @param durability when commits are forced
 * @param syncIntervalMs the force period for {@link Durability#INTERVAL}
 * @param checkpointLogBytes the log size that starts an automatic checkpoint; 0 turns them off
 * @param create whether a missing database is created
 * @param readOnly whether the store refuses writes and takes no lock
 * @param lockTimeoutMs how long a transaction waits for a row another one is changing
 * @param fileSystem the file system seam (tests inject faults through it)
 * @param archiveLog whether a checkpoint moves the finished log generation, and the snapshot it
 *     followed, into {@code archive/} instead of deleting the log (docs/FORMATS.md, "The archive")
 */
public record StoreConfig(
    Path directory,
    Durability durability,
    long syncIntervalMs,
    long checkpointLogBytes,
    boolean create,
    boolean readOnly,
    long lockTimeoutMs,
    FileSystem fileSystem,
    boolean archiveLog) {

  /** The default lock timeout: 10 seconds. */
  public static final long DEFAULT_LOCK_TIMEOUT_MS = 10_000;

  /** The default size of the log that starts an automatic checkpoint: 64 MiB. */
  public static final long DEFAULT_CHECKPOINT_LOG_BYTES = 64L << 20;

  /** An in-memory store. */
  public static StoreConfig inMemory() {
    return new StoreConfig(null, Durability.NONE, 200, 0, true, false, DEFAULT_LOCK_TIMEOUT_MS, FileSystem.DEFAULT, false);
  }

  /** A file store in {@code dir} with the default settings. */
  public static StoreConfig file(Path dir) {
    return new StoreConfig(dir, Durability.FULL, 200, DEFAULT_CHECKPOINT_LOG_BYTES, true, false,
        DEFAULT_LOCK_TIMEOUT_MS, FileSystem.DEFAULT, false);
  }

  public boolean isInMemory() {
    return directory == null;
  }

  public StoreConfig withDurability(Durability d) {
    return new StoreConfig(directory, d, syncIntervalMs, checkpointLogBytes, create, readOnly, lockTimeoutMs, fileSystem, archiveLog);
  }

  public StoreConfig withSyncIntervalMs(long ms) {
    return new StoreConfig(directory, durability, ms, checkpointLogBytes, create, readOnly, lockTimeoutMs, fileSystem, archiveLog);
  }

  public StoreConfig withCheckpointLogBytes(long bytes) {
    return new StoreConfig(directory, durability, syncIntervalMs, bytes, create, readOnly, lockTimeoutMs, fileSystem, archiveLog);
  }

  public StoreConfig withCreate(boolean c) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, c, readOnly, lockTimeoutMs, fileSystem, archiveLog);
  }

  public StoreConfig withReadOnly(boolean r) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, create, r, lockTimeoutMs, fileSystem, archiveLog);
  }

  public StoreConfig withLockTimeoutMs(long ms) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, create, readOnly, ms, fileSystem, archiveLog);
  }

  public StoreConfig withFileSystem(FileSystem fs) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, create, readOnly, lockTimeoutMs, fs, archiveLog);
  }

  public StoreConfig withArchiveLog(boolean archive) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, create, readOnly, lockTimeoutMs, fileSystem, archive);
  }
}
