package org.vsldb.storage;

import java.util.Arrays;
import org.vsldb.storage.WriteSet.Pending;

/**
 * A transaction's undo list: for each change in order, the write set, the row id and the row's
 * pending state before it (null for none), so a failed statement rolls back to a mark. Three
 * parallel arrays instead of an object per change; one thread at a time, as its transaction.
 */
final class UndoLog {
  private static final WriteSet[] NO_WRITES = {};
  private static final long[] NO_IDS = {};
  private static final Pending[] NO_PENDING = {};

  // empty until the first change: most transactions (auto-commit reads) never write
  private WriteSet[] writes = NO_WRITES;
  private long[] rowIds = NO_IDS;
  private Pending[] previous = NO_PENDING;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(WriteSet ws, long rowId, Pending before) {
    if (size == rowIds.length) {
      int n = Math.max(4, size * 2);
      writes = Arrays.copyOf(writes, n);
      rowIds = Arrays.copyOf(rowIds, n);
      previous = Arrays.copyOf(previous, n);
    }
    writes[size] = ws;
    rowIds[size] = rowId;
    previous[size] = before;
    size++;
  }

  /** Puts back, newest first, the pending state of every change after {@code mark}, and forgets them. */
  void rollbackTo(int mark) {
    for (int i = size - 1; i >= mark; i--) {
      writes[i].put(rowIds[i], previous[i]);
      writes[i] = null;
      previous[i] = null;
    }
    size = Math.min(size, Math.max(mark, 0));
  }

  void clear() {
    Arrays.fill(writes, 0, size, null);
    Arrays.fill(previous, 0, size, null);
    size = 0;
  }
}
