package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.io.FaultyFileSystem;

/**
 * Group commit with more committing threads than processors, so that some waiters yield and
 * others park ({@code LogAppender}): every commit returns, and what was acknowledged is in the log
 * (invariant I1); an I/O error fails every waiter instead of leaving one waiting (I6).
 */
class GroupCommitTest {
  @TempDir Path tmp;

  private static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  private static Set<Integer> ids(Store s) {
    return new HashSet<>(IntTable.ids(s));
  }

  /** Runs {@code THREADS} threads that each commit {@code perThread} rows; returns the acknowledged ids. */
  private static Set<Integer> commitFromManyThreads(Store s, int perThread, List<Throwable> failures)
      throws Exception {
    Set<Integer> acked = Collections.synchronizedSet(new HashSet<>());
    AtomicInteger next = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread th = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < perThread; i++) {
            int id = next.incrementAndGet();
            IntTable.insert(s, id);
            acked.add(id);
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    return acked;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void manyCommittingThreads_everyCommitReturns_andEveryAcknowledgedRowIsRecovered_I1() throws Exception {
    Path dir = tmp.resolve("many");
    Set<Integer> acked;
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    try (Store s = Store.open(StoreConfig.file(dir))) {
      s.createTable(IntTable.DEF);
      acked = commitFromManyThreads(s, 200, failures);
      assertEquals(List.of(), failures);
      assertEquals(THREADS * 200, acked.size());
      assertEquals(acked, ids(s));
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertEquals(acked, ids(s), "every acknowledged commit is in the log after reopening");
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void ioErrorWhileManyThreadsWait_failsEveryWaiter_noneIsLeftWaiting_andAcknowledgedRowsSurvive_I6()
      throws Exception {
    Path dir = tmp.resolve("eio");
    try (Store s = Store.open(StoreConfig.file(dir))) {
      s.createTable(IntTable.DEF);
    }
    FaultyFileSystem fs = new FaultyFileSystem(dir);
    Set<Integer> acked;
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    try (Store s = Store.open(StoreConfig.file(dir).withFileSystem(fs))) {
      fs.failAt(fs.operations() + 40); // a log write while the threads commit
      acked = commitFromManyThreads(s, 100, failures);
    } catch (StoreException closing) {
      throw new AssertionError("closing after the I/O error", closing); // closing does not throw: see IoFaultTest
    }
    assertEquals(THREADS, failures.size(), "every thread's commits stop with the I/O error: " + failures);
    for (Throwable f : failures) {
      assertTrue(f instanceof StoreException e && e.reason() == StoreException.Reason.IO_ERROR, f.toString());
    }
    assertTrue(acked.size() < THREADS * 100, "the failure came while threads were committing");
    try (Store s = Store.open(StoreConfig.file(dir))) {
      Set<Integer> found = ids(s);
      assertTrue(found.containsAll(acked), "every acknowledged commit survives the I/O error");
    }
  }
}
