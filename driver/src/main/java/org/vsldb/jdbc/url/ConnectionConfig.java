package org.vsldb.jdbc.url;

import java.nio.file.Path;
import org.vsldb.storage.Durability;

/**
 * A parsed connection URL plus its properties: which database, and how to open it. See
 * PRODUCT.md section 1 and the README's "Connecting".
 *
 * @param url the URL as given
 * @param kind file, named in-memory, or private in-memory
 * @param path the database directory (file databases), else null
 * @param memoryName the in-memory database's name, else null
 * @param archiveLog whether checkpoints archive finished log generations
 * @param recoverToMillis the moment to open the database at (read-only), or null for now
 */
public record ConnectionConfig(
    String url,
    Kind kind,
    Path path,
    String memoryName,
    Durability durability,
    long syncIntervalMs,
    long checkpointLogBytes,
    boolean create,
    boolean readOnly,
    long lockTimeoutMs,
    FileAccess fileAccess,
    boolean archiveLog,
    Long recoverToMillis) {

  /** Where a database lives. */
  public enum Kind {
    FILE,
    MEMORY,
    PRIVATE_MEMORY
  }

  /** Where COPY may read and write files (PRODUCT.md 3.3). */
  public enum FileAccess {
    DATABASE,
    ANY
  }
}
