package org.vsldb.storage;

import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.vsldb.storage.table.KeyOrder;

/**
 * The row ids of a write set's pending rows under one unique key (the primary key or a unique
 * index): what a {@code HashMap<Object, Long>} from key to row id does, without a key object, a
 * boxed row id and an entry object kept per row (a transaction that inserts a million rows keeps
 * a million of these until it commits).
 *
 * <p>While the keys of a one-column key come in ascending order (a bulk insert in key order, the
 * common case), only the row ids are kept, in that order ({@link LongPages}), and the last key:
 * a key above it belongs to no pending row, found without a search. The first key that does not come after the
 * last, or a lookup of such a key, or a removal other than of the last row, turns the map into a
 * hash table, reading each row's key back once ({@code keyOf}).
 *
 * <p>The hash table stores only the hash of each key: a lookup gets the row ids whose key has the
 * hash asked for, and the caller tells the one whose key is equal by reading that row's pending
 * values back ({@link WriteSet}), which happens only for equal hashes. Open addressing with linear
 * probing over two parallel arrays; row ids start at 1, so 0 marks a free slot and -1 a removed
 * one. Used by one thread at a time, as its transaction is.
 */
final class PendingKeys {
  private static final long FREE = 0;
  private static final long GONE = -1;

  /** The key of a pending row, read back from its pending values. */
  private final LongFunction<Object> keyOf;

  // ordered state (ordered != null): row ids in the ascending order of their keys
  private LongPages ordered;
  private int count;
  private Object lastKey;

  // hashed state
  private int[] hashes;
  private long[] ids;
  /** Slots in use, removed ones included (they lengthen probes until a rehash). */
  private int used;

  /**
   * @param orderable whether keys are single values that {@link KeyOrder#compareValues} orders (a
   *     one-column key); otherwise the map is a hash table from the start
   * @param keyOf the key of a pending row by row id
   */
  PendingKeys(boolean orderable, LongFunction<Object> keyOf) {
    this.keyOf = keyOf;
    if (orderable) {
      ordered = new LongPages();
    } else {
      hashes = new int[4];
      ids = new long[4];
    }
  }

  /**
   * The row id among those whose key is {@code key} (with hash {@code hash}) that {@code isOwner}
   * accepts, or -1. {@code isOwner} is asked only about rows whose key has the hash.
   */
  long find(Object key, int hash, LongPredicate isOwner) {
    if (ordered != null) {
      if (count == 0 || KeyOrder.compareValues(key, lastKey) > 0) {
        return -1;
      }
      hash();
    }
    int mask = ids.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long id = ids[i];
      if (id == FREE) {
        return -1;
      }
      if (id != GONE && hashes[i] == hash && isOwner.test(id)) {
        return id;
      }
    }
  }

  /** Records that row {@code rowId} has {@code key}, whose hash is {@code hash}. */
  void add(Object key, int hash, long rowId) {
    if (ordered != null) {
      if (count == 0 || KeyOrder.compareValues(key, lastKey) > 0) {
        ordered.set(count++, rowId);
        lastKey = key;
        return;
      }
      hash();
    }
    if ((used + 1) * 2 > ids.length) {
      rehash();
    }
    put(hash, rowId);
  }

  /**
   * Forgets that row {@code rowId} has a key with {@code hash}; nothing if it was not recorded.
   * The row's pending values must still be those that have the key.
   */
  void remove(int hash, long rowId) {
    if (ordered != null) {
      if (count > 0 && ordered.get(count - 1) == rowId) {
        count--;
        lastKey = count == 0 ? null : keyOf.apply(ordered.get(count - 1));
        return;
      }
      hash();
    }
    int mask = ids.length - 1;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long id = ids[i];
      if (id == FREE) {
        return;
      }
      if (id == rowId && hashes[i] == hash) {
        ids[i] = GONE;
        return;
      }
    }
  }

  /** Leaves the ordered state: every row's key is read back and hashed. */
  private void hash() {
    LongPages rows = ordered;
    int n = count;
    ordered = null;
    count = 0;
    lastKey = null;
    int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, n)) << 2);
    hashes = new int[capacity];
    ids = new long[capacity];
    used = 0;
    for (int j = 0; j < n; j++) {
      long id = rows.get(j);
      put(keyOf.apply(id).hashCode(), id);
    }
  }

  /** Rebuilds the table without removed slots, at a size that leaves it a quarter to half full. */
  private void rehash() {
    int live = 0;
    for (long id : ids) {
      if (id != FREE && id != GONE) {
        live++;
      }
    }
    int[] oldHashes = hashes;
    long[] oldIds = ids;
    int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, live)) << 2);
    hashes = new int[capacity];
    ids = new long[capacity];
    used = 0;
    for (int j = 0; j < oldIds.length; j++) {
      long id = oldIds[j];
      if (id != FREE && id != GONE) {
        put(oldHashes[j], id);
      }
    }
  }

  /** Places an entry in a table known to have room. */
  private void put(int hash, long rowId) {
    int mask = ids.length - 1;
    int i = spread(hash) & mask;
    while (ids[i] != FREE) {
      i = (i + 1) & mask;
    }
    hashes[i] = hash;
    ids[i] = rowId;
    used++;
  }

  /** Mixes a key's hash so that sequential keys (whose hashes are sequential) spread. */
  private static int spread(int h) {
    return (h * 0x9E3779B9) ^ (h >>> 16);
  }
}
