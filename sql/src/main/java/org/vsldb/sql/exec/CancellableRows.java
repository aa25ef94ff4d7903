package org.vsldb.sql.exec;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Enumerates rows from an iterator (made again on reset), checking every 1,024 rows whether the
 * statement was cancelled. Used by table scans and index range scans.
 */
public final class CancellableRows implements Enumerator<Object[]> {
  private final Supplier<Iterator<Object[]>> rows;
  private final AtomicBoolean cancel;
  private Iterator<Object[]> it;
  private Object[] current;
  private int count;

  /** {@code cancel} may be null (nothing can cancel the statement). */
  public CancellableRows(Supplier<Iterator<Object[]>> rows, AtomicBoolean cancel) {
    this.rows = rows;
    this.cancel = cancel;
    this.it = rows.get();
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    if ((++count & 1023) == 0 && cancel != null && cancel.get()) {
      throw new VslDataContext.CancelledException();
    }
    if (it.hasNext()) {
      current = it.next();
      return true;
    }
    current = null;
    return false;
  }

  @Override
  public void reset() {
    it = rows.get();
    current = null;
  }

  @Override
  public void close() {
    current = null;
  }
}
