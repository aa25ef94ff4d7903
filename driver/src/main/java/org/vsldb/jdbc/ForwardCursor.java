package org.vsldb.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.exec.VslDataContext;

/**
 * A {@link ResultSet#TYPE_FORWARD_ONLY} cursor: rows come from the query's iterator one at a time,
 * as they are computed, and only {@link #next()} moves. Every other move fails with SQLState
 * 90128 (H2's "result set is not scrollable"), as JDBC requires for forward-only result sets.
 */
final class ForwardCursor implements Cursor {
  private final Iterator<Object[]> rows;
  private final long maxRows;
  private Object[] current;
  private long rowNumber;
  private boolean afterLast;

  /** Rows from {@code rows}, at most {@code maxRows} of them (0: no limit). */
  ForwardCursor(Iterator<Object[]> rows, long maxRows) {
    this.rows = rows;
    this.maxRows = maxRows;
  }

  /** Whether another row is within the limit; computes it if needed. */
  private boolean hasMore() throws SQLException {
    return (maxRows <= 0 || rowNumber < maxRows) && Rows.hasNext(rows);
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public int type() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public String noRow() {
    return afterLast ? "the cursor is after the last row" : "call next() first";
  }

  @Override
  public boolean next() throws SQLException {
    if (afterLast || !hasMore()) {
      current = null;
      if (!afterLast) {
        afterLast = true;
        rowNumber++;
      }
      return false;
    }
    current = Rows.next(rows);
    rowNumber++;
    return true;
  }

  private static SQLException notScrollable(String move) {
    return ErrorCode.RESULT_SET_NOT_SCROLLABLE.exception(
        move + " needs a result set of TYPE_SCROLL_INSENSITIVE; this one is TYPE_FORWARD_ONLY");
  }

  @Override
  public boolean previous() throws SQLException {
    throw notScrollable("previous()");
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw notScrollable("absolute(" + row + ")");
  }

  @Override
  public boolean relative(int n) throws SQLException {
    throw notScrollable("relative(" + n + ")");
  }

  @Override
  public boolean first() throws SQLException {
    throw notScrollable("first()");
  }

  @Override
  public boolean last() throws SQLException {
    throw notScrollable("last()");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw notScrollable("beforeFirst()");
  }

  @Override
  public void afterLast() throws SQLException {
    throw notScrollable("afterLast()");
  }

  @Override
  public int row() {
    return current == null ? 0 : (int) rowNumber;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return rowNumber == 0 && hasMore();
  }

  @Override
  public boolean isAfterLast() {
    return afterLast && rowNumber > 1;
  }

  @Override
  public boolean isFirst() {
    return rowNumber == 1 && current != null;
  }

  @Override
  public boolean isLast() throws SQLException {
    return current != null && !hasMore();
  }

  /** Reading rows from a running query: its failures become SQLExceptions. */
  static final class Rows {
    private Rows() {}

    static boolean hasNext(Iterator<Object[]> rows) throws SQLException {
      try {
        return rows.hasNext();
      } catch (RuntimeException e) {
        throw translate(e);
      }
    }

    static Object[] next(Iterator<Object[]> rows) throws SQLException {
      try {
        return rows.next();
      } catch (RuntimeException e) {
        throw translate(e);
      }
    }

    private static SQLException translate(RuntimeException e) {
      return SqlErrors.translate(e instanceof VslDataContext.CancelledException
          ? ErrorCode.CANCELLED.exception(e) : e);
    }
  }
}
