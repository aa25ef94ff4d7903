package org.vsldb.tck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transactions issue's figures, vsl and H2 in the same run: durable commits/s with 1, 4 and
 * 8 threads; p99 commit latency while a CHECKPOINT of 1,000,000 rows runs against p99 without one;
 * read throughput of 8 reader threads with and without a writer. Writes
 * {@code target/benchmarks-concurrency.md}. Reported, not asserted.
 */
@Tag("bench")
class ConcurrencyBenchmark {
  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();

  private void report(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    lines.add(s);
  }

  /** Commits/s of {@code threads} threads inserting one row per transaction for {@code millis} ({@link CommitRate}). */
  private static double commits(String url, int threads, long millis) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create table if not exists c(id int primary key, v varchar(20))");
      return CommitRate.threads(() -> DriverManager.getConnection(url), threads, millis,
          new AtomicInteger((int) (System.nanoTime() & 0x3fffffff)));
    }
  }

  /** Commit latencies (µs) of one thread for {@code millis}, optionally while {@code during} runs. */
  private static long[] latencies(Connection c, long millis, int[] next) throws Exception {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("insert into events values (?)")) {
      long end = System.nanoTime() + millis * 1_000_000;
      while (System.nanoTime() < end) {
        long t0 = System.nanoTime();
        p.setInt(1, next[0]++);
        p.executeUpdate();
        out.add((System.nanoTime() - t0) / 1000);
      }
    }
    return out.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static long p99(long[] sorted) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
  }

  private static String rounded(double[] xs) {
    return java.util.Arrays.toString(java.util.Arrays.stream(xs).mapToLong(Math::round).toArray());
  }

  /** Point reads/s of 8 threads for {@code millis}, with or without one writer updating. */
  private static double reads(String url, boolean writer, long millis) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread w = null;
    if (writer) {
      w = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url);
            PreparedStatement p = c.prepareStatement("update r set v = v + 1 where id = ?")) {
          while (!stop.get()) {
            p.setInt(1, ThreadLocalRandom.current().nextInt(10_000));
            p.executeUpdate();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      w.start();
    }
    AtomicLong total = new AtomicLong();
    long end = System.nanoTime() + millis * 1_000_000;
    List<Thread> ts = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url);
            PreparedStatement p = c.prepareStatement("select v from r where id = ?")) {
          while (System.nanoTime() < end) {
            p.setInt(1, ThreadLocalRandom.current().nextInt(10_000));
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
            }
            total.incrementAndGet();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) {
      th.join();
    }
    double rate = total.get() / ((System.nanoTime() - start) / 1e9);
    stop.set(true);
    if (w != null) {
      w.join();
    }
    return rate;
  }

  @Test
  void concurrencyFigures() throws Exception {
    commits("jdbc:vsl:" + dir.resolve("warm"), 2, 2000); // JIT and Calcite warm-up, not reported
    commits("jdbc:h2:" + dir.resolve("h2warm") + "/db", 2, 2000);
    double one = 0;
    for (int threads : new int[] {1, 4, 8}) {
      double vsl = commits("jdbc:vsl:" + dir.resolve("c" + threads), threads, 4000);
      double h2 = commits("jdbc:h2:" + dir.resolve("h2c" + threads) + "/db", threads, 4000);
      report("| durable commits/s, %d threads | vsl %,.0f | H2 %,.0f (H2 does not force per commit) |", threads, vsl, h2);
      if (threads == 1) {
        one = vsl;
      } else {
        report("| vsl %d threads / 1 thread | %.2f (goal for 8: >= 4.0) |", threads, vsl / one);
      }
    }

    String url = "jdbc:vsl:" + dir.resolve("cp") + ";checkpointLogBytes=0";
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create table big(id int primary key, v int)");
      c.createStatement().execute("create table events(id int primary key)");
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("insert into big values (?, ?)")) {
        for (int i = 0; i < 1_000_000; i++) {
          p.setInt(1, i);
          p.setInt(2, i);
          p.executeUpdate();
        }
      }
      c.commit();
      c.setAutoCommit(true);
      int[] next = {0};
      latencies(c, 2000, next); // warm-up
      long[] quiet = latencies(c, 3000, next);
      AtomicBoolean done = new AtomicBoolean();
      long[] cpMillis = {0};
      Thread cp = new Thread(() -> {
        try (Connection cc = DriverManager.getConnection(url)) {
          while (!done.get()) {
            long t0 = System.nanoTime();
            cc.createStatement().execute("checkpoint");
            cpMillis[0] = (System.nanoTime() - t0) / 1_000_000;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (java.sql.Statement warm = c.createStatement()) {
        warm.execute("checkpoint"); // the checkpoint's code is compiled before it is measured, as the commits' is
      }
      cp.start();
      long[] busy = latencies(c, 3000, next);
      done.set(true);
      cp.join();
      report("| p99 commit latency, no checkpoint | %,d µs (p50 %,d µs) |", p99(quiet), quiet[quiet.length / 2]);
      report("| p99 commit latency, CHECKPOINT of 1,000,000 rows running (%,d ms each) | %,d µs (p50 %,d µs) |",
          cpMillis[0], p99(busy), busy[busy.length / 2]);
      report("| ratio (goal <= 2.0) | %.2f |", (double) p99(busy) / p99(quiet));
    }

    String rurl = "jdbc:vsl:mem:reads";
    try (Connection c = DriverManager.getConnection(rurl)) {
      c.createStatement().execute("create table r(id int primary key, v int)");
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("insert into r values (?, 0)")) {
        for (int i = 0; i < 10_000; i++) {
          p.setInt(1, i);
          p.executeUpdate();
        }
      }
      c.commit();
      // Each configuration is warmed up on its own (the writer's UPDATE path is compiled by the JIT
      // during its warm-up, not while it is measured), then the two alternate in three rounds and
      // the median ratio is reported.
      reads(rurl, false, 2000);
      reads(rurl, true, 2000);
      double[] ratios = new double[3];
      double[] alone = new double[3];
      double[] withWriter = new double[3];
      for (int r = 0; r < 3; r++) {
        alone[r] = reads(rurl, false, 3000);
        withWriter[r] = reads(rurl, true, 3000);
        ratios[r] = withWriter[r] / alone[r];
      }
      double[] sorted = ratios.clone();
      java.util.Arrays.sort(sorted);
      report("| point reads/s, 8 threads, 10,000-row table, 3 rounds | %s alone, %s with a writer | ratio per round %s, median %.2f (goal >= 0.8) |",
          rounded(alone), rounded(withWriter), java.util.Arrays.toString(
              java.util.Arrays.stream(ratios).map(x -> Math.round(x * 100) / 100.0).toArray()), sorted[1]);
    }
    Files.write(Path.of("target", "benchmarks-concurrency.md"), lines);
  }
}
