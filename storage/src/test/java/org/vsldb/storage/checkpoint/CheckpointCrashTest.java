package org.vsldb.storage.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.io.FaultyFileSystem;
import org.vsldb.storage.io.FaultyFileSystem.Loss;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * A crash at every file operation of a checkpoint, and of the commits around it, loses no
 * acknowledged commit and shows no partial one (PRODUCT.md guarantee 5; invariants I1, I2, I5, I8).
 */
class CheckpointCrashTest {
  @TempDir Path tmp;

  private static final TableDef DEF = new TableDef("PUBLIC", "T", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false),
      new ColumnDef("TXN", ColumnType.INTEGER, -1, -1, false)), new int[] {0});

  /** Commits transaction {@code txn}: rows txn*10 .. txn*10+2. Returns whether it was acknowledged. */
  private static boolean commit(Store s, int txn) {
    try {
      Table t = s.catalog().table("PUBLIC", "T");
      Transaction x = s.begin();
      for (int i = 0; i < 3; i++) {
        x.insert(t, new Object[] {txn * 10 + i, txn});
      }
      x.commit();
      return true;
    } catch (StoreException e) {
      return false;
    }
  }

  private static Set<Integer> committedTxns(Path dir, boolean archive) {
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withArchiveLog(archive))) {
      Table t = s.catalog().table("PUBLIC", "T");
      java.util.Map<Integer, Integer> rowsPerTxn = new java.util.TreeMap<>();
      for (Iterator<Object[]> it = s.begin().scan(t); it.hasNext(); ) {
        rowsPerTxn.merge((Integer) it.next()[1], 1, Integer::sum);
      }
      for (var e : rowsPerTxn.entrySet()) {
        assertEquals(3, e.getValue(), "transaction " + e.getKey() + " is partial (I2)");
      }
      return new TreeSet<>(rowsPerTxn.keySet());
    }
  }

  /**
   * Reopens {@code dir} with archiving (finishing what the crash left) and checkpoints once more
   * so the crashed generation is archived too; then reads every logged change from generation 0
   * on: the transactions whose rows the logs insert.
   */
  private static Set<Integer> archivedTxns(Path dir) throws IOException {
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withArchiveLog(true))) {
      s.checkpoint();
      Set<Integer> txns = new TreeSet<>();
      try (var h = s.history(org.vsldb.storage.archive.LogHistory.Filter.all())) {
        for (var e = h.next(); e != null; e = h.next()) {
          if (e.change() instanceof org.vsldb.storage.log.Change.Insert i) {
            assertTrue(txns.add((Integer) i.values()[1]) || ((Integer) i.values()[0]) % 10 != 0,
                "transaction " + i.values()[1] + " logged twice");
          }
        }
      }
      return txns;
    }
  }

  /** Runs the scenario with a crash at operation {@code k} after setup; returns false once k is past the end. */
  private boolean scenario(Path dir, int k, Loss loss) throws IOException {
    return scenario(dir, k, loss, false);
  }

  private boolean scenario(Path dir, int k, Loss loss, boolean archive) throws IOException {
    Set<Integer> acked = new TreeSet<>();
    try (Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withArchiveLog(archive))) {
      s.createTable(DEF);
      for (int txn = 1; txn <= 5; txn++) {
        assertTrue(commit(s, txn));
        acked.add(txn);
      }
    }
    FaultyFileSystem fs = new FaultyFileSystem(dir);
    Store s = Store.open(StoreConfig.file(dir).withCheckpointLogBytes(0).withArchiveLog(archive).withFileSystem(fs));
    try {
      for (int txn = 6; txn <= 8; txn++) {
        assertTrue(commit(s, txn));
        acked.add(txn);
      }
      fs.crashAt(fs.operations() + k);
      try {
        s.checkpoint();
      } catch (StoreException expected) {
        // the crash
      }
      for (int txn = 9; txn <= 11; txn++) {
        if (commit(s, txn)) {
          acked.add(txn);
        }
      }
      if (!fs.crashed()) {
        return false; // k is past the last operation of the checkpoint and the commits after it
      }
      boolean reached = fs.crashed();
      fs.crash(loss, k);
      s.close();
      Set<Integer> found = committedTxns(dir, archive);
      assertTrue(found.containsAll(acked), "k=" + k + " " + loss + ": acknowledged " + acked + " but found " + found);
      if (loss == Loss.UNFORCED) {
        assertEquals(acked, found, "k=" + k + ": only forced commits survive a power loss");
      }
      if (archive) {
        assertEquals(found, archivedTxns(dir), "k=" + k + " " + loss
            + ": the archive and the current log, replayed from the empty database, give the same state (I9)");
      }
      return reached;
    } finally {
      s.close();
    }
  }

  @Test
  void crashAtEveryFileOperationOfCheckpoint_losesNoAcknowledgedCommit_powerLoss() throws IOException {
    int k = 1;
    while (scenario(tmp.resolve("unforced-" + k), k, Loss.UNFORCED)) {
      k++;
    }
    // rotate (rename, create, truncate, header write, sync), snapshot (create, truncate,
    // writes, force), rename, sync, delete, sync, then three commits (one synchronous write each)
    assertTrue(k > 15, "crashed at only " + k + " file operations");
  }

  @Test
  void crashAtEveryFileOperationOfCheckpoint_keepsWholeTransactions_partialWrites() throws IOException {
    int k = 1;
    while (scenario(tmp.resolve("prefix-" + k), k, Loss.RANDOM_PREFIX)) {
      k++;
    }
  }

  @Test
  void crashAtEveryFileOperationOfCheckpoint_processKill() throws IOException {
    int k = 1;
    while (scenario(tmp.resolve("kill-" + k), k, Loss.NOTHING)) {
      k++;
    }
  }

  @Test
  void crashAtEveryFileOperationOfArchivingCheckpoint_keepsTheArchiveWhole_powerLoss() throws IOException {
    int k = 1;
    while (scenario(tmp.resolve("archive-unforced-" + k), k, Loss.UNFORCED, true)) {
      k++;
    }
    assertTrue(k > 15, "crashed at only " + k + " file operations");
  }

  @Test
  void crashAtEveryFileOperationOfArchivingCheckpoint_keepsTheArchiveWhole_processKill() throws IOException {
    int k = 1;
    while (scenario(tmp.resolve("archive-kill-" + k), k, Loss.NOTHING, true)) {
      k++;
    }
  }
}
