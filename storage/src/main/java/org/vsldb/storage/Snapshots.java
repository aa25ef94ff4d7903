package org.vsldb.storage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The snapshot timestamps that transactions and open results still read at. Versions that no
 * pinned snapshot (and no future one) can see are reclaimed by {@link Store}'s pruning, so memory
 * stays bounded under a long update load.
 *
 * <p>No lock: each pin is a slot holding one timestamp, registered in a concurrent set, and a
 * transaction moves its slot forward at each statement instead of taking a new one. Pinning the
 * newest commit follows the hazard-pointer protocol: read the published timestamp, write it to
 * the slot, read the published timestamp again and start over if it moved. A prune reads the
 * published timestamp before it reads the slots, so either it sees the slot, or the pin started
 * over from a timestamp no older than the prune's (every version that one sees is kept).
 */
final class Snapshots {
  private static final long RELEASED = Long.MIN_VALUE;

  /** A pinned snapshot; {@link #close()} releases it once. */
  final class Pin implements AutoCloseable {
    private volatile long ts;

    private Pin(long ts) {
      this.ts = ts;
    }

    long ts() {
      return ts;
    }

    /** Moves this pin to the newest published timestamp (hazard-pointer protocol, above). */
    void moveToNewest(LongSupplier published) {
      long t = published.getAsLong();
      while (true) {
        ts = t;
        long again = published.getAsLong();
        if (again == t) {
          return;
        }
        t = again;
      }
    }

    @Override
    public void close() {
      if (ts != RELEASED) {
        ts = RELEASED;
        pins.remove(this);
      }
    }
  }

  private final Set<Pin> pins = ConcurrentHashMap.newKeySet();

  /** Pins {@code ts}, which the caller knows no prune has passed (it holds a pin at or before it, or the commit lock). */
  Pin pin(long ts) {
    Pin p = new Pin(ts);
    pins.add(p);
    return p;
  }

  /** Pins the newest published timestamp. */
  Pin pinNewest(LongSupplier published) {
    Pin p = new Pin(published.getAsLong());
    pins.add(p);
    p.moveToNewest(published);
    return p;
  }

  /** Every pinned snapshot and the newest published timestamp, ascending, without repeats. */
  long[] inUse(LongSupplier published) {
    long now = published.getAsLong(); // before the slots: see the class comment
    java.util.TreeSet<Long> all = new java.util.TreeSet<>();
    for (Pin p : pins) {
      long t = p.ts;
      if (t != RELEASED) {
        all.add(t);
      }
    }
    all.add(now);
    return all.stream().mapToLong(Long::longValue).toArray();
  }
}
