package org.vsldb.storage.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file operations the store needs, and nothing else. Creating, renaming and deleting a file
 * are durable only after {@link #syncDirectory(Path)} of its directory.
 */
public interface FileSystem {
  /** Opens a file for reading and writing, creating it if {@code create}. */
  default DurableFile open(Path file, boolean create) throws IOException {
    return open(file, create, false);
  }

  /**
   * Opens a file for reading and writing. With {@code syncWrites}, every write returns only once
   * its data is on stable storage (O_DSYNC), as if each were followed by a force.
   */
  DurableFile open(Path file, boolean create, boolean syncWrites) throws IOException;

  /** Opens an existing file for reading only. */
  DurableFile openReadOnly(Path file) throws IOException;

  boolean exists(Path file);

  /** Renames {@code from} to {@code to} atomically, replacing {@code to} if it exists. */
  void rename(Path from, Path to) throws IOException;

  /**
   * Gives the content of {@code existing} the second name {@code link}, replacing {@code link}
   * if it exists: a hard link, or where the file system has none, a copy that is forced before
   * this returns. The content must not be written through either name afterwards.
   */
  void link(Path existing, Path link) throws IOException;

  /** Deletes a file if it exists. */
  void delete(Path file) throws IOException;

  /** Makes the creations, renames and deletions in {@code dir} durable. */
  void syncDirectory(Path dir) throws IOException;

  void createDirectories(Path dir) throws IOException;

  /** The real file system. */
  FileSystem DEFAULT = new NioFileSystem();
}
