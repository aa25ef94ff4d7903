package org.vsldb.sql.copy;

/**
 * Constants of the text copy of a database, {@code database.txt}, as {@code docs/FORMATS.md}
 * ("The text copy") defines it.
 */
final class DatabaseText {
  private DatabaseText() {}

  /** The format version this code writes and reads. */
  static final int VERSION = 1;

  /** The first line of every text copy; a file without it is refused. */
  static final String FIRST_LINE = "-- vsl database copy, format " + VERSION;

  /** The start of the first line, whatever the version. */
  static final String FIRST_LINE_PREFIX = "-- vsl database copy, format ";
}
