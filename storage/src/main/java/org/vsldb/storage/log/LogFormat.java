package org.vsldb.storage.log;

/**
 * Constants of the {@code database.vsl} format, shared by {@link LogWriter} and {@link LogReader}
 * so that they cannot drift apart. The format is defined in {@code docs/FORMATS.md}, section
 * "The redo log"; this class follows it and the test {@code LogFormatDocumentTest} decodes the
 * document's worked example.
 *
 * <p>All integers are little-endian.
 */
public final class LogFormat {
  private LogFormat() {}

  /** File header magic: the ASCII bytes {@code VSLLOG} followed by CR LF. */
  public static final byte[] MAGIC = {'V', 'S', 'L', 'L', 'O', 'G', '\r', '\n'};

  /** The format version this code writes. It reads {@link #VERSION_2} as well. */
  public static final int VERSION = 3;

  /** The previous version: records without {@link #RECORD_END}, read by the rules of its time. */
  public static final int VERSION_2 = 2;

  /**
   * Version 3: the byte after every record's payload. It is never zero, so a record whose last
   * bytes a crash left unwritten (zeros, in a preallocated file) is told from a damaged one.
   */
  public static final byte RECORD_END = (byte) 0xA5;

  /**
   * Version 3: the most bytes of records a writer has in flight in space it preallocated: every
   * write there is at most this long, and durable before the next one starts. A crash can leave
   * only the last such write partly written, so past a bad record at p every byte from p plus this
   * window on is zero (docs/FORMATS.md, "Reading: the end of the log").
   */
  public static final int WRITE_WINDOW = 1 << 20;

  /** The bytes a record's frame takes after its payload in a log of {@code version}. */
  public static int trailerSize(int version) {
    return version >= VERSION ? 1 : 0;
  }

  /**
   * File header: magic (8) + version (4) + flags (4) + database id (8) + generation (8) +
   * CRC32C of the previous 32 bytes (4) + reserved zeros (4).
   */
  public static final int HEADER_SIZE = 8 + 4 + 4 + 8 + 8 + 4 + 4;

  /** Offset of the header CRC32C, which covers bytes [0, HEADER_CRC_OFFSET). */
  public static final int HEADER_CRC_OFFSET = 32;

  /** Record frame: payload length (4) + CRC32C of type and payload (4) + type (1). */
  public static final int FRAME_SIZE = org.vsldb.storage.io.Frames.HEADER_SIZE;

  /** The largest payload a record may declare; anything larger is damage, not data. */
  public static final int MAX_PAYLOAD = 1 << 30;

  /** Record type: one whole committed transaction. */
  public static final byte TYPE_TRANSACTION = 1;

  /** Change operation codes inside a transaction record. */
  public static final byte OP_INSERT = 1;
  public static final byte OP_UPDATE = 2;
  public static final byte OP_DELETE = 3;
  public static final byte OP_CREATE_TABLE = 4;
  public static final byte OP_DROP_TABLE = 5;
  public static final byte OP_ALTER_TABLE = 6;
  public static final byte OP_CREATE_SCHEMA = 7;
  public static final byte OP_DROP_SCHEMA = 8;
  public static final byte OP_CREATE_VIEW = 9;
  public static final byte OP_DROP_VIEW = 10;
  /** A DELETE that also carries the deleted row's primary-key values. */
  public static final byte OP_DELETE_KEYED = 11;
  /** Creation of a sequence, or its new definition: definition and state. */
  public static final byte OP_CREATE_SEQUENCE = 12;
  public static final byte OP_DROP_SEQUENCE = 13;
  /** A reservation of a sequence's values: the state recovery resumes at. */
  public static final byte OP_SEQUENCE_VALUE = 14;


  /** The log's file name inside a database directory. */
  public static final String FILE_NAME = "database.vsl";

  /** The previous generation's log, while a checkpoint is under way. */
  public static final String PREVIOUS_FILE_NAME = "database.vsl.old";
}
