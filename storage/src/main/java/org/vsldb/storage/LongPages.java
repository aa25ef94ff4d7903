package org.vsldb.storage;

import java.util.Arrays;

/**
 * A growable array of {@code long}s in pages of {@value #PAGE}, for the bookkeeping a transaction
 * keeps per changed row ({@link PendingMap}, {@link PendingKeys}).
 *
 * <p>One flat array grown by copying would, for a transaction of a few hundred thousand rows, be
 * copied again and again, and each copy above half a G1 region is a humongous object: allocated
 * outside the young generation, reclaimed only by a marking cycle, and each one a reason for G1 to
 * start one. Pages never move and are small. The first page starts small and doubles up to a full
 * page, so a transaction of a row or two allocates little.
 */
final class LongPages {
  static final int SHIFT = 10;
  static final int PAGE = 1 << SHIFT;
  private static final int MASK = PAGE - 1;

  private long[][] pages = {new long[4]};

  /** The value at {@code i} (0 where none was set); {@code i} below a length this array had. */
  long get(int i) {
    return pages[i >>> SHIFT][i & MASK];
  }

  /** Sets the value at {@code i}, growing the array to hold it. */
  void set(int i, long value) {
    long[] page = pageFor(i);
    page[i & MASK] = value;
  }

  private long[] pageFor(int i) {
    int p = i >>> SHIFT;
    if (p >= pages.length) {
      pages = Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
    }
    long[] page = pages[p];
    int o = i & MASK;
    if (page == null) {
      page = pages[p] = new long[PAGE];
    } else if (o >= page.length) { // only the first page is ever shorter than a page
      page = pages[p] = Arrays.copyOf(page, Math.min(PAGE, Math.max(o + 1, page.length * 2)));
    }
    return page;
  }

  /**
   * The index among {@code [0, n)} of {@code key} in values ascending there, or -1 when it is not
   * one of them.
   */
  int binarySearch(int n, long key) {
    int lo = 0;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = get(mid);
      if (v < key) {
        lo = mid + 1;
      } else if (v > key) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
