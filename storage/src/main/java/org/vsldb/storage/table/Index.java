package org.vsldb.storage.table;

import java.util.Iterator;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A sorted index of one table: entries (key, row id) in {@link KeyOrder}, held in a concurrent
 * skip list so readers never lock.
 *
 * <p>Multi-version rule: the index holds an entry for the key of every version of a row that the
 * table still keeps, not only the newest. An entry is added when a commit gives a row a key it did
 * not have, and removed only when pruning drops the last kept version with that key. So a reader at
 * any pinned snapshot finds the version it sees through the index; it must check that version's
 * key, because the entry may belong to another version of the same row.
 */
public final class Index {
  /** One entry; a bound used only for searching has a shorter key or a row id of MIN/MAX. */
  record Entry(Object[] key, long rowId) {}

  private static int compare(Entry a, Entry b) {
    int la = a.key.length;
    int lb = b.key.length;
    int c = KeyOrder.comparePrefix(a.key, b.key, Math.min(la, lb));
    if (c != 0) {
      return c;
    }
    if (la == lb) {
      return Long.compare(a.rowId, b.rowId);
    }
    if (la < lb) {
      return a.rowId == Long.MIN_VALUE ? -1 : 1;
    }
    return b.rowId == Long.MIN_VALUE ? 1 : -1;
  }

  private final IndexDef def;
  private final int[] columns;
  private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>(Index::compare);

  public Index(IndexDef def) {
    this.def = def;
    this.columns = def.columns();
  }

  public IndexDef def() {
    return def;
  }

  /** The key of a row's values. */
  public Object[] keyOf(Object[] row) {
    Object[] k = new Object[columns.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = row[columns[i]];
    }
    return k;
  }

  /** Whether a key has a NULL part (such keys never conflict in a unique index). */
  public static boolean hasNull(Object[] key) {
    for (Object o : key) {
      if (o == null) {
        return true;
      }
    }
    return false;
  }

  /** Whether two rows have the same key in this index. */
  public boolean sameKey(Object[] rowA, Object[] rowB) {
    for (int c : columns) {
      if (KeyOrder.compareValues(rowA[c], rowB[c]) != 0) {
        return false;
      }
    }
    return true;
  }

  void add(Object[] row, long rowId) {
    entries.add(new Entry(keyOf(row), rowId));
  }

  void remove(Object[] key, long rowId) {
    entries.remove(new Entry(key, rowId));
  }

  void clear() {
    entries.clear();
  }

  /** How many entries the index holds (for statistics). */
  public int size() {
    return entries.size();
  }

  /**
   * The entries whose keys lie between two bounds, in key order. A bound is a key prefix (its
   * length may be less than the number of columns) or null for no bound.
   */
  Iterator<Entry> range(Object[] lo, boolean loInclusive, Object[] hi, boolean hiInclusive) {
    NavigableSet<Entry> s = entries;
    if (lo != null && hi != null) {
      Entry from = new Entry(lo, loInclusive ? Long.MIN_VALUE : Long.MAX_VALUE);
      Entry to = new Entry(hi, hiInclusive ? Long.MAX_VALUE : Long.MIN_VALUE);
      if (compare(from, to) > 0) {
        return java.util.Collections.emptyIterator();
      }
      s = entries.subSet(from, true, to, true);
    } else if (lo != null) {
      s = entries.tailSet(new Entry(lo, loInclusive ? Long.MIN_VALUE : Long.MAX_VALUE), true);
    } else if (hi != null) {
      s = entries.headSet(new Entry(hi, hiInclusive ? Long.MAX_VALUE : Long.MIN_VALUE), true);
    }
    return s.iterator();
  }

  /** Whether an entry's key equals the key of {@code row}. */
  boolean matches(Entry e, Object[] row) {
    for (int i = 0; i < columns.length; i++) {
      if (KeyOrder.compareValues(e.key[i], row[columns[i]]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the key of {@code row} lies between two bounds (key prefixes, or null for none). */
  public boolean inRange(Object[] row, Object[] lo, boolean loInclusive, Object[] hi, boolean hiInclusive) {
    Object[] key = keyOf(row);
    if (lo != null) {
      int c = KeyOrder.comparePrefix(key, lo, lo.length);
      if (c < 0 || (c == 0 && !loInclusive)) {
        return false;
      }
    }
    if (hi != null) {
      int c = KeyOrder.comparePrefix(key, hi, hi.length);
      if (c > 0 || (c == 0 && !hiInclusive)) {
        return false;
      }
    }
    return true;
  }
}
