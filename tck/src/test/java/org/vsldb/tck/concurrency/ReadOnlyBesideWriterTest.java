package org.vsldb.tck.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GUI beside a running application (JDBC issue, must-show 6): while a child JVM commits
 * transfers to a directory, this JVM opens it with {@code readOnly=true}, again and again. Each
 * open sees a consistent state (the accounts' total is unchanged, and every transfer acknowledged
 * before the open is there), cannot write (25006), and leaves the directory's files alone. A
 * second writer is refused with 08001 naming the holder's process and the readOnly way in.
 */
class ReadOnlyBesideWriterTest {
  @TempDir Path dir;

  private List<String> files(Path db) throws Exception {
    try (Stream<Path> s = Files.list(db)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void readOnlyOpens_beside_aWritingJvm_seeConsistentStates_andCannotWrite() throws Exception {
    readOnlyOpensBesideWriter(dir.resolve("bank"), "");
  }

  /**
   * The writer checkpoints every 64 KiB of log, so opens race with its renames (guarantee 5 from
   * the reader's side): a read-only open that meets a checkpoint half done reads again, and never
   * fails or pairs a snapshot with a log of another generation.
   */
  @Test
  void readOnlyOpens_beside_aWriterThatCheckpointsAllTheTime_neverFail() throws Exception {
    readOnlyOpensBesideWriter(dir.resolve("busy"), ";checkpointLogBytes=65536");
  }

  private void readOnlyOpensBesideWriter(Path db, String writerProperties) throws Exception {
    String url = "jdbc:vsl:" + db;
    try (TransferWorkerProcess worker = new TransferWorkerProcess(url + writerProperties, 1)) {
      Process p = worker.process;
      Set<Long> acked = worker.acked;
      assertTrue(worker.awaitReady(120), "worker did not start: " + worker.errors());

      SQLException refused = null;
      try (Connection w = DriverManager.getConnection(url)) {
        // not reached: the worker holds the directory
      } catch (SQLException e) {
        refused = e;
      }
      assertTrue(refused != null && refused.getSQLState().equals("08001"), String.valueOf(refused));
      assertTrue(refused.getMessage().contains(Long.toString(p.pid())), refused.getMessage());
      assertTrue(refused.getMessage().contains("readOnly=true"), refused.getMessage());

      int opens = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      while (System.nanoTime() < deadline || opens < 5) {
        Set<Long> before = new HashSet<>(acked);
        List<String> filesBefore = files(db);
        try (Connection c = DriverManager.getConnection(url + ";readOnly=true")) {
          assertEquals(TransferTest.TOTAL, TransferTest.total(c), "open " + opens + ": the total changed");
          Set<Long> ledger = new HashSet<>();
          try (ResultSet rs = c.createStatement().executeQuery("select id from ledger")) {
            while (rs.next()) {
              ledger.add(rs.getLong(1));
            }
          }
          assertTrue(ledger.containsAll(before), "open " + opens + ": an acknowledged transfer is missing");
          SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
              () -> c.createStatement().executeUpdate("insert into ledger values (-1, 1)"));
          assertEquals("25006", e.getSQLState());
        }
        // (a checkpointing writer renames and deletes files itself, so only the quiet one tells)
        assertTrue(!writerProperties.isEmpty() || files(db).containsAll(filesBefore)
                || !filesBefore.contains("database.db"),
            "the reader changed the directory: " + filesBefore + " -> " + files(db));
        opens++;
        Thread.sleep(writerProperties.isEmpty() ? 200 : 20);
      }
      assertEquals("", worker.errors());
      assertTrue(acked.size() > 50, "the writer made too little progress: " + acked.size());
      System.out.println("ReadOnlyBesideWriterTest" + writerProperties + ": " + opens + " read-only opens beside "
          + acked.size() + " acknowledged transfers");
    }
  }
}
