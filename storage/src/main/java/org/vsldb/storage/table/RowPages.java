package org.vsldb.storage.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The newest version of every row of a table, in pages of 4,096 slots indexed by row id. Row ids
 * are handed out densely from 1 and never reused, so a slot is found by two array reads.
 *
 * <p>A row that has only ever had one version (every row of a bulk load, a replayed log or a
 * snapshot, until it is first updated or deleted) is kept <em>bare</em>: its slot holds the image
 * itself, and the page's {@code begins} array its commit timestamp; it is live. There is no
 * {@link RowVersion} object for it until one is asked for ({@link #get} makes a new one each time,
 * equal in begin and image). A row's first update or delete replaces the bare slot by a
 * {@link RowVersion} chain, and the slot never holds a bare image again, so a slot's {@code begins}
 * entry is written once, before its image is published, and never changes.
 *
 * <p>One writer at a time (the committing thread, or recovery); readers never lock. A reader that
 * read the published commit timestamp sees every slot written before that timestamp was published
 * (slots are written with release and read with acquire semantics, ordered with the timestamp's
 * volatile write and read); a slot written later may or may not be seen, which is harmless since
 * such versions are not visible at the reader's snapshot and chain to older ones.
 */
final class RowPages {
  private static final int SHIFT = 12;
  private static final int SIZE = 1 << SHIFT;
  private static final int MASK = SIZE - 1;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  /** One page: each slot null, a bare image, or a {@link RowVersion} chain's head. */
  private static final class Page {
    final Object[] slots = new Object[SIZE];
    /** The commit timestamp of each bare slot's image. */
    final long[] begins = new long[SIZE];
    int used;
  }

  private final RowFormat format;
  private volatile Page[] pages = new Page[4];
  private long count;

  RowPages(RowFormat format) {
    this.format = format;
  }

  private Page page(long rowId) {
    long p = rowId >>> SHIFT;
    Page[] ps = pages;
    return p >= ps.length ? null : ps[(int) p];
  }

  /** The newest version of row {@code rowId}, or null (for a bare row, a new object each call). */
  RowVersion get(long rowId) {
    Page page = page(rowId);
    if (page == null) {
      return null;
    }
    int i = (int) (rowId & MASK);
    Object o = SLOT.getAcquire(page.slots, i);
    return o == null ? null : version(rowId, page, i, o);
  }

  private RowVersion version(long rowId, Page page, int i, Object slot) {
    return slot instanceof RowVersion v ? v : new RowVersion(rowId, format, (byte[]) slot, page.begins[i], null);
  }

  /** Sets the newest version of row {@code rowId}. Writer only. */
  void put(long rowId, RowVersion v) {
    Page page = writable(rowId);
    int i = (int) (rowId & MASK);
    if (page.slots[i] == null) {
      page.used++;
      count++;
    }
    SLOT.setRelease(page.slots, i, v);
  }

  /**
   * Adds row {@code rowId} as a bare image committed at {@code begin}: its first version. Writer
   * only; the slot must be empty.
   */
  void putBare(long rowId, byte[] image, long begin) {
    Page page = writable(rowId);
    int i = (int) (rowId & MASK);
    if (page.slots[i] != null) {
      throw new IllegalStateException("row " + rowId + " already exists");
    }
    page.used++;
    count++;
    page.begins[i] = begin;
    SLOT.setRelease(page.slots, i, image);
  }

  private Page writable(long rowId) {
    int p = (int) (rowId >>> SHIFT);
    Page[] ps = pages;
    if (p >= ps.length) {
      int n = ps.length;
      while (n <= p) {
        n *= 2;
      }
      ps = java.util.Arrays.copyOf(ps, n);
      pages = ps;
    }
    Page page = ps[p];
    if (page == null) {
      page = new Page();
      ps[p] = page;
      pages = ps; // republish so readers see the new page
    }
    return page;
  }

  /** Empties the slot of {@code rowId}, dropping the page when it empties. Writer only. */
  void remove(long rowId) {
    int p = (int) (rowId >>> SHIFT);
    Page[] ps = pages;
    if (p >= ps.length || ps[p] == null) {
      return;
    }
    Page page = ps[p];
    int i = (int) (rowId & MASK);
    if (page.slots[i] != null) {
      SLOT.setRelease(page.slots, i, null);
      count--;
      if (--page.used == 0) {
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
    Page[] ps = pages;
    return new Iterator<>() {
      int p;
      int i = -1;
      Object[] next = advance();

      private Object[] advance() {
        while (p < ps.length) {
          Page page = ps[p];
          if (page != null) {
            Object[] slots = page.slots;
            while (++i < SIZE) {
              Object o = SLOT.getAcquire(slots, i);
              if (o == null) {
                continue;
              }
              if (o instanceof byte[] image) {
                if (page.begins[i] <= snapshot) {
                  return format.decode(image, columns);
                }
              } else {
                RowVersion v = ((RowVersion) o).visibleAt(snapshot);
                if (v != null) {
                  return v.values(columns);
                }
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

  /** Receives a live row's id and the image of its newest version. */
  @FunctionalInterface
  interface ImageVisitor {
    void visit(long rowId, byte[] image);
  }

  /** Visits the newest version of every live row, in row-id order, without making version objects. */
  void forEachLive(ImageVisitor visitor) {
    Page[] ps = pages;
    for (int p = 0; p < ps.length; p++) {
      Page page = ps[p];
      if (page == null) {
        continue;
      }
      long base = (long) p << SHIFT;
      for (int i = 0; i < SIZE; i++) {
        Object o = SLOT.getAcquire(page.slots, i);
        if (o instanceof byte[] image) {
          visitor.visit(base + i, image);
        } else if (o instanceof RowVersion v && v.isLive()) {
          visitor.visit(base + i, v.image());
        }
      }
    }
  }

  /**
   * A cursor over the versions visible at a snapshot, in row-id order, that makes no object per
   * row: {@link #next()} moves to the next visible row, whose id and image it then gives.
   */
  final class VisibleCursor {
    private final Page[] ps = pages;
    private final long snapshot;
    private int p;
    private int i = -1;
    private long rowId;
    private byte[] image;

    private VisibleCursor(long snapshot) {
      this.snapshot = snapshot;
    }

    /** Moves to the next row visible at the snapshot; false when there is none. */
    boolean next() {
      while (p < ps.length) {
        Page page = ps[p];
        if (page != null) {
          while (++i < SIZE) {
            Object o = SLOT.getAcquire(page.slots, i);
            if (o == null) {
              continue;
            }
            byte[] visible = null;
            if (o instanceof byte[] bare) {
              visible = page.begins[i] <= snapshot ? bare : null;
            } else {
              RowVersion v = ((RowVersion) o).visibleAt(snapshot);
              visible = v == null ? null : v.image();
            }
            if (visible != null) {
              rowId = ((long) p << SHIFT) + i;
              image = visible;
              return true;
            }
          }
        }
        p++;
        i = -1;
      }
      return false;
    }

    long rowId() {
      return rowId;
    }

    byte[] image() {
      return image;
    }
  }

  /** A cursor over the versions visible at {@code snapshot}. */
  VisibleCursor visible(long snapshot) {
    return new VisibleCursor(snapshot);
  }

  /** The newest versions, in row-id order (bare rows as new objects). */
  Iterator<RowVersion> iterator() {
    Page[] ps = pages;
    return new Iterator<>() {
      int p;
      int i = -1;
      RowVersion next = advance();

      private RowVersion advance() {
        while (p < ps.length) {
          Page page = ps[p];
          if (page != null) {
            while (++i < SIZE) {
              Object o = SLOT.getAcquire(page.slots, i);
              if (o != null) {
                return version(((long) p << SHIFT) + i, page, i, o);
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
