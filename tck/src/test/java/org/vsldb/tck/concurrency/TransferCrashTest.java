package org.vsldb.tck.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

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
      Set<Long> acked = ConcurrentHashMap.newKeySet();
      StringBuilder errors = new StringBuilder();
      Process p = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx512m",
          "-cp", System.getProperty("java.class.path"), TransferWorker.class.getName(), url,
          Long.toString(round * 1_000_000_000L)).redirectErrorStream(true).start();
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            if (line.equals("READY")) {
              ready.countDown();
            } else if (line.startsWith("ACK ")) {
              acked.add(Long.parseLong(line.substring(4)));
            } else if (line.startsWith("ERROR") || line.contains("Exception")) {
              errors.append(line).append('\n');
            }
          }
        } catch (java.io.IOException ignored) {
          // the process died
        }
      });
      reader.start();
      assertTrue(ready.await(120, TimeUnit.SECONDS), "worker did not start: " + errors);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acked.size() < 50 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(500 + (long) (Math.random() * 1500));
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      reader.join(10_000);
      assertEquals("", errors.toString(), "round " + round);
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
