package org.vsldb.storage.log;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file's content is damaged or not in a format this code reads. It names the file and the byte
 * offset where the damage was found.
 */
public final class CorruptionException extends IOException {
  private final transient Path file;
  private final long offset;

  public CorruptionException(Path file, long offset, String reason) {
    super(file + " at byte offset " + offset + ": " + reason);
    this.file = file;
    this.offset = offset;
  }

  public Path file() {
    return file;
  }

  public long offset() {
    return offset;
  }
}
