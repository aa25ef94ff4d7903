package org.vsldb.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.io.FaultyFileSystem;
import org.vsldb.storage.table.TableDef;

/** I/O errors and interrupts while committing (PRODUCT.md guarantee 6; invariants I1, I6). */
class IoFaultTest {
  @TempDir Path tmp;

  private static final TableDef DEF = IntTable.DEF;

  private static void insert(Store s, int id) {
    IntTable.insert(s, id);
  }

  private static List<Integer> ids(Store s) {
    return IntTable.ids(s);
  }

  private void ioErrorDuringCommit(boolean diskFull) throws IOException {
    Path dir = tmp.resolve(diskFull ? "full" : "eio");
    try (Store s = Store.open(StoreConfig.file(dir))) {
      s.createTable(DEF);
      insert(s, 1);
    }
    FaultyFileSystem fs = new FaultyFileSystem(dir);
    try (Store s = Store.open(StoreConfig.file(dir).withFileSystem(fs))) {
      insert(s, 2);
      if (diskFull) {
        fs.diskFullAt(fs.operations() + 1);
      } else {
        fs.failAt(fs.operations() + 1); // the synchronous write of the commit record
      }
      StoreException e = assertThrows(StoreException.class, () -> insert(s, 3));
      assertEquals(StoreException.Reason.IO_ERROR, e.reason());
      StoreException refused = assertThrows(StoreException.class, () -> insert(s, 4));
      assertEquals(StoreException.Reason.IO_ERROR, refused.reason());
      assertTrue(refused.getMessage().contains("until it is reopened"), refused.getMessage());
      assertEquals(List.of(1, 2), ids(s), "reads still work and show only committed data");
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      List<Integer> found = ids(s);
      assertTrue(found.equals(List.of(1, 2)) || found.equals(List.of(1, 2, 3)), found.toString());
      insert(s, 5);
      assertTrue(ids(s).contains(5));
    }
  }

  @Test
  void ioErrorOnTheLogWrite_failsThatCommit_refusesWritesUntilReopened_losesNothing_I6() throws IOException {
    ioErrorDuringCommit(false);
  }

  @Test
  void diskFull_failsThatCommit_refusesWritesUntilReopened_losesNothing_I6() throws IOException {
    ioErrorDuringCommit(true);
  }

  @Test
  void tornCommitWrite_isCutAtReopen_andTheDatabaseGoesOn_I3() throws IOException {
    Path dir = tmp.resolve("torn");
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      s.createTable(DEF);
      insert(s, 1);
    }
    FaultyFileSystem fs = new FaultyFileSystem(dir);
    Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withFileSystem(fs));
    insert(s, 2);
    fs.tearAt(fs.operations() + 1); // half of the next commit's record reaches the file
    assertThrows(StoreException.class, () -> insert(s, 3));
    fs.crash(FaultyFileSystem.Loss.NOTHING, 1);
    s.close();
    try (Store r = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      assertEquals(List.of(1, 2), ids(r), "the torn record is cut off, not reported");
      insert(r, 4);
    }
    try (Store r = Store.open(StoreConfig.file(dir))) {
      assertEquals(List.of(1, 2, 4), ids(r));
    }
  }

  @Test
  void ioErrorDuringCheckpoint_keepsCommittedData_I6() throws IOException {
    Path dir = tmp.resolve("cp");
    FaultyFileSystem fs = new FaultyFileSystem(tmp.resolve("cp-none"));
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0))) {
      s.createTable(DEF);
      insert(s, 1);
      insert(s, 2);
    }
    fs = new FaultyFileSystem(dir);
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withFileSystem(fs))) {
      insert(s, 3);
      fs.failAt(fs.operations() + 9); // inside the snapshot write
      assertThrows(StoreException.class, s::checkpoint);
      assertThrows(StoreException.class, () -> insert(s, 4));
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertEquals(List.of(1, 2, 3), ids(s));
    }
  }

  @Test
  void interruptedCommittingThread_doesNotBreakTheDatabaseForOthers() throws Exception {
    Path dir = tmp.resolve("intr");
    try (Store s = Store.open(StoreConfig.file(dir))) {
      s.createTable(DEF);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger acked = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(1);
      Thread victim = new Thread(() -> {
        started.countDown();
        while (!Thread.currentThread().isInterrupted() || next.get() < 200) {
          insert(s, next.incrementAndGet());
          acked.incrementAndGet();
          if (next.get() >= 400) {
            break;
          }
        }
      });
      victim.start();
      started.await();
      for (int i = 0; i < 20; i++) {
        victim.interrupt();
        Thread.sleep(1);
      }
      victim.join();
      insert(s, 100_000);
      assertTrue(ids(s).contains(100_000));
      assertEquals(acked.get() + 1, ids(s).size());
    }
    try (Store s = Store.open(StoreConfig.file(dir))) {
      assertTrue(ids(s).contains(100_000));
    }
  }
}
