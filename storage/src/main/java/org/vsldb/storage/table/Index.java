package org.vsldb.storage.table;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A sorted index of one table: entries (key, row id) in {@link KeyOrder}, held in a concurrent
 * skip list so readers never lock. Used for CREATE INDEX, UNIQUE and foreign-key indexes, and for
 * the primary key's order ({@link Table#primaryKeyOrder()}).
 *
 * <p>Multi-version rule: the index holds an entry for the key of every version of a row that the
 * table still keeps, not only the newest. An entry is added when a commit gives a row a key it did
 * not have, and removed only when pruning drops the last kept version with that key. So a reader at
 * any pinned snapshot finds the version it sees through the index; it must check that version's
 * key, because the entry may belong to another version of the same row.
 */
public final class Index {
  /**
   * One entry. Its key is the column value itself in an index of one column (saving an array per
   * row), else the {@code Object[]} of values. A bound used only for searching has a row id of
   * MIN/MAX, and in an index of several columns may have a shorter key (a prefix).
   */
  record Entry(Object key, long rowId) {}

  /** The order of an index of one column: value, then row id. */
  private static int compareSingle(Entry a, Entry b) {
    int c = KeyOrder.compareValues(a.key, b.key);
    return c != 0 ? c : Long.compare(a.rowId, b.rowId);
  }

  /** The order of an index of several columns: key prefix, then row id or the bound's side. */
  private static int compareMulti(Entry a, Entry b) {
    Object[] ka = (Object[]) a.key;
    Object[] kb = (Object[]) b.key;
    int la = ka.length;
    int lb = kb.length;
    int c = KeyOrder.comparePrefix(ka, kb, Math.min(la, lb));
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
  /** 0, 1, …: the positions of a key's parts in the key itself. */
  private final int[] keyPositions;
  private final boolean single;
  private final Comparator<Entry> order;
  /** The entries, as keys of a map whose values are all TRUE (a set that {@link #rebuild} can build in one pass). */
  private volatile ConcurrentSkipListMap<Entry, Boolean> entries;

  public Index(IndexDef def) {
    this.def = def;
    this.columns = def.columns();
    this.keyPositions = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      keyPositions[i] = i;
    }
    this.single = columns.length == 1;
    this.order = single ? Index::compareSingle : Index::compareMulti;
    this.entries = new ConcurrentSkipListMap<>(order);
  }

  /** The entry (or search bound) for a key or key prefix; an index of one column keeps the value alone. */
  private Entry entry(Object[] key, long rowId) {
    return new Entry(single ? key[0] : key, rowId);
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
    entries.put(single ? new Entry(row[columns[0]], rowId) : new Entry(keyOf(row), rowId), Boolean.TRUE);
  }

  void remove(Object[] key, long rowId) {
    entries.remove(entry(key, rowId));
  }

  /**
   * Replaces every entry by those of the live versions among {@code versions}: sorted once, then
   * linked in one pass (adding them one by one searches the skip list for each). Only while no
   * reader uses the index (a table being loaded).
   */
  void rebuild(Iterator<RowVersion> versions) {
    List<Entry> live = new ArrayList<>();
    while (versions.hasNext()) {
      RowVersion v = versions.next();
      if (v.isLive()) {
        live.add(single ? new Entry(v.value(columns[0]), v.rowId()) : new Entry(v.values(columns), v.rowId()));
      }
    }
    live.sort(order);
    entries = new ConcurrentSkipListMap<>(new SortedEntries(live, order));
  }

  /** A sorted list as the read-only {@link SortedMap} that ConcurrentSkipListMap builds from in one pass. */
  private static final class SortedEntries extends AbstractMap<Index.Entry, Boolean> implements SortedMap<Index.Entry, Boolean> {
    private final List<Index.Entry> sorted;
    private final Comparator<Index.Entry> order;

    SortedEntries(List<Index.Entry> sorted, Comparator<Index.Entry> order) {
      this.sorted = sorted;
      this.order = order;
    }

    @Override
    public Comparator<? super Index.Entry> comparator() {
      return order;
    }

    @Override
    public Set<Map.Entry<Index.Entry, Boolean>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<Index.Entry, Boolean>> iterator() {
          Iterator<Index.Entry> it = sorted.iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return it.hasNext();
            }

            @Override
            public Map.Entry<Index.Entry, Boolean> next() {
              return new AbstractMap.SimpleImmutableEntry<>(it.next(), Boolean.TRUE);
            }
          };
        }

        @Override
        public int size() {
          return sorted.size();
        }
      };
    }

    /** The position of the first entry not below {@code key}. */
    private int lowerBound(Index.Entry key) {
      int i = java.util.Collections.binarySearch(sorted, key, order);
      return i >= 0 ? i : -i - 1;
    }

    @Override
    public SortedMap<Index.Entry, Boolean> subMap(Index.Entry fromKey, Index.Entry toKey) {
      return new SortedEntries(sorted.subList(lowerBound(fromKey), Math.max(lowerBound(fromKey), lowerBound(toKey))), order);
    }

    @Override
    public SortedMap<Index.Entry, Boolean> headMap(Index.Entry toKey) {
      return new SortedEntries(sorted.subList(0, lowerBound(toKey)), order);
    }

    @Override
    public SortedMap<Index.Entry, Boolean> tailMap(Index.Entry fromKey) {
      return new SortedEntries(sorted.subList(lowerBound(fromKey), sorted.size()), order);
    }

    @Override
    public Index.Entry firstKey() {
      if (sorted.isEmpty()) {
        throw new java.util.NoSuchElementException();
      }
      return sorted.get(0);
    }

    @Override
    public Index.Entry lastKey() {
      if (sorted.isEmpty()) {
        throw new java.util.NoSuchElementException();
      }
      return sorted.get(sorted.size() - 1);
    }
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
    ConcurrentNavigableMap<Entry, Boolean> s = entries;
    if (lo != null && hi != null) {
      Entry from = entry(lo, loInclusive ? Long.MIN_VALUE : Long.MAX_VALUE);
      Entry to = entry(hi, hiInclusive ? Long.MAX_VALUE : Long.MIN_VALUE);
      if (order.compare(from, to) > 0) {
        return java.util.Collections.emptyIterator();
      }
      s = s.subMap(from, true, to, true);
    } else if (lo != null) {
      s = s.tailMap(entry(lo, loInclusive ? Long.MIN_VALUE : Long.MAX_VALUE), true);
    } else if (hi != null) {
      s = s.headMap(entry(hi, hiInclusive ? Long.MAX_VALUE : Long.MIN_VALUE), true);
    }
    return s.keySet().iterator();
  }

  /** Whether an entry's key equals the key of {@code row}. */
  /** Whether a version has the key of entry {@code e} (decoding only the key's columns). */
  boolean matches(Entry e, RowVersion v) {
    if (single) {
      return KeyOrder.compareValues(e.key, v.value(columns[0])) == 0;
    }
    return matches(e, v.values(columns), keyPositions);
  }

  private boolean matches(Entry e, Object[] key, int[] positions) {
    Object[] entryKey = (Object[]) e.key;
    for (int i = 0; i < positions.length; i++) {
      if (KeyOrder.compareValues(entryKey[i], key[positions[i]]) != 0) {
        return false;
      }
    }
    return true;
  }

  boolean matches(Entry e, Object[] row) {
    if (single) {
      return KeyOrder.compareValues(e.key, row[columns[0]]) == 0;
    }
    return matches(e, row, columns);
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
