package org.vsldb.tck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log as history over 1,000,000 logged changes (100,000 transactions of 10 inserts, updates
 * and deletes on two tables, with {@code archiveLog=true} and 16 MiB generations): the scan rate
 * of {@code VSL_LOG()} (counting, and reading every column), the same with a table filter and with
 * a time window, and the time to open the database at a moment in the middle and near the end of
 * the history ({@code recoverTo}). vsl only: no peer has either. Writes
 * {@code target/benchmarks-history.md}. Run with {@code mvn -Pbench verify}; reported, not asserted.
 */
@Tag("bench")
class HistoryBenchmark {
  private static final int TRANSACTIONS = 100_000;
  private static final int CHANGES_PER_TRANSACTION = 10;
  private static final long CHANGES = (long) TRANSACTIONS * CHANGES_PER_TRANSACTION;

  @TempDir Path dir;

  /** Runs the workload; returns 11 moments, at 0 %, 10 %, ..., 100 % of it. */
  private static List<Long> workload(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("create table h (id int primary key, name varchar(20), val double)");
      s.execute("create table other (k int primary key, v varchar(20))");
    }
    Random rnd = new Random(1);
    List<Long> moments = new ArrayList<>();
    int[] ids = new int[TRANSACTIONS * CHANGES_PER_TRANSACTION];
    int live = 0;
    int next = 0;
    int nextOther = 0;
    c.setAutoCommit(false);
    try (PreparedStatement ins = c.prepareStatement("insert into h values (?, ?, ?)");
        PreparedStatement upd = c.prepareStatement("update h set name = ?, val = ? where id = ?");
        PreparedStatement del = c.prepareStatement("delete from h where id = ?");
        PreparedStatement other = c.prepareStatement("insert into other values (?, ?)")) {
      for (int t = 0; t < TRANSACTIONS; t++) {
        if (t % (TRANSACTIONS / 10) == 0) {
          moments.add(moment());
        }
        for (int i = 0; i < CHANGES_PER_TRANSACTION; i++) {
          int kind = rnd.nextInt(10);
          if (t % 10 == 9) {
            other.setInt(1, nextOther++);
            other.setString(2, "other-" + nextOther);
            other.executeUpdate();
          } else if (kind < 6 || live < 100) {
            ins.setInt(1, next);
            ins.setString(2, "name-" + next);
            ins.setDouble(3, next * 0.5);
            ins.executeUpdate();
            ids[live++] = next++;
          } else if (kind < 9) {
            int at = rnd.nextInt(live);
            upd.setString(1, "upd-" + t);
            upd.setDouble(2, t);
            upd.setInt(3, ids[at]);
            if (upd.executeUpdate() != 1) {
              throw new IllegalStateException("row " + ids[at] + " missing");
            }
          } else {
            // delete a row not touched in this transaction: the oldest live ones are
            int at = rnd.nextInt(Math.max(1, live - 50));
            del.setInt(1, ids[at]);
            if (del.executeUpdate() != 1) {
              throw new IllegalStateException("row " + ids[at] + " missing");
            }
            ids[at] = ids[--live];
          }
        }
        c.commit();
      }
    }
    c.setAutoCommit(true);
    moments.add(moment());
    return moments;
  }

  private static long moment() throws InterruptedException {
    Thread.sleep(2);
    long m = System.currentTimeMillis();
    Thread.sleep(2);
    return m;
  }

  /** The median of three timed runs of {@code job}, after one warm-up run, in seconds. */
  private static double median(Job job) throws Exception {
    job.run();
    double[] s = new double[3];
    for (int i = 0; i < s.length; i++) {
      long start = System.nanoTime();
      job.run();
      s[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(s);
    return s[1];
  }

  @FunctionalInterface
  private interface Job {
    void run() throws Exception;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void vslLogScanRate_andPointInTimeRecovery_over1MillionChanges() throws Exception {
    Path db = dir.resolve("history");
    String url = "jdbc:vsl:" + db + ";archiveLog=true;durability=none;checkpointLogBytes=16777216";
    List<Long> moments;
    long loadStart = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url)) {
      moments = workload(c);
    }
    double load = (System.nanoTime() - loadStart) / 1e9;
    long archiveBytes;
    long generations;
    try (var files = Files.list(db.resolve("archive"))) {
      List<Path> all = files.toList();
      archiveBytes = all.stream().mapToLong(p -> p.toFile().length()).sum();
      generations = all.stream().filter(p -> p.toString().endsWith(".vsl")).count();
    }
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      long total = count(c, "select count(*) from table(vsl_log())");
      long expected = CHANGES + 2; // and the two CREATE TABLEs
      if (total < CHANGES * 9 / 10 || total > expected) {
        throw new IllegalStateException("VSL_LOG() returned " + total + " changes");
      }
      double countAll = median(() -> count(c, "select count(*) from table(vsl_log())"));
      rows.add(row("VSL_LOG(), count(*) of every change", total, countAll));
      double readAll = median(() -> {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from table(vsl_log())")) {
          long n = 0;
          while (rs.next()) {
            for (int i = 1; i <= 12; i++) {
              rs.getObject(i);
            }
            n++;
          }
          if (n != total) {
            throw new IllegalStateException(n + " rows");
          }
        }
      });
      rows.add(row("VSL_LOG(), every column of every change", total, readAll));
      long others = count(c, "select count(*) from table(vsl_log('OTHER'))");
      double oneTable = median(() -> count(c, "select count(*) from table(vsl_log('OTHER'))"));
      rows.add(row("VSL_LOG('OTHER'): one table's " + others + " changes", total, oneTable));
      String window = "vsl_log(null, timestamp '" + local(moments.get(5)) + "', timestamp '" + local(moments.get(6)) + "')";
      long inWindow = count(c, "select count(*) from table(" + window + ")");
      double tenth = median(() -> count(c, "select count(*) from table(" + window + ")"));
      rows.add(row("VSL_LOG(NULL, from, to): a tenth of the history, " + inWindow + " changes", inWindow, tenth));
    }
    for (int at : new int[] {5, 9}) {
      String pitr = "jdbc:vsl:" + db + ";recoverTo=" + Instant.ofEpochMilli(moments.get(at));
      double open = median(() -> {
        try (Connection r = DriverManager.getConnection(pitr)) {
          count(r, "select count(*) from h");
        }
      });
      rows.add(String.format(Locale.ROOT, "| open with recoverTo, %d %% into the history (%,d of %,d changes) | %.2f s | |",
          at * 10, CHANGES * at / 10, CHANGES, open));
    }
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "History of %,d changes in %,d transactions, loaded in %.1f s"
        + " (durability=none); archive: %d generations, %,d bytes%n%n", CHANGES, TRANSACTIONS, load, generations, archiveBytes));
    out.append("| figure | time | rate |\n|---|---|---|\n");
    rows.forEach(r -> out.append(r).append('\n'));
    System.out.println(out);
    Files.writeString(Path.of("target", "benchmarks-history.md"), out.toString());
  }

  private static String local(long millis) {
    return java.time.LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), java.time.ZoneId.systemDefault())
        .toString().replace('T', ' ');
  }

  private static String row(String what, long changes, double seconds) {
    return String.format(Locale.ROOT, "| %s | %.2f s | %,.0f changes/s |", what, seconds, changes / seconds);
  }
}
