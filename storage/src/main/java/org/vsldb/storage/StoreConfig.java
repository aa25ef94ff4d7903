package org.vsldb.storage;

import java.nio.file.Path;

/**
 * How to open a store.
 *
 * @param directory the database directory, or null for an in-memory store
 * @param durability when commits are forced
 * @param syncIntervalMs the force period for {@link Durability#INTERVAL}
 * @param create whether a missing database is created
 * @param readOnly whether the store refuses writes and takes no lock
 */
public record StoreConfig(
    Path directory, Durability durability, long syncIntervalMs, boolean create, boolean readOnly) {

  /** An in-memory store. */
  public static StoreConfig inMemory() {
    return new StoreConfig(null, Durability.NONE, 200, true, false);
  }

  /** A file store in {@code dir} with the default settings. */
  public static StoreConfig file(Path dir) {
    return new StoreConfig(dir, Durability.FULL, 200, true, false);
  }

  public boolean isInMemory() {
    return directory == null;
  }
}
