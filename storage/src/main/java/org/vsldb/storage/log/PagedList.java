package org.vsldb.storage.log;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A list of a transaction's changes as a commit or the log reader makes them: appended in pages of
 * 1,024, then {@linkplain #freeze frozen} and never changed, so that a {@link LogRecord} keeps it
 * without a copy. A transaction of a few hundred thousand rows in one flat array, copied as it
 * grows and again by {@code List.copyOf}, would make several humongous G1 objects (allocated
 * outside the young generation, each one a reason to start a marking cycle); pages never move.
 */
public final class PagedList<E> extends AbstractList<E> implements RandomAccess {
  private static final int SHIFT = 10;
  private static final int PAGE = 1 << SHIFT;
  private static final int MASK = PAGE - 1;

  private Object[][] pages = {new Object[4]};
  private int size;
  private boolean frozen;

  @Override
  public boolean add(E e) {
    if (frozen) {
      throw new UnsupportedOperationException("a frozen list");
    }
    Objects.requireNonNull(e);
    int p = size >>> SHIFT;
    if (p == pages.length) {
      pages = Arrays.copyOf(pages, p * 2);
    }
    Object[] page = pages[p];
    int o = size & MASK;
    if (page == null) {
      page = pages[p] = new Object[PAGE];
    } else if (o == page.length) { // only the first page is ever shorter than a page
      page = pages[p] = Arrays.copyOf(page, Math.min(PAGE, o * 2));
    }
    page[o] = e;
    size++;
    modCount++;
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    Objects.checkIndex(index, size);
    return (E) pages[index >>> SHIFT][index & MASK];
  }

  @Override
  public int size() {
    return size;
  }

  /** Ends the appending: from now on the list never changes. Returns it. */
  public PagedList<E> freeze() {
    frozen = true;
    return this;
  }

  /** Whether {@link #freeze} was called. */
  boolean frozen() {
    return frozen;
  }
}
