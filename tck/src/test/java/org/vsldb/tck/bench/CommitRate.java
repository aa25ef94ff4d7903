package org.vsldb.tck.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Durable commits/s of several threads, each on its own connection, each committing one
 * {@code insert into c values (?, 'v')} per transaction (autocommit). The table
 * {@code c(id int primary key, v varchar(20))} must exist.
 */
final class CommitRate {
  /** Opens a new connection to the database measured. */
  @FunctionalInterface
  interface Connector {
    Connection open() throws Exception;
  }

  private CommitRate() {}

  /**
   * Commits/s of {@code threads} threads for {@code millis}, taking keys from {@code ids}. The
   * clock starts when every thread has prepared its statement and committed once, so the first
   * run in the JVM does not count the engine's warm-up.
   */
  static double threads(Connector connector, int threads, long millis, AtomicInteger ids) throws Exception {
    AtomicLong total = new AtomicLong();
    CyclicBarrier ready = new CyclicBarrier(threads + 1);
    long[] end = new long[1];
    List<Thread> ts = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < threads; t++) {
      Thread th = new Thread(() -> {
        try (Connection tc = connector.open();
            PreparedStatement p = tc.prepareStatement("insert into c values (?, 'v')")) {
          insert(p, ids);
          ready.await();
          while (System.nanoTime() < end[0]) {
            insert(p, ids);
            total.incrementAndGet();
          }
        } catch (Throwable e) {
          failures.add(e);
          ready.reset();
        }
      });
      ts.add(th);
      th.start();
    }
    long start = System.nanoTime();
    end[0] = start + millis * 1_000_000;
    try {
      ready.await();
    } catch (java.util.concurrent.BrokenBarrierException e) {
      // a thread failed before the start: its failure is reported below
    }
    for (Thread th : ts) {
      th.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("a committing thread failed", failures.get(0));
    }
    return total.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void insert(PreparedStatement p, AtomicInteger ids) throws SQLException {
    p.setInt(1, ids.incrementAndGet());
    p.executeUpdate();
  }
}
