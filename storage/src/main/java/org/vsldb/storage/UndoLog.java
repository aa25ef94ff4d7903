package org.vsldb.storage;

import java.util.Arrays;
import org.vsldb.storage.WriteSet.Pending;

/**
 * A transaction's undo list: for each change in order, the write set, the row id and the row's
 * pending state before it (null for none), so a failed statement rolls back to a mark. Parallel
 * arrays instead of an object per change; one thread at a time, as its transaction.
 *
 * <p>Changes to rows that had no pending state, with consecutive row ids of one write set (the rows
 * of a multi-row INSERT, whose ids are handed out in order), share one entry with a count: the
 * undo list of a transaction that inserts a million rows is a few entries, not a million.
 */
final class UndoLog {
  private static final WriteSet[] NO_WRITES = {};
  private static final long[] NO_IDS = {};
  private static final Pending[] NO_PENDING = {};
  private static final int[] NO_COUNTS = {};

  // empty until the first change: most transactions (auto-commit reads) never write
  private WriteSet[] writes = NO_WRITES;
  /** The row id of each entry (the first of its run). */
  private long[] rowIds = NO_IDS;
  private Pending[] previous = NO_PENDING;
  /** How many rows each entry covers: rowIds[i], rowIds[i] + 1, ...; more than 1 only with no previous state. */
  private int[] counts = NO_COUNTS;
  private int entries;
  /** Changes recorded: the sum of the counts. */
  private int size;

  /** The number of changes recorded (a mark for {@link #rollbackTo}). */
  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(WriteSet ws, long rowId, Pending before) {
    int last = entries - 1;
    if (before == null && last >= 0 && writes[last] == ws && previous[last] == null
        && counts[last] < Integer.MAX_VALUE && rowIds[last] + counts[last] == rowId) {
      counts[last]++;
      size++;
      return;
    }
    if (entries == rowIds.length) {
      int n = Math.max(4, entries * 2);
      writes = Arrays.copyOf(writes, n);
      rowIds = Arrays.copyOf(rowIds, n);
      previous = Arrays.copyOf(previous, n);
      counts = Arrays.copyOf(counts, n);
    }
    writes[entries] = ws;
    rowIds[entries] = rowId;
    previous[entries] = before;
    counts[entries] = 1;
    entries++;
    size++;
  }

  /** Puts back, newest first, the pending state of every change after {@code mark}, and forgets them. */
  void rollbackTo(int mark) {
    int keep = Math.max(mark, 0);
    while (size > keep) {
      int last = entries - 1;
      int undo = Math.min(counts[last], size - keep);
      for (int k = counts[last] - 1; k >= counts[last] - undo; k--) {
        writes[last].put(rowIds[last] + k, previous[last]);
      }
      counts[last] -= undo;
      size -= undo;
      if (counts[last] == 0) {
        writes[last] = null;
        previous[last] = null;
        entries--;
      }
    }
  }

  void clear() {
    Arrays.fill(writes, 0, entries, null);
    Arrays.fill(previous, 0, entries, null);
    entries = 0;
    size = 0;
  }
}
