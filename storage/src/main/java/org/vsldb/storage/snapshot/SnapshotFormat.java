package org.vsldb.storage.snapshot;

/**
 * Constants of the {@code database.db} format, shared by {@link SnapshotWriter} and
 * {@link SnapshotReader}. Defined in {@code docs/FORMATS.md}, section "The snapshot"; the test
 * {@code SnapshotFormatDocumentTest} decodes the document's worked example. All integers are
 * little-endian.
 */
public final class SnapshotFormat {
  private SnapshotFormat() {}

  /** File header magic: the ASCII bytes {@code VSLSNP} followed by CR LF. */
  public static final byte[] MAGIC = {'V', 'S', 'L', 'S', 'N', 'P', '\r', '\n'};

  /** The format version this code writes and reads. */
  public static final int VERSION = 2;

  /**
   * Header: magic (8) + version (4) + flags (4) + database id (8) + generation (8) + last commit
   * timestamp covered (8) + wall clock (8) + CRC32C of the previous 48 bytes (4) + reserved (4).
   */
  public static final int HEADER_SIZE = 56;

  /** Offset of the header CRC32C, which covers bytes [0, HEADER_CRC_OFFSET). */
  public static final int HEADER_CRC_OFFSET = 48;

  /** Block type: a table's id, next row id, next identity value and definition. */
  public static final byte TYPE_TABLE = 1;

  /** Block type: rows of the table named by the last TABLE block. */
  public static final byte TYPE_ROWS = 2;

  /** Block type: the end of the snapshot, with counts to check it against. */
  public static final byte TYPE_END = 3;

  /** Block type: a schema other than PUBLIC. */
  public static final byte TYPE_SCHEMA = 4;

  /** Block type: a view. */
  public static final byte TYPE_VIEW = 5;

  /** Block type: a sequence, with the state recovery resumes it at. */
  public static final byte TYPE_SEQUENCE = 6;

  /** The most rows one ROWS block holds. */
  public static final int ROWS_PER_BLOCK = 1024;

  /** The snapshot's file name inside a database directory. */
  public static final String FILE_NAME = "database.db";

  /** The name a snapshot is written under until it is complete and forced. */
  public static final String TEMP_FILE_NAME = "database.db.tmp";
}
