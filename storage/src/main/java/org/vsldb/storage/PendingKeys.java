package org.vsldb.storage;

import java.util.function.LongPredicate;

/**
 * The row ids of a write set's pending rows under one unique key (the primary key or a unique
 * index), found by the key's hash: what a {@code HashMap<Object, Long>} from key to row id does,
 * without a key object, a boxed row id and an entry object kept per row (a transaction that
 * inserts a million rows keeps a million of these until it commits).
 *
 * <p>Only the hash of each key is stored. A lookup gets the row ids whose key has the hash asked
 * for, and the caller tells the one whose key is equal by reading that row's pending values back
 * ({@link WriteSet}), which happens only for equal hashes. Open addressing with linear probing over
 * two parallel arrays; row ids start at 1, so 0 marks a free slot and -1 a removed one. Used by one
 * thread at a time, as its transaction is.
 */
final class PendingKeys {
  private static final long FREE = 0;
  private static final long GONE = -1;

  private int[] hashes = new int[4];
  private long[] ids = new long[4];
  /** Slots in use, removed ones included (they lengthen probes until a rehash). */
  private int used;

  /** The row id among those whose key has {@code hash} that {@code isOwner} accepts, or -1. */
  long find(int hash, LongPredicate isOwner) {
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

  /** Records that row {@code rowId} has a key with {@code hash}. */
  void add(int hash, long rowId) {
    if ((used + 1) * 2 > ids.length) {
      rehash();
    }
    int mask = ids.length - 1;
    int i = spread(hash) & mask;
    while (ids[i] != FREE) {
      i = (i + 1) & mask;
    }
    hashes[i] = hash;
    ids[i] = rowId;
    used++;
  }

  /** Forgets that row {@code rowId} has a key with {@code hash}; nothing if it was not recorded. */
  void remove(int hash, long rowId) {
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

  /** Rebuilds the table without removed slots, at a size that leaves it a quarter to half full. */
  private void rehash() {
    int live = 0;
    for (long id : ids) {
      if (id != FREE && id != GONE) {
        live++;
      }
    }
    int capacity = Math.max(4, Integer.highestOneBit(Math.max(1, live)) << 2);
    int[] oldHashes = hashes;
    long[] oldIds = ids;
    hashes = new int[capacity];
    ids = new long[capacity];
    used = 0;
    int mask = capacity - 1;
    for (int j = 0; j < oldIds.length; j++) {
      long id = oldIds[j];
      if (id != FREE && id != GONE) {
        int i = spread(oldHashes[j]) & mask;
        while (ids[i] != FREE) {
          i = (i + 1) & mask;
        }
        hashes[i] = oldHashes[j];
        ids[i] = id;
        used++;
      }
    }
  }

  /** Mixes a key's hash so that sequential keys (whose hashes are sequential) spread. */
  private static int spread(int h) {
    return (h * 0x9E3779B9) ^ (h >>> 16);
  }
}
