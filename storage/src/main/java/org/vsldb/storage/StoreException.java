package org.vsldb.storage;

/**
 * A failure the store reports to the SQL layer, which maps each {@link Reason} to an entry of
 * its error catalog (and so to a SQLState).
 */
public final class StoreException extends RuntimeException {
  /** The closed set of reasons a store operation fails. */
  public enum Reason {
    /** A primary key or unique value already exists. */
    DUPLICATE_KEY,
    /** NULL for a column that does not allow it. */
    NOT_NULL,
    /** A foreign key finds no parent row, or a parent row that child rows reference would go. */
    FOREIGN_KEY,
    /** A column to become NOT NULL holds NULL in an existing row. */
    NULLS_IN_COLUMN,
    /** A schema change would leave existing rows violating a new constraint. */
    CONSTRAINT_ON_EXISTING_ROWS,
    /** A schema object cannot be dropped or changed because another depends on it. */
    DEPENDENCY,
    /** A value does not fit its column (length, range). */
    VALUE_TOO_LONG,
    /** Another transaction changed a row this one changed; retry. */
    WRITE_CONFLICT,
    /**
     * A row this statement wants to change was changed by a transaction that committed after the
     * statement's snapshot. READ COMMITTED runs the statement again on a fresh snapshot; the
     * higher isolation levels fail with 40001.
     */
    ROW_CHANGED,
    /** Waiting for a row lock would deadlock; this transaction is the victim (40001). */
    DEADLOCK,
    /** A row lock was not granted within the lock timeout (HYT00). */
    LOCK_TIMEOUT,
    /** The database or connection is read-only. */
    READ_ONLY,
    /** A file's content is damaged or of an unknown format. */
    CORRUPTION,
    /** Reading or writing a file failed; the store refuses writes until reopened. */
    IO_ERROR,
    /** The database directory cannot be opened (in use, missing, not a database). */
    CANNOT_OPEN,
    /** The store was closed. */
    CLOSED,
    /** A schema object a running statement uses was dropped meanwhile. */
    NOT_FOUND,
    /** A sequence without CYCLE has handed out its last value. */
    SEQUENCE_EXHAUSTED
  }

  private final Reason reason;

  public StoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public StoreException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
