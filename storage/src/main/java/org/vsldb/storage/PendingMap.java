package org.vsldb.storage;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.vsldb.storage.WriteSet.Pending;

/**
 * A write set's pending changes by row id, in the order the rows were first changed: what a
 * {@code LinkedHashMap<Long, Pending>} does, without a boxed key and an entry object per row (a
 * transaction that inserts a million rows keeps a million of these until it commits).
 *
 * <p>Row ids and changes sit in two parallel paged arrays ({@link LongPages}, {@link RefPages})
 * in insertion order, so a transaction of many rows copies none of them as they grow. While every
 * row id came after the one before (a transaction that inserts rows, whose ids are handed out in
 * order) and none was removed but the last, a binary search finds a row id and there is nothing
 * else to keep. After that, a removed row leaves a hole (a null change) that a rehash compacts, and an
 * open-addressing table of positions, linear probing, finds a row id. Used by one thread at a
 * time, as its transaction is.
 */
final class PendingMap {
  private static final int FREE = 0;
  private static final int GONE = -1;

  private final LongPages ids = new LongPages();
  /**
   * Each row's change: a {@link Pending}, or, for a new row in the map's format (the common case
   * of a bulk insert), just its image, so that no object besides the image is kept per new row;
   * {@link #get} and the iterations give it as a new {@code Pending} each time.
   */
  private final RefPages<Object> changes = new RefPages<>();
  private final org.vsldb.storage.table.RowFormat format;
  /** Entries appended, holes included. */
  private int end;
  private int size;
  /**
   * Position + 1 of each entry, {@link #FREE}, or {@link #GONE} where one was removed; null while
   * the row ids are in ascending order without holes (found by binary search).
   */
  private int[] slots;
  private int gone;

  /** A map for the changes of a table whose rows have {@code format}. */
  PendingMap(org.vsldb.storage.table.RowFormat format) {
    this.format = format;
  }

  /** What {@link #changes} holds for {@code change}. */
  private Object compact(Pending change) {
    return change != null && change.base() == null && change.format() == format && change.image() != null
        ? change.image() : change;
  }

  private Pending pending(Object change) {
    return change instanceof byte[] image ? new Pending(null, format, image) : (Pending) change;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  Pending get(long rowId) {
    int at = find(rowId);
    return at < 0 ? null : pending(changes.get(at));
  }

  boolean containsKey(long rowId) {
    return find(rowId) >= 0;
  }

  /** Sets the change of {@code rowId} (a new row id goes last); returns the previous one, or null. */
  Pending put(long rowId, Pending change) {
    Object previous = set(rowId, compact(change));
    return previous == null ? null : pending(previous);
  }

  /**
   * Sets the change of {@code rowId} to a new row with {@code image} in the map's format, as
   * {@code put(rowId, new Pending(null, format, image))} does without making the {@code Pending}.
   */
  void putImage(long rowId, byte[] image) {
    set(rowId, image);
  }

  /** Sets what {@link #changes} holds for {@code rowId}; returns what it held, or null. */
  private Object set(long rowId, Object change) {
    int at = find(rowId);
    if (at >= 0) {
      Object previous = changes.get(at);
      changes.set(at, change);
      return previous;
    }
    if (slots == null) {
      if (end == 0 || rowId > ids.get(end - 1)) {
        ids.set(end, rowId);
        changes.set(end, change);
        end++;
        size++;
        return null;
      }
      hashPositions();
    }
    if ((end + 1 + gone) * 2 > slots.length) {
      grow();
    }
    ids.set(end, rowId);
    changes.set(end, change);
    end++;
    size++;
    insertSlot(rowId, end);
    return null;
  }

  /** Removes the change of {@code rowId}; returns it, or null. */
  Pending remove(long rowId) {
    if (slots == null) {
      int at = find(rowId);
      if (at < 0) {
        return null;
      }
      if (at == end - 1) { // the last row (an undone insert): the ids stay in order
        Pending previous = pending(changes.get(at));
        changes.set(at, null);
        end--;
        size--;
        return previous;
      }
      hashPositions();
    }
    int mask = slots.length - 1;
    for (int i = hash(rowId) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == FREE) {
        return null;
      }
      if (s != GONE && ids.get(s - 1) == rowId) {
        Pending previous = pending(changes.get(s - 1));
        changes.set(s - 1, null);
        slots[i] = GONE;
        gone++;
        size--;
        return previous;
      }
    }
  }

  /** The changes, in the order their rows were first changed. */
  Iterable<Pending> values() {
    return () -> new Iterator<>() {
      int i = next(0);

      private int next(int from) {
        while (from < end && changes.get(from) == null) {
          from++;
        }
        return from;
      }

      @Override
      public boolean hasNext() {
        return i < end;
      }

      @Override
      public Pending next() {
        if (i >= end) {
          throw new NoSuchElementException();
        }
        Pending p = pending(changes.get(i));
        i = next(i + 1);
        return p;
      }
    };
  }

  /** Receives a row id and the parts of its change (as {@link Pending}'s, without making one). */
  @FunctionalInterface
  interface Visitor {
    void visit(long rowId, org.vsldb.storage.table.RowVersion base,
        org.vsldb.storage.table.RowFormat format, byte[] image);
  }

  /** Visits every row id and change, in the order the rows were first changed. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < end; i++) {
      Object c = changes.get(i);
      if (c instanceof byte[] image) {
        visitor.visit(ids.get(i), null, format, image);
      } else if (c != null) {
        Pending p = (Pending) c;
        visitor.visit(ids.get(i), p.base(), p.format(), p.image());
      }
    }
  }

  private int find(long rowId) {
    if (slots == null) {
      if (end == 0 || rowId > ids.get(end - 1)) {
        return -1; // the common case of a new row
      }
      return ids.binarySearch(end, rowId);
    }
    int mask = slots.length - 1;
    for (int i = hash(rowId) & mask; ; i = (i + 1) & mask) {
      int s = slots[i];
      if (s == FREE) {
        return -1;
      }
      if (s != GONE && ids.get(s - 1) == rowId) {
        return s - 1;
      }
    }
  }

  /** Leaves the ordered state: builds the table of positions (the entries have no holes yet). */
  private void hashPositions() {
    slots = new int[tableSize(end)];
    gone = 0;
    for (int i = 0; i < end; i++) {
      insertSlot(ids.get(i), i + 1);
    }
  }

  /**
   * The size of a table of positions for {@code n} entries: a power of two of at least 4n, so it
   * stays at most half full until the entries double.
   */
  private static int tableSize(int n) {
    return Integer.highestOneBit(Math.max(2, n) * 4 - 1) << 1;
  }

  private void insertSlot(long rowId, int position) {
    int mask = slots.length - 1;
    int i = hash(rowId) & mask;
    while (slots[i] != FREE && slots[i] != GONE) {
      i = (i + 1) & mask;
    }
    if (slots[i] == GONE) {
      gone--;
    }
    slots[i] = position;
  }

  /**
   * Compacts the holes away and rebuilds the table of positions at {@link #tableSize} for the
   * entries left.
   */
  private void grow() {
    int n = 0;
    for (int i = 0; i < end; i++) {
      Object c = changes.get(i);
      if (c != null) {
        ids.set(n, ids.get(i));
        changes.set(n, c);
        n++;
      }
    }
    for (int i = n; i < end; i++) {
      changes.set(i, null);
    }
    end = n;
    slots = new int[tableSize(end)];
    gone = 0;
    for (int i = 0; i < end; i++) {
      insertSlot(ids.get(i), i + 1);
    }
  }

  private static int hash(long rowId) {
    long h = rowId * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32);
  }
}
