package org.vsldb.storage;

import java.util.Map;
import java.util.TreeMap;

/**
 * The snapshot timestamps that transactions and open results still read at. Versions that no
 * pinned snapshot (and no future one) can see are reclaimed by {@link Store}'s pruning, so memory
 * stays bounded under a long update load.
 */
final class Snapshots {
  /** A pinned snapshot; {@link #close()} releases it once. */
  final class Pin implements AutoCloseable {
    private final long ts;
    private boolean released;

    private Pin(long ts) {
      this.ts = ts;
    }

    long ts() {
      return ts;
    }

    @Override
    public void close() {
      synchronized (Snapshots.this) {
        if (!released) {
          released = true;
          Integer n = pinned.get(ts);
          if (n != null && n > 1) {
            pinned.put(ts, n - 1);
          } else {
            pinned.remove(ts);
          }
        }
      }
    }
  }

  private final Map<Long, Integer> pinned = new TreeMap<>();

  synchronized Pin pin(long ts) {
    pinned.merge(ts, 1, Integer::sum);
    return new Pin(ts);
  }

  /**
   * Pins the newest published timestamp. Reading it under this lock orders it against
   * {@link #oldest}: a prune either sees this pin, or ran with a timestamp no newer than it.
   */
  synchronized Pin pinNewest(java.util.function.LongSupplier published) {
    return pin(published.getAsLong());
  }

  /** Every pinned snapshot and the newest published timestamp, ascending, without repeats. */
  synchronized long[] inUse(java.util.function.LongSupplier published) {
    long now = published.getAsLong();
    java.util.TreeSet<Long> all = new java.util.TreeSet<>(pinned.keySet());
    all.add(now);
    return all.stream().mapToLong(Long::longValue).toArray();
  }
}
