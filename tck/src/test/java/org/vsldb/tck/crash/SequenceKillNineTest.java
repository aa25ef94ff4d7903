package org.vsldb.tck.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/**
 * Kill -9 of a JVM that takes sequence values from several threads: no value is given twice,
 * neither before the kill nor after the reopen, and every row inserted with a value the worker
 * saw committed is present (invariant I11; PRODUCT.md guarantee 1). Rounds: a quarter of
 * {@code vsl.crash.rounds} (at least 5), so 125 in the {@code crash} profile.
 */
@Tag("crash")
class SequenceKillNineTest {
  @TempDir Path dir;

  @Test
  void killNine_atRandomMoments_neverGivesASequenceValueTwice_I11() throws Exception {
    int rounds = Math.max(5, KillNineTest.rounds() / 4);
    Random rnd = new Random(Long.getLong("vsl.crash.seed", System.nanoTime()));
    String url = "jdbc:vsl:" + dir.resolve("seq");
    Set<Long> given = new HashSet<>();
    long total = 0;
    for (int round = 1; round <= rounds; round++) {
      Set<Long> values = Collections.synchronizedSet(new HashSet<>());
      Set<Long> rows = Collections.synchronizedSet(new HashSet<>());
      long[] repeats = new long[1];
      Process p = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx256m",
          "-cp", System.getProperty("java.class.path"), SequenceCrashWorker.class.getName(), url, "4")
          .redirectErrorStream(true).start();
      WorkerOutput out = new WorkerOutput(p, line -> {
        if (line.startsWith("VAL ") || line.startsWith("ROW ")) {
          long v = Long.parseLong(line.substring(4));
          if (!values.add(v)) {
            repeats[0]++;
          }
          if (line.startsWith("ROW ")) {
            rows.add(v);
          }
        }
      });
      assertTrue(out.awaitReady(120), "worker did not start: " + out.errors());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (values.size() < 20 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(rnd.nextInt(600));
      p.destroyForcibly(); // SIGKILL on Linux
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      out.join();
      assertEquals("", out.errors(), "round " + round + ": the worker reported errors");
      assertEquals(0, repeats[0], "round " + round + ": a value was given twice in one run");
      for (long v : values) {
        assertTrue(given.add(v), "round " + round + ": value " + v + " was given before a crash already");
      }
      total += values.size();
      long max = Collections.max(given);
      try (Connection c = DriverManager.getConnection(url)) {
        Set<Long> stored = new HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("select id from taken")) {
          while (rs.next()) {
            stored.add(rs.getLong(1));
          }
        }
        for (long v : rows) {
          assertTrue(stored.contains(v), "round " + round + ": the acknowledged row " + v + " is missing");
        }
        if (!stored.isEmpty()) {
          max = Math.max(max, Collections.max(stored)); // a committed row's key was given too
        }
        given.addAll(stored); // even if the worker died before printing it
        try (ResultSet rs = c.createStatement().executeQuery("select next value for s")) {
          rs.next();
          long next = rs.getLong(1);
          assertTrue(next > max, "round " + round + ": after the reopen the sequence gave " + next
              + ", not above the " + max + " given before");
          given.add(next);
        }
      }
    }
    System.out.println("SequenceKillNineTest: " + rounds + " rounds, " + total + " values given, none twice");
  }
}
