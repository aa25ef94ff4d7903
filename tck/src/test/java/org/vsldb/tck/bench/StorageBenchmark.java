package org.vsldb.tck.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.Durability;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;
import org.vsldb.tck.support.ChildJvm;

/**
 * The storage engine's figures, with H2 2.3.232 in the same run where it has an equivalent:
 * durable commits/s against the disk's raw force rate, log replay rate, snapshot write and load
 * throughput, and the open time of a 1,000,000-row database after kill -9. Writes
 * {@code target/benchmarks-storage.md}. Reported, not asserted.
 */
@Tag("bench")
class StorageBenchmark {
  private static final int ROWS = 1_000_000;

  @TempDir Path dir;

  private final List<String> lines = new ArrayList<>();

  private void report(String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    lines.add(s);
  }

  private static double threadedCommitRate(String url, int threads, long millis) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create table c(id int primary key, v varchar(20))");
      java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
      java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
      long end = System.nanoTime() + millis * 1_000_000;
      List<Thread> ts = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        Thread th = new Thread(() -> {
          try (Connection tc = DriverManager.getConnection(url);
              PreparedStatement p = tc.prepareStatement("insert into c values (?, ?)")) {
            while (System.nanoTime() < end) {
              p.setInt(1, ids.incrementAndGet());
              p.setString(2, "value");
              p.executeUpdate();
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
      return total.get() / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static double commitRate(Connection c, int[] next, long millis) throws Exception {
    try (PreparedStatement p = c.prepareStatement("insert into c values (?, ?)")) {
      int i = next[0];
      long n = 0;
      long start = System.nanoTime();
      long end = start + millis * 1_000_000;
      while (System.nanoTime() < end) {
        p.setInt(1, i++);
        p.setString(2, "value");
        p.executeUpdate();
        n++;
      }
      next[0] = i;
      return n / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static final TableDef DEF = new TableDef("PUBLIC", "T", List.of(
      new ColumnDef("ID", ColumnType.INTEGER, -1, -1, false),
      new ColumnDef("NAME", ColumnType.VARCHAR, 50, -1, true),
      new ColumnDef("VAL", ColumnType.INTEGER, -1, -1, true)), new int[] {0});

  /**
   * After kill -9 of a loader that was told its commits succeeded: the open's time (to
   * {@code getConnection}'s return), the time from then to the first result of a query that reads
   * every row ({@code count(*)} and {@code sum(val)}: H2 keeps a table's count, so a count alone
   * would read nothing there), and the rows found.
   */
  private record Reopen(double seconds, double firstReadSeconds, long rowsFound) {}

  /** Runs in a JVM of their own after kill -9: copies of the killed directory, opened once each. */
  private static final int FRESH_JVM_OPENS = 3;

  /** The open and first full read of each fresh-JVM run ({@link ReopenWorker}), in order. */
  private final java.util.Map<String, List<Reopen>> freshJvm = new java.util.HashMap<>();

  /**
   * Kills a child that loaded {@code rows} rows, opens copies of what it left in fresh JVMs
   * ({@link #FRESH_JVM_OPENS}, kept in {@link #freshJvm}), then times the open and a first full
   * read of the directory itself in this JVM.
   */
  private Reopen openAfterKill(String url, Path killed, int rows) throws Exception {
    Process p = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx2g",
        "-cp", System.getProperty("java.class.path"), LoadWorker.class.getName(), url, Integer.toString(rows))
        .redirectErrorStream(true).start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      String line;
      do {
        line = r.readLine();
      } while (line != null && !line.equals("DONE"));
      if (line == null) {
        throw new IllegalStateException("loader died");
      }
    }
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);
    List<Reopen> fresh = new ArrayList<>();
    for (int i = 0; i < FRESH_JVM_OPENS; i++) {
      Path copy = killed.resolveSibling(killed.getFileName() + "-fresh" + i);
      Files.createDirectories(copy);
      try (var files = Files.list(killed)) {
        for (Path f : files.toList()) {
          if (!f.getFileName().toString().endsWith(".lock")) {
            Files.copy(f, copy.resolve(f.getFileName()));
          }
        }
      }
      fresh.add(freshJvmOpen(url.replace(killed.toString(), copy.toString())));
    }
    freshJvm.put(url, fresh);
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url)) {
      long opened = System.nanoTime();
      try (ResultSet rs = c.createStatement().executeQuery("select count(*), sum(val) from t")) {
        rs.next();
        long read = System.nanoTime();
        return new Reopen((opened - start) / 1e9, (read - opened) / 1e9, rs.getLong(1));
      }
    }
  }

  /** Opens {@code url} in a JVM of its own ({@link ReopenWorker}). */
  private static Reopen freshJvmOpen(String url) throws Exception {
    Process p = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx2g",
        "-cp", System.getProperty("java.class.path"), ReopenWorker.class.getName(), url)
        .redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("OPEN ")) {
          result = line;
        }
      }
    }
    p.waitFor(60, TimeUnit.SECONDS);
    if (result == null) {
      throw new IllegalStateException("the fresh-JVM open of " + url + " printed no result");
    }
    String[] f = result.split(" ");
    return new Reopen(Long.parseLong(f[1]) / 1e9, Long.parseLong(f[3]) / 1e9, Long.parseLong(f[5]));
  }

  private static String seconds(List<Reopen> runs, java.util.function.ToDoubleFunction<Reopen> f) {
    StringBuilder b = new StringBuilder();
    for (Reopen r : runs) {
      b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.3f", f.applyAsDouble(r)));
    }
    return b.toString();
  }

  private static double median(List<Reopen> runs, java.util.function.ToDoubleFunction<Reopen> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v[v.length / 2];
  }

  @Test
  void storageFigures() throws Exception {
    // Warm the JDBC path of both engines once so that class loading is not timed below.
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:")) {
      c.createStatement().executeQuery("select 1 from (values (1))").close();
    }
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:")) {
      c.createStatement().executeQuery("select 1").close();
    }

    // The disk's force rate drifts by 10% and more within a minute, so the probe and vsl alternate
    // in five rounds of 2 s each, and the ratio is taken per round (median reported).
    double[] ratios = new double[5];
    double[] probes = new double[5];
    double[] commits = new double[5];
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + dir.resolve("commits"))) {
      c.createStatement().execute("create table c(id int primary key, v varchar(20))");
      int[] next = {0};
      commitRate(c, next, 1000); // warm-up
      for (int r = 0; r < 5; r++) {
        probes[r] = ForceProbe.rate(dir.resolve("probe" + r + ".bin"), 2000);
        commits[r] = commitRate(c, next, 2000);
        ratios[r] = commits[r] / probes[r];
      }
    }
    double h2Commits;
    try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("h2commits") + "/db")) {
      c.createStatement().execute("create table c(id int primary key, v varchar(20))");
      h2Commits = commitRate(c, new int[] {0}, 3000);
    }
    java.util.Arrays.sort(ratios);
    report("| durable commits/s, 1 thread (vsl, durability=full), 5 rounds | %s |", java.util.Arrays.toString(
        java.util.Arrays.stream(commits).mapToLong(Math::round).toArray()));
    report("| raw force(false) probe, the same 5 rounds, alternating | %s |", java.util.Arrays.toString(
        java.util.Arrays.stream(probes).mapToLong(Math::round).toArray()));
    report("| ratio vsl / probe per round, median (goal >= 0.9) | %.2f (min %.2f, max %.2f) |", ratios[2], ratios[0], ratios[4]);
    report("| H2 commits/s, 1 thread (default settings: does not force per commit) | %,.0f |", h2Commits);
    for (int threads : new int[] {4, 8}) {
      report("| durable commits/s, %d threads (vsl, group commit) | %,.0f |", threads,
          threadedCommitRate("jdbc:vsl:" + dir.resolve("commits-t" + threads), threads, 3000));
    }

    // Replay: a log of 1,000,000 single-row commits, opened in a directory that holds only it.
    Path replayDir = dir.resolve("replay");
    try (Store s = Store.open(StoreConfig.file(replayDir).withDurability(Durability.NONE).withCheckpointLogBytes(0))) {
      Table t = s.createTable(DEF);
      for (int i = 0; i < ROWS; i++) {
        Transaction x = s.begin();
        x.insert(t, new Object[] {i, "name-" + i, i % 1000});
        x.commit();
      }
      Path copy = dir.resolve("replay-copy");
      Files.createDirectories(copy);
      Thread.sleep(200); // the appender writes asynchronously with durability=none
      Files.copy(replayDir.resolve("database.vsl"), copy.resolve("database.vsl"), StandardCopyOption.REPLACE_EXISTING);
    }
    long logBytes = Files.size(dir.resolve("replay-copy").resolve("database.vsl"));
    long start = System.nanoTime();
    try (Store s = Store.open(StoreConfig.file(dir.resolve("replay-copy")).withCheckpointLogBytes(0))) {
      s.catalog().tables(); // the open checks the log; the replay ends when the catalog is loaded
      double secs = (System.nanoTime() - start) / 1e9;
      report("| log replay, %,d single-row commits (%,d MB) | %.2f s = %,.0f records/s (goal >= 1,000,000/s) |",
          s.lastCommitTs() - 1, logBytes >> 20, secs, (s.lastCommitTs() - 1) / secs);
      long cpStart = System.nanoTime();
      Store.CheckpointResult cp = s.checkpoint();
      double cpSecs = (System.nanoTime() - cpStart) / 1e9;
      report("| snapshot write, %,d rows, %,d MB | %.2f s = %.0f MB/s |", cp.rows(), cp.bytes() >> 20, cpSecs,
          cp.bytes() / 1e6 / cpSecs);
    }
    Path snapOnly = dir.resolve("replay-copy");
    long snapBytes = Files.size(snapOnly.resolve("database.db"));
    start = System.nanoTime();
    try (Store s = Store.open(StoreConfig.file(snapOnly).withCheckpointLogBytes(0))) {
      s.catalog().tables(); // loaded
      double secs = (System.nanoTime() - start) / 1e9;
      report("| snapshot load, %,d MB | %.2f s = %.0f MB/s |", snapBytes >> 20, secs, snapBytes / 1e6 / secs);
    }

    String vslUrl = "jdbc:vsl:" + dir.resolve("kill-vsl");
    String h2Url = "jdbc:h2:" + dir.resolve("kill-h2") + "/db";
    Reopen vsl = openAfterKill(vslUrl, dir.resolve("kill-vsl"), ROWS);
    Reopen h2 = openAfterKill(h2Url, dir.resolve("kill-h2"), ROWS);
    report("| open after kill -9, %,d committed rows: vsl | open %.3f s, then first full read %.3f s, %,d rows found |",
        ROWS, vsl.seconds(), vsl.firstReadSeconds(), vsl.rowsFound());
    report("| open after kill -9, %,d committed rows: H2 | open %.3f s, then first full read %.3f s, %,d rows found |",
        ROWS, h2.seconds(), h2.firstReadSeconds(), h2.rowsFound());
    report("| ratio vsl / H2 open time (goal <= 1.0) | %.2f |", vsl.seconds() / h2.seconds());
    report("| ratio vsl / H2 open and first full read together | %.2f |",
        (vsl.seconds() + vsl.firstReadSeconds()) / (h2.seconds() + h2.firstReadSeconds()));
    List<Reopen> vslFresh = freshJvm.get(vslUrl);
    List<Reopen> h2Fresh = freshJvm.get(h2Url);
    report("| the same, each open in a JVM of its own (%d copies of the killed directory): vsl | open %s s, then first full read %s s |",
        FRESH_JVM_OPENS, seconds(vslFresh, Reopen::seconds), seconds(vslFresh, Reopen::firstReadSeconds));
    report("| the same, each open in a JVM of its own: H2 | open %s s, then first full read %s s |",
        seconds(h2Fresh, Reopen::seconds), seconds(h2Fresh, Reopen::firstReadSeconds));
    report("| ratio vsl / H2 open time in a JVM of its own, medians | %.2f |",
        median(vslFresh, Reopen::seconds) / median(h2Fresh, Reopen::seconds));
    report("| ratio vsl / H2 open and first full read in a JVM of its own, medians | %.2f |",
        median(vslFresh, r -> r.seconds() + r.firstReadSeconds()) / median(h2Fresh, r -> r.seconds() + r.firstReadSeconds()));
    for (Reopen r : vslFresh) {
      if (r.rowsFound() != ROWS) {
        throw new AssertionError("vsl lost acknowledged rows after kill -9: " + r.rowsFound());
      }
    }
    if (vsl.rowsFound() != ROWS) {
      throw new AssertionError("vsl lost acknowledged rows after kill -9: " + vsl.rowsFound());
    }
    Files.write(Path.of("target", "benchmarks-storage.md"), lines);
  }
}
