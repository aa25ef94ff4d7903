package org.vsldb.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.vsldb.storage.StoreException.Reason;

/**
 * Write locks on rows, held from a transaction's first change of a row until it commits or rolls
 * back. A transaction that wants a row another one holds waits up to the lock timeout
 * ({@link Reason#LOCK_TIMEOUT}, SQLState HYT00); a wait that would close a cycle of waiting
 * transactions is a deadlock, and the transaction about to wait is the victim
 * ({@link Reason#DEADLOCK}, 40001), at once rather than after the timeout. Readers take no locks.
 */
final class RowLocks {
  private record RowKey(int tableId, long rowId) {}

  private final Map<RowKey, Transaction> owners = new HashMap<>();
  private final Map<Transaction, List<RowKey>> held = new HashMap<>();
  private final Map<Transaction, Transaction> waitsFor = new HashMap<>();

  /**
   * Locks a row for {@code txn}, waiting while another transaction holds it.
   *
   * @throws StoreException LOCK_TIMEOUT after {@code timeoutMs}, DEADLOCK if waiting would close a
   *     cycle
   */
  synchronized void lock(Transaction txn, int tableId, long rowId, long timeoutMs, String table) {
    RowKey key = new RowKey(tableId, rowId);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      Transaction owner = owners.get(key);
      if (owner == null) {
        owners.put(key, txn);
        held.computeIfAbsent(txn, t -> new ArrayList<>()).add(key);
        return;
      }
      if (owner == txn) {
        return;
      }
      for (Transaction t = owner; t != null; t = waitsFor.get(t)) {
        if (t == txn) {
          throw new StoreException(Reason.DEADLOCK,
              "deadlock: this transaction and another wait for each other's rows (table " + table
                  + "); this one was rolled back, retry it");
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new StoreException(Reason.LOCK_TIMEOUT,
            "timeout after " + timeoutMs + " ms waiting for a row of table " + table
                + " that another transaction is changing (lockTimeoutMs)");
      }
      waitsFor.put(txn, owner);
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException(Reason.LOCK_TIMEOUT, "interrupted while waiting for a row lock");
      } finally {
        waitsFor.remove(txn);
      }
    }
  }

  /** Releases every lock of {@code txn} and wakes the waiters. */
  synchronized void releaseAll(Transaction txn) {
    List<RowKey> keys = held.remove(txn);
    if (keys != null) {
      for (RowKey k : keys) {
        owners.remove(k, txn);
      }
      notifyAll();
    }
  }
}
