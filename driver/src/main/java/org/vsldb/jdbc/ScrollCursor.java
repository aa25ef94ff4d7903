package org.vsldb.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A {@link ResultSet#TYPE_SCROLL_INSENSITIVE} cursor: every row is read when the query runs, so
 * later changes by this or other transactions are not seen, and the cursor moves freely. Position
 * 0 is before the first row and {@code size + 1} after the last; in an empty result set the
 * cursor is neither before the first nor after the last row, as JDBC specifies.
 */
final class ScrollCursor implements Cursor {
  private final List<Object[]> rows;
  private int position;

  /** Reads every row of {@code source}, at most {@code maxRows} of them (0: no limit). */
  ScrollCursor(Iterator<Object[]> source, long maxRows) throws SQLException {
    List<Object[]> all = new ArrayList<>();
    while ((maxRows <= 0 || all.size() < maxRows) && ForwardCursor.Rows.hasNext(source)) {
      all.add(ForwardCursor.Rows.next(source).clone());
    }
    this.rows = all;
  }

  private boolean onRow() {
    return position >= 1 && position <= rows.size();
  }

  private boolean moveTo(long p) {
    position = (int) Math.max(0, Math.min(rows.size() + 1L, p));
    return onRow();
  }

  @Override
  public Object[] current() {
    return onRow() ? rows.get(position - 1) : null;
  }

  @Override
  public int type() {
    return ResultSet.TYPE_SCROLL_INSENSITIVE;
  }

  @Override
  public boolean next() {
    return moveTo(position + 1L);
  }

  @Override
  public boolean previous() {
    return moveTo(position - 1L);
  }

  /** Row {@code row} from the start, or from the end when negative (-1 is the last row). */
  @Override
  public boolean absolute(int row) {
    return moveTo(row >= 0 ? row : rows.size() + 1L + row);
  }

  @Override
  public boolean relative(int n) {
    return moveTo((long) position + n);
  }

  @Override
  public boolean first() {
    return moveTo(1);
  }

  @Override
  public boolean last() {
    return moveTo(rows.size());
  }

  @Override
  public void beforeFirst() {
    position = 0;
  }

  @Override
  public void afterLast() {
    position = rows.size() + 1;
  }

  @Override
  public int row() {
    return onRow() ? position : 0;
  }

  @Override
  public boolean isBeforeFirst() {
    return !rows.isEmpty() && position == 0;
  }

  @Override
  public boolean isAfterLast() {
    return !rows.isEmpty() && position == rows.size() + 1;
  }

  @Override
  public boolean isFirst() {
    return !rows.isEmpty() && position == 1;
  }

  @Override
  public boolean isLast() {
    return !rows.isEmpty() && position == rows.size();
  }
}
