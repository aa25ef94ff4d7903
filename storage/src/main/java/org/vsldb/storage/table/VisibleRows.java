package org.vsldb.storage.table;

import org.vsldb.storage.io.ByteSink;

/**
 * The rows of a table visible at a snapshot, one at a time, in row-id order, without a version
 * object per row ({@link Table#visibleRows}): what a snapshot writes.
 */
public final class VisibleRows {
  private final RowPages.VisibleCursor cursor;
  private final RowFormat format;

  VisibleRows(RowPages.VisibleCursor cursor, RowFormat format) {
    this.cursor = cursor;
    this.format = format;
  }

  /** Moves to the next visible row; false when there is none. */
  public boolean next() {
    return cursor.next();
  }

  /** The current row's id. */
  public long rowId() {
    return cursor.rowId();
  }

  /** Writes the current row's values as the log and the snapshot encode them ({@link RowFormat#writeValues}). */
  public void writeValues(ByteSink out) {
    format.writeValues(cursor.image(), out);
  }
}
