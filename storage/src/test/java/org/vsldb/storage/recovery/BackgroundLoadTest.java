package org.vsldb.storage.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.DatabaseFiles;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.io.DurableFile;
import org.vsldb.storage.io.FileSystem;

/**
 * A file database is checked at open and loaded after it (docs/RECOVERY.md, "Checked at open,
 * loaded after"): the open returns before the tables are loaded, every use of the catalog waits
 * for the load, and closing waits for it too. A file system that holds the loading thread's reads
 * until the test lets them go makes the window as long as the test needs.
 */
class BackgroundLoadTest {
  @TempDir Path tmp;

  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  /** Delegates to the default file system; reads by the store's loading thread wait for {@link #release}. */
  private static class HeldLoad implements FileSystem {
    final CountDownLatch released = new CountDownLatch(1);
    final CountDownLatch loadStarted = new CountDownLatch(1);

    void release() {
      released.countDown();
    }

    @Override
    public DurableFile open(Path file, boolean create, boolean syncWrites) throws IOException {
      return DEFAULT.open(file, create, syncWrites);
    }

    @Override
    public DurableFile openReadOnly(Path file) throws IOException {
      if (Thread.currentThread().getName().startsWith("vsl-load")) {
        loadStarted.countDown();
        try {
          released.await();
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
      }
      return DEFAULT.openReadOnly(file);
    }

    @Override
    public boolean exists(Path file) {
      return DEFAULT.exists(file);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
      DEFAULT.rename(from, to);
    }

    @Override
    public void link(Path existing, Path link) throws IOException {
      DEFAULT.link(existing, link);
    }

    @Override
    public void delete(Path file) throws IOException {
      DEFAULT.delete(file);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
      DEFAULT.syncDirectory(dir);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
      DEFAULT.createDirectories(dir);
    }
  }

  /** A file system whose reads by the store's loading thread fail with {@code failure} (an IOException or an Error). */
  private static FileSystem failingLoad(Throwable failure) {
    return new HeldLoad() {
      @Override
      public DurableFile openReadOnly(Path file) throws IOException {
        if (Thread.currentThread().getName().startsWith("vsl-load")) {
          if (failure instanceof IOException io) {
            throw io;
          }
          throw (Error) failure;
        }
        return DEFAULT.openReadOnly(file);
      }
    };
  }

  /** A database of {@code rows} rows, committed one by one, closed without a checkpoint (as kill -9 leaves it). */
  private Path database(int rows, boolean checkpoint) {
    Path dir = tmp.resolve("db");
    try (Store s = Store.open(RecoveryTest.config(dir))) {
      s.createTable(RecoveryTest.DEF);
      for (int i = 0; i < rows; i++) {
        RecoveryTest.insert(s, i);
        if (checkpoint && i == rows / 2) {
          s.checkpoint();
        }
      }
    }
    return dir;
  }

  private static List<Integer> expected(int rows) {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      ids.add(i);
    }
    return ids;
  }

  private static void assertWaiting(Future<?> f) throws Exception {
    assertThrows(TimeoutException.class, () -> f.get(300, TimeUnit.MILLISECONDS), "still waiting for the load");
  }

  @Test
  void openReturnsBeforeTheLoad_andEveryUseOfTheCatalogWaitsForIt_I10() throws Exception {
    Path dir = database(200, true);
    HeldLoad fs = new HeldLoad();
    try (Store s = Store.open(RecoveryTest.config(dir).withFileSystem(fs))) {
      assertTrue(fs.loadStarted.await(10, TimeUnit.SECONDS), "the load runs on its own thread");
      assertEquals(201, s.lastCommitTs(), "the open's checks found the last commit");
      Future<List<Integer>> read = pool.submit(() -> RecoveryTest.ids(s));
      Future<?> write = pool.submit(() -> RecoveryTest.insert(s, 1000));
      Future<?> checkpoint = pool.submit(() -> s.checkpoint());
      assertWaiting(read);
      assertWaiting(write);
      assertWaiting(checkpoint);
      fs.release();
      List<Integer> ids = read.get(10, TimeUnit.SECONDS);
      List<Integer> after = expected(200);
      after.add(1000);
      assertTrue(ids.equals(expected(200)) || ids.equals(after), "a reader sees every loaded row, and the new one whole or not at all: " + ids);
      write.get(10, TimeUnit.SECONDS);
      checkpoint.get(10, TimeUnit.SECONDS);
      assertEquals(after, RecoveryTest.ids(s));
    }
    try (Store s = Store.open(RecoveryTest.config(dir))) {
      List<Integer> after = expected(200);
      after.add(1000);
      assertEquals(after, RecoveryTest.ids(s), "the commit made after the load is durable like any other");
    }
  }

