package org.vsldb.tck.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/**
 * Kill -9 of a JVM that commits from several threads: after reopening, every acknowledged
 * transaction is present, and no transaction is partial (PRODUCT.md guarantees 1 and 2; invariants
 * I1, I2, I3). Rounds: {@code vsl.crash.rounds}, 20 by default, 500 in the {@code crash} profile.
 */
@Tag("crash")
class KillNineTest {
  @TempDir Path dir;

  static int rounds() {
    return Integer.getInteger("vsl.crash.rounds", 20);
  }

  @Test
  void killNine_atRandomMoments_losesNoAcknowledgedCommit_andLeavesNoPartialOne() throws Exception {
    long totalAcked = killRounds("db", "", rounds(), (url, round) -> { });
    System.out.println("KillNineTest: " + rounds() + " rounds, " + totalAcked + " acknowledged transactions, all present");
  }

  /**
   * With {@code archiveLog=true} and generations of 64 KiB, so that automatic checkpoints run all
   * the time and many kills land inside one: besides the above, the logs from generation 0 on
   * (archive and current) hold every transaction found, each once, and a point-in-time open at
   * "now" finds the same rows (invariant I9).
   */
  @Test
  void killNine_withTheArchiveOn_keepsTheWholeHistory() throws Exception {
    int rounds = Math.max(5, rounds() / 2);
    long totalAcked = killRounds("archive", ";archiveLog=true;checkpointLogBytes=65536", rounds,
        KillNineTest::verifyHistory);
    System.out.println("KillNineTest (archive): " + rounds + " rounds, " + totalAcked
        + " acknowledged transactions, all present, history whole");
  }

  @FunctionalInterface
  private interface RoundCheck {
    void check(String url, int round) throws Exception;
  }

  private long killRounds(String name, String options, int rounds, RoundCheck extra) throws Exception {
    Random rnd = new Random(Long.getLong("vsl.crash.seed", System.nanoTime()));
    long totalAcked = 0;
    for (int round = 1; round <= rounds; round++) {
      // A database lives for 25 rounds: long enough to recover from many crashes in a row, short
      // enough that a 500-round run does not spend its time loading an ever larger database.
      String url = "jdbc:vsl:" + dir.resolve(name + ((round - 1) / 25)) + options;
      Map<Long, Integer> acked = new ConcurrentHashMap<>();
      Process p = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx512m",
          "-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(),
          url, "4", Long.toString(round * 100_000_000L))
          .redirectErrorStream(true).start();
      WorkerOutput out = new WorkerOutput(p, line -> {
        if (line.startsWith("ACK ")) {
          String[] f = line.split(" ");
          acked.put(Long.parseLong(f[1]), Integer.parseInt(f[2]));
        }
      });
      assertTrue(out.awaitReady(120), "worker did not start: " + out.errors());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acked.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(5); // wait until the worker threads commit, then kill at a random moment
      }
      Thread.sleep(rnd.nextInt(800));
      p.destroyForcibly(); // SIGKILL on Linux
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      out.join();
      assertEquals("", out.errors(), "round " + round + ": the worker reported errors");
      totalAcked += acked.size();
      verify(url, acked, round);
      extra.check(url, round);
    }
    assertTrue(totalAcked > 2L * rounds, "the workers committed too little for the test to mean anything");
    return totalAcked;
  }

  /** The history from generation 0 holds each transaction found in the table, once; so does "now". */
  private static void verifyHistory(String url, int round) throws Exception {
    Map<Long, Integer> rows = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url)) {
      try (ResultSet rs = c.createStatement().executeQuery("select txn, count(*) from acct group by txn")) {
        while (rs.next()) {
          rows.put(rs.getLong(1), rs.getInt(2));
        }
      }
      Map<Long, Integer> logged = new HashMap<>();
      Map<Long, Long> transactionOf = new HashMap<>();
      try (ResultSet rs = c.createStatement().executeQuery(
          "select row_key, transaction_id from table(vsl_log('ACCT')) where operation = 'INSERT'")) {
        while (rs.next()) {
          String key = rs.getString(1); // (txn, idx)
          long txn = Long.parseLong(key.substring(1, key.indexOf(',')));
          logged.merge(txn, 1, Integer::sum);
          Long before = transactionOf.put(txn, rs.getLong(2));
          assertTrue(before == null || before == rs.getLong(2),
              "round " + round + ": transaction " + txn + " is logged in two commits");
        }
      }
      assertEquals(rows, logged, "round " + round + ": the logs from generation 0 on give the table's rows");
    }
    String now = url + ";recoverTo=" + java.time.Instant.now().plusSeconds(1);
    try (Connection at = DriverManager.getConnection(now);
        ResultSet rs = at.createStatement().executeQuery("select count(*) from acct")) {
      rs.next();
      assertEquals(rows.values().stream().mapToInt(Integer::intValue).sum(), rs.getInt(1),
          "round " + round + ": recovering to now from the archive gives the same rows");
    }
  }

  private static void verify(String url, Map<Long, Integer> acked, int round) throws Exception {
    Map<Long, int[]> found = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery("select txn, n from acct")) {
      while (rs.next()) {
        found.computeIfAbsent(rs.getLong(1), k -> new int[] {0, 0});
        int[] v = found.get(rs.getLong(1));
        v[0]++;
        v[1] = rs.getInt(2);
      }
    }
    for (Map.Entry<Long, int[]> e : found.entrySet()) {
      assertEquals(e.getValue()[1], e.getValue()[0], "round " + round + ": transaction " + e.getKey() + " is partial");
    }
    for (Map.Entry<Long, Integer> e : acked.entrySet()) {
      int[] v = found.get(e.getKey());
      assertTrue(v != null, "round " + round + ": acknowledged transaction " + e.getKey() + " is missing");
      assertEquals((int) e.getValue(), v[0]);
    }
  }
}
