package org.vsldb.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.vsldb.sql.Result;

/**
 * Where a result set stands among its rows, and how it may move: {@link ForwardCursor} reads the
 * rows once, in order, as they are computed; {@link ScrollCursor} holds them all and moves freely.
 * Positions follow {@link java.sql.ResultSet}: before the first row, on a row (numbered from 1),
 * or after the last row.
 */
sealed interface Cursor permits ForwardCursor, ScrollCursor {
  /**
   * A cursor of {@code type} over a query's rows, at most {@code maxRows} (0: no limit). A
   * scrolling cursor reads them all now; if that fails, the rows' resources are released.
   */
  static Cursor open(int type, Result.Rows rows, long maxRows) throws SQLException {
    if (type == ResultSet.TYPE_FORWARD_ONLY) {
      return new ForwardCursor(rows.rows(), maxRows);
    }
    try {
      return new ScrollCursor(rows.rows(), maxRows);
    } catch (SQLException e) {
      if (rows.onClose() != null) {
        try {
          rows.onClose().close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** The row the cursor is on, or null when it is on none. */
  Object[] current();

  /** The {@link java.sql.ResultSet} type constant. */
  int type();

  /** Why there is no current row, for the getters' error message. */
  default String noRow() {
    return "the cursor is not on a row (call next() first, or it is after the last row)";
  }

  boolean next() throws SQLException;

  boolean previous() throws SQLException;

  boolean absolute(int row) throws SQLException;

  boolean relative(int rows) throws SQLException;

  boolean first() throws SQLException;

  boolean last() throws SQLException;

  void beforeFirst() throws SQLException;

  void afterLast() throws SQLException;

  /** The current row's number, from 1, or 0 when on no row. */
  int row();

  boolean isBeforeFirst() throws SQLException;

  boolean isAfterLast();

  boolean isFirst();

  boolean isLast() throws SQLException;
}