  @Test
  void closeWhileLoading_waitsForTheLoad_thenReleasesTheDirectory_I7_I10() throws Exception {
    Path dir = database(100, false);
    long logSize = Files.size(new DatabaseFiles(dir).log());
    HeldLoad fs = new HeldLoad();
    Store s = Store.open(RecoveryTest.config(dir).withFileSystem(fs));
    assertTrue(fs.loadStarted.await(10, TimeUnit.SECONDS));
    Future<?> close = pool.submit(() -> s.close());
    assertWaiting(close);
    assertThrows(StoreException.class, () -> Store.open(RecoveryTest.config(dir)), "the directory is still locked");
    fs.release();
    close.get(10, TimeUnit.SECONDS);
    assertTrue(s.isClosed());
    assertFalse(Files.size(new DatabaseFiles(dir).log()) > logSize, "the log only ever shrinks at a checkpoint");
    try (Store again = Store.open(RecoveryTest.config(dir))) {
      assertEquals(expected(100), RecoveryTest.ids(again), "every committed row, after a close during the load");
    }
  }

  @Test
  void anErrorWhileLoading_failsEveryUse_insteadOfLeavingThemWaiting_I10() throws Exception {
    Path dir = database(20, false);
    FileSystem fs = failingLoad(new OutOfMemoryError("simulated: the heap is too small for the tables"));
    Store s = Store.open(RecoveryTest.config(dir).withFileSystem(fs));
    Future<?> read = pool.submit(() -> RecoveryTest.ids(s));
    java.util.concurrent.ExecutionException e =
        assertThrows(java.util.concurrent.ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof StoreException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("heap is too small"), e.getCause().getMessage());
    s.close();
    try (Store again = Store.open(RecoveryTest.config(dir))) {
      assertEquals(expected(20), RecoveryTest.ids(again), "nothing was lost or written");
    }
  }

  @Test
  void anIoErrorWhileLoading_failsEveryUseWithIoError_andAHealthyReopenFindsEverything_I6_I10() throws Exception {
    Path dir = database(30, true);
    FileSystem fs = failingLoad(new IOException("simulated: the device failed a read"));
    try (Store s = Store.open(RecoveryTest.config(dir).withFileSystem(fs))) {
      StoreException e = assertThrows(StoreException.class, () -> s.catalog().tables());
      assertEquals(StoreException.Reason.IO_ERROR, e.reason());
      assertTrue(e.getMessage().contains("device failed a read"), e.getMessage());
      assertThrows(StoreException.class, () -> RecoveryTest.insert(s, 99));
    }
    try (Store again = Store.open(RecoveryTest.config(dir))) {
      assertEquals(expected(30), RecoveryTest.ids(again), "nothing was lost or written");
    }
  }

  @Test
  void damageTheChecksCatch_stillFailsTheOpenItself_I4() throws IOException {
    Path dir = database(50, false);
    Path log = new DatabaseFiles(dir).log();
    byte[] bytes = Files.readAllBytes(log);
    bytes[bytes.length / 2] ^= 0x40; // inside a record that good records follow
    Files.write(log, bytes);
    StoreException e = assertThrows(StoreException.class, () -> Store.open(RecoveryTest.config(dir)));
    assertEquals(StoreException.Reason.CORRUPTION, e.reason());
    assertTrue(e.getMessage().contains("offset"), e.getMessage());
  }

  @Test
  void manyThreadsUsingTheStoreWhileItLoads_allSeeTheWholeDatabase_I10() throws Exception {
    Path dir = database(300, true);
    HeldLoad fs = new HeldLoad();
    try (Store s = Store.open(RecoveryTest.config(dir).withFileSystem(fs))) {
      List<Future<List<Integer>>> readers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        readers.add(pool.submit(() -> RecoveryTest.ids(s)));
      }
      assertTrue(fs.loadStarted.await(10, TimeUnit.SECONDS));
      fs.release();
      for (Future<List<Integer>> r : readers) {
        assertEquals(expected(300), r.get(10, TimeUnit.SECONDS), "no reader sees a table half loaded");
      }
    }
  }
}
