package org.vsldb.storage;

import java.util.Arrays;

/**
 * A growable array of references in pages of {@value LongPages#PAGE}, as {@link LongPages} and for
 * the same reason: no array a large transaction keeps is copied as it grows, or humongous.
 */
final class RefPages<T> {
  private static final int SHIFT = LongPages.SHIFT;
  private static final int PAGE = LongPages.PAGE;
  private static final int MASK = PAGE - 1;

  private Object[][] pages = {new Object[4]};

  /** The element at {@code i} (null where none was set); {@code i} below a length this array had. */
  @SuppressWarnings("unchecked")
  T get(int i) {
    return (T) pages[i >>> SHIFT][i & MASK];
  }

  /** Sets the element at {@code i}, growing the array to hold it. */
  void set(int i, T value) {
    int p = i >>> SHIFT;
    if (p >= pages.length) {
      pages = Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
    }
    Object[] page = pages[p];
    int o = i & MASK;
    if (page == null) {
      page = pages[p] = new Object[PAGE];
    } else if (o >= page.length) { // only the first page is ever shorter than a page
      page = pages[p] = Arrays.copyOf(page, Math.min(PAGE, Math.max(o + 1, page.length * 2)));
    }
    page[o] = value;
  }
}
