package org.vsldb.tck.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer workload of {@link TransferTest} in a child JVM killed with kill -9: after
 * reopening, the total is unchanged and every acknowledged transfer is present (transactions
 * issue, must-show 2; invariants I1, I2). Rounds: {@code vsl.crash.rounds} / 10, at least 2.
 */
@Tag("crash")
class TransferCrashTest {
  @TempDir Path dir;

  @Test
  void transfersKilledWithKillNine_keepTheTotal_andEveryAcknowledgedTransfer() throws Exception {
    String url = "jdbc:vsl:" + dir.resolve("bank");
    int rounds = Math.max(2, Integer.getInteger("vsl.crash.rounds", 20) / 10);
    long acknowledged = 0;
    for (int round = 1; round <= rounds; round++) {
      TransferWorkerProcess worker = new TransferWorkerProcess(url, round * 1_000_000_000L);
      Set<Long> acked = worker.acked;
      assertTrue(worker.awaitReady(120), "worker did not start: " + worker.errors());
      worker.awaitAcknowledged(50, 60);
      Thread.sleep(500 + (long) (Math.random() * 1500));
      worker.kill();
      assertTrue(worker.process.waitFor(30, TimeUnit.SECONDS));
      assertEquals("", worker.errors(), "round " + round);
      try (Connection c = DriverManager.getConnection(url)) {
        assertEquals(TransferTest.TOTAL, TransferTest.total(c), "round " + round + ": the total changed");
        Set<Long> ledger = new HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("select id from ledger")) {
          while (rs.next()) {
            ledger.add(rs.getLong(1));
          }
        }
        for (long id : acked) {
          assertTrue(ledger.contains(id), "round " + round + ": acknowledged transfer " + id + " is missing");
        }
      }
      acknowledged += acked.size();
    }
    System.out.println("TransferCrashTest: " + rounds + " rounds, " + acknowledged
        + " acknowledged transfers, all present, total kept");
    assertTrue(acknowledged > 50L * rounds);
  }
}
