package org.vsldb.storage.table;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The newest version of every row of a table, in pages of 4,096 slots indexed by row id. Row ids
 * are handed out densely from 1 and never reused, so a slot is found by two array reads.
 *
 * <p>One writer at a time (the committing thread, or recovery); readers never lock. A reader that
 * read the published commit timestamp sees every slot written before that timestamp was published
 * (the volatile write and read order them); a slot written later may or may not be seen, which is
 * harmless since such versions are not visible at the reader's snapshot and chain to older ones.
 */
final class RowPages {
  private static final int SHIFT = 12;
  private static final int SIZE = 1 << SHIFT;
  private static final int MASK = SIZE - 1;

  private volatile RowVersion[][] pages = new RowVersion[4][];
  private int[] used = new int[4];
  private long count;

  /** The newest version of row {@code rowId}, or null. */
  RowVersion get(long rowId) {
    long p = rowId >>> SHIFT;
    RowVersion[][] ps = pages;
    if (p >= ps.length) {
      return null;
    }
    RowVersion[] page = ps[(int) p];
    return page == null ? null : page[(int) (rowId & MASK)];
  }

  /** Sets the newest version of row {@code rowId}. Writer only. */
  void put(long rowId, RowVersion v) {
    int p = (int) (rowId >>> SHIFT);
    RowVersion[][] ps = pages;
    if (p >= ps.length) {
      int n = ps.length;
      while (n <= p) {
        n *= 2;
      }
      RowVersion[][] grown = java.util.Arrays.copyOf(ps, n);
      used = java.util.Arrays.copyOf(used, n);
      pages = grown;
      ps = grown;
    }
    RowVersion[] page = ps[p];
    if (page == null) {
      page = new RowVersion[SIZE];
      ps[p] = page;
      pages = ps; // republish so readers see the new page
    }
    int i = (int) (rowId & MASK);
    if (page[i] == null) {
      used[p]++;
      count++;
    }
    page[i] = v;
  }

  /** Empties the slot of {@code rowId}, dropping the page when it empties. Writer only. */
  void remove(long rowId) {
    int p = (int) (rowId >>> SHIFT);
    RowVersion[][] ps = pages;
    if (p >= ps.length || ps[p] == null) {
      return;
    }
    int i = (int) (rowId & MASK);
    if (ps[p][i] != null) {
      ps[p][i] = null;
      count--;
      if (--used[p] == 0) {
        ps[p] = null;
        pages = ps;
      }
    }
  }

  /** The number of occupied slots (rows with any version). */
  long size() {
    return count;
  }

  /**
   * The values of the versions visible at {@code snapshot}, in row-id order: {@link #iterator()}
   * and {@link RowVersion#visibleAt} in one loop, for full scans. Only the columns marked in
   * {@code columns} are decoded (all when it is null); the others are null.
   */
  Iterator<Object[]> visibleValues(long snapshot, boolean[] columns) {
    RowVersion[][] ps = pages;
    return new Iterator<>() {
      int p;
      int i = -1;
      Object[] next = advance();

      private Object[] advance() {
        while (p < ps.length) {
          RowVersion[] page = ps[p];
          if (page != null) {
            while (++i < SIZE) {
              RowVersion v = page[i];
              if (v != null && (v = v.visibleAt(snapshot)) != null) {
                return v.values(columns);
              }
            }
          }
          p++;
          i = -1;
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Object[] next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Object[] r = next;
        next = advance();
        return r;
      }
    };
  }

  /** The newest versions, in row-id order. */
  Iterator<RowVersion> iterator() {
    RowVersion[][] ps = pages;
    return new Iterator<>() {
      int p;
      int i = -1;
      RowVersion next = advance();

      private RowVersion advance() {
        while (p < ps.length) {
          RowVersion[] page = ps[p];
          if (page != null) {
            while (++i < SIZE) {
              RowVersion v = page[i];
              if (v != null) {
                return v;
              }
            }
          }
          p++;
          i = -1;
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public RowVersion next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        RowVersion r = next;
        next = advance();
        return r;
      }
    };
  }
}
