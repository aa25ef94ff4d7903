package org.vsldb.storage.table;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A sorted index of one table: entries (key, row id) in {@link KeyOrder}, held in a {@link KeyTree}
 * so readers never lock. Used for CREATE INDEX, UNIQUE and foreign-key indexes, and for
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
  private static int compareSingle(Object ka, long ra, Object kb, long rb) {
    int c = KeyOrder.compareValues(ka, kb);
    return c != 0 ? c : Long.compare(ra, rb);
  }

  /** The order of an index of several columns: key prefix, then row id or the bound's side. */
  private static int compareMulti(Object a, long ra, Object b, long rb) {
    Object[] ka = (Object[]) a;
    Object[] kb = (Object[]) b;
    int la = ka.length;
    int lb = kb.length;
    int c = KeyOrder.comparePrefix(ka, kb, Math.min(la, lb));
    if (c != 0) {
      return c;
    }
    if (la == lb) {
      return Long.compare(ra, rb);
    }
    if (la < lb) {
      return ra == Long.MIN_VALUE ? -1 : 1;
    }
    return rb == Long.MIN_VALUE ? 1 : -1;
  }

  private final IndexDef def;
  private final int[] columns;
  /** 0, 1, …: the positions of a key's parts in the key itself. */
  private final int[] keyPositions;
  private final boolean single;
  private final KeyTree.Order order;
  private final KeyTree entries;

  /** An index whose keys are kept as objects. */
  public Index(IndexDef def) {
    this(def, (KeyTree.Boxing) null);
  }

  /**
   * An index of a table whose columns are {@code columns}: an index of one column of an integer,
   * date or time type that is never NULL keeps its keys as {@code long}s ({@link KeyTree}).
   */
  Index(IndexDef def, List<ColumnDef> columns) {
    this(def, def.columns().length == 1 ? integralBoxing(columns.get(def.columns()[0])) : null);
  }

  /** Whether {@link #entries} keeps its keys as {@code long}s (one NOT NULL integral column). */
  private final boolean integralKeys;

  private Index(IndexDef def, KeyTree.Boxing integral) {
    this.def = def;
    this.columns = def.columns();
    this.keyPositions = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      keyPositions[i] = i;
    }
    this.single = columns.length == 1;
    this.order = single ? Index::compareSingle : Index::compareMulti;
    this.entries = new KeyTree(order, integral);
    this.integralKeys = integral != null;
  }

  /** How the keys of a column are boxed when kept as {@code long}s, or null if they are not. */
  private static KeyTree.Boxing integralBoxing(ColumnDef column) {
    if (column.nullable()) {
      return null;
    }
    return switch (column.type()) {
      case TINYINT -> k -> (byte) k;
      case SMALLINT -> k -> (short) k;
      case INTEGER, DATE, TIME -> k -> (int) k;
      case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> k -> k;
      default -> null;
    };
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
    entries.add(single ? row[columns[0]] : keyOf(row), rowId);
  }

  /** As {@link #add}, for a row given by its image: only the key's columns are decoded. */
  void add(RowFormat format, byte[] image, long rowId) {
    if (integralKeys) {
      entries.addLong(format.integral(image, columns[0]), rowId); // read as a long: not boxed
      return;
    }
    entries.add(single ? format.value(image, columns[0]) : format.values(image, columns), rowId);
  }

  /** As {@link #sameKey}, for two images of one format: only the key's columns are decoded. */
  boolean sameKey(RowFormat format, byte[] a, byte[] b) {
    for (int c : columns) {
      if (KeyOrder.compareValues(format.value(a, c), format.value(b, c)) != 0) {
        return false;
      }
    }
    return true;
  }

  void remove(Object[] key, long rowId) {
    entries.remove(single ? key[0] : key, rowId);
  }

  /** Makes the entries added and removed since the last publish visible to readers (see {@link KeyTree}). */
  void publish() {
    entries.publish();
  }

  /**
   * Replaces every entry by those of the live rows of {@code rows} (at most {@code expected} of
   * them, a hint), whose images have {@code format} ({@link Loader}). Only while no reader uses the
   * index (a table being loaded).
   */
  void rebuild(RowPages rows, RowFormat format, int expected) {
    Loader loader = loader(expected);
    rows.forEachLive((rowId, image) -> loader.add(format, image, rowId));
    loader.load();
  }

  /** A loader of this index's entries, sized for {@code expected} of them (a hint). */
  Loader loader(int expected) {
    return new Loader(expected);
  }

  /**
   * Gathers a loaded table's entries into arrays, noting whether they came in key order (rows
   * loaded in key order usually do), then replaces the index's entries by them in one pass,
   * sorting first only if they did not.
   */
  final class Loader {
    private Object[] keys;
    private long[] rowIds;
    private int n;
    private boolean sorted = true;

    private Loader(int expected) {
      keys = new Object[Math.max(16, expected)];
      rowIds = new long[keys.length];
    }

    /** Adds the entry of row {@code rowId}, whose image has {@code format}. */
    void add(RowFormat format, byte[] image, long rowId) {
      if (n == keys.length) {
        keys = java.util.Arrays.copyOf(keys, n * 2);
        rowIds = java.util.Arrays.copyOf(rowIds, n * 2);
      }
      Object key = single ? format.value(image, columns[0]) : format.values(image, columns);
      if (sorted && n > 0 && order.compare(keys[n - 1], rowIds[n - 1], key, rowId) > 0) {
        sorted = false;
      }
      keys[n] = key;
      rowIds[n] = rowId;
      n++;
    }

    /** Replaces the index's entries by those added. */
    void load() {
      if (!sorted) {
        List<Entry> live = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          live.add(new Entry(keys[i], rowIds[i]));
        }
        live.sort((a, b) -> order.compare(a.key, a.rowId, b.key, b.rowId));
        for (int i = 0; i < n; i++) {
          keys[i] = live.get(i).key;
          rowIds[i] = live.get(i).rowId;
        }
      }
      entries.load(keys, rowIds, n);
      keys = null;
      rowIds = null;
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
    Iterator<Entry> from = lo == null
        ? entries.all()
        : entries.from(single ? lo[0] : lo, loInclusive ? Long.MIN_VALUE : Long.MAX_VALUE);
    if (hi == null) {
      return from;
    }
    Object toKey = single ? hi[0] : hi;
    long toRow = hiInclusive ? Long.MAX_VALUE : Long.MIN_VALUE;
    return new Iterator<>() {
      Entry next = advance();

      private Entry advance() {
        if (!from.hasNext()) {
          return null;
        }
        Entry e = from.next();
        return order.compare(e.key, e.rowId, toKey, toRow) <= 0 ? e : null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Entry next() {
        if (next == null) {
          throw new java.util.NoSuchElementException();
        }
        Entry e = next;
        next = advance();
        return e;
      }
    };
  }

  /**
   * Calls {@code visitor} with the row id of each entry whose key equals {@code key} (all of the
   * index's columns), in row-id order, until it returns false.
   */
  void visitRowsWithKey(Object[] key, java.util.function.LongPredicate visitor) {
    entries.visitEqual(single ? key[0] : key, visitor);
  }

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
