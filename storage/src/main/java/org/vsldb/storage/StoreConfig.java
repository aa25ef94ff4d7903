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
 * @param fileSystem the file system seam (tests inject faults through it)
 */
public record StoreConfig(
    Path directory,
    Durability durability,
    long syncIntervalMs,
    long checkpointLogBytes,
    boolean create,
    boolean readOnly,
    FileSystem fileSystem) {

  /** The default size of the log that starts an automatic checkpoint: 64 MiB. */
  public static final long DEFAULT_CHECKPOINT_LOG_BYTES = 64L << 20;

  /** An in-memory store. */
  public static StoreConfig inMemory() {
    return new StoreConfig(null, Durability.NONE, 200, 0, true, false, FileSystem.DEFAULT);
  }

  /** A file store in {@code dir} with the default settings. */
  public static StoreConfig file(Path dir) {
    return new StoreConfig(
        dir, Durability.FULL, 200, DEFAULT_CHECKPOINT_LOG_BYTES, true, false, FileSystem.DEFAULT);
  }

  public boolean isInMemory() {
    return directory == null;
  }

  public StoreConfig withDurability(Durability d) {
    return new StoreConfig(directory, d, syncIntervalMs, checkpointLogBytes, create, readOnly, fileSystem);
  }

  public StoreConfig withSyncIntervalMs(long ms) {
    return new StoreConfig(directory, durability, ms, checkpointLogBytes, create, readOnly, fileSystem);
  }

  public StoreConfig withCheckpointLogBytes(long bytes) {
    return new StoreConfig(directory, durability, syncIntervalMs, bytes, create, readOnly, fileSystem);
  }

  public StoreConfig withCreate(boolean c) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, c, readOnly, fileSystem);
  }

  public StoreConfig withReadOnly(boolean r) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, create, r, fileSystem);
  }

  public StoreConfig withFileSystem(FileSystem fs) {
    return new StoreConfig(directory, durability, syncIntervalMs, checkpointLogBytes, create, readOnly, fs);
  }
}
