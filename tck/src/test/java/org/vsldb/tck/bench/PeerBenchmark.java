package org.vsldb.tck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's workloads on vsl, H2 2.3.232, HSQLDB 2.7.4 and SQLite (xerial sqlite-jdbc), in memory
 * and on file, in one run ({@code mvn -Pbench verify -Dtest=PeerBenchmark}; docs/benchmarks.md
 * describes each workload and each engine's settings). Writes {@code target/benchmarks-peers.md}
 * and the chart {@code target/benchmarks-peers.svg}. {@code -Dbench.quick=true} shrinks the run
 * to a smoke test ({@link Budget}). Figures are reported, never asserted; a workload that fails
 * on an engine is reported as such and fails its test after the others have run.
 */
@Tag("bench")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerBenchmark {
  private static final Budget BUDGET = Budget.fromSystemProperties();
  private static final PeerReport REPORT = new PeerReport();
  private static final String ROWS = BUDGET.rowsText();

  private static final PeerReport.Section POINT = REPORT.section(
      "1. prepared point select by PK",
      "Prepared once, " + ROWS + ", a random key per call", "selects/s", true);
  private static final PeerReport.Section ADHOC = REPORT.section(
      "2. ad-hoc literal point select",
      ROWS + ", a new Statement and a new literal per call", "selects/s", true);
  private static final PeerReport.Section INSERT = REPORT.section(
      "3. insert " + ROWS + " in one transaction",
      "Prepared, one executeUpdate per row, into a new database; p50/p99: the median and the slowest run",
      "rows/s", true);
  private static final PeerReport.Section RANGE = REPORT.section(
      "4. range scan of 1,000 rows with GROUP BY",
      ROWS + ", a random start per call", "scans/s", true);
  private static final PeerReport.Section JOIN = REPORT.section(
      "5. join with GROUP BY",
      ROWS + " ⋈ " + ROWS + "; p50/p99: the time of one join", "joins/s", true);
  private static final PeerReport.Section COMMIT1 = REPORT.section(
      "6. durable commits, 1 thread",
      "One single-row insert per transaction; the raw force probes (appending, overwriting) take turns with the engines round by round",
      "commits/s", true);
  private static final PeerReport.Section COMMIT8 = REPORT.section(
      "7. durable commits, 8 threads",
      "One single-row insert per transaction, each thread on its own connection", "commits/s", true);
  private static final PeerReport.Section HEAP = REPORT.section(
      "8. heap bytes per row",
      ROWS + " of the typical table, in memory", "bytes/row", false);
  private static final PeerReport.Section STARTUP = REPORT.section(
      "9. JVM start to first result",
      "select 1 in a new JVM, median of " + BUDGET.launches() + " launches after one untimed launch", "ms", false);

  /** Forces per commit counted with strace, by engine (empty when strace is not available). */
  private static final Map<Peer, Double> FORCES = new EnumMap<>(Peer.class);

  @TempDir static Path dir;

  private static List<Peer.Target> targets() {
    List<Peer.Target> out = new ArrayList<>();
    for (Peer.Mode mode : Peer.Mode.values()) {
      for (Peer peer : Peer.values()) {
        out.add(new Peer.Target(peer, mode));
      }
    }
    return out;
  }

  @Test
  @Order(1)
  void queries_pointAdhocRangeAndJoin_runOnEveryEngineInMemoryAndOnFile() throws Exception {
    ReadWorkloads w = new ReadWorkloads(BUDGET);
    for (Peer.Target t : targets()) {
      String label = t.label();
      try (Connection c = t.open(dir, "queries")) {
        PeerTables.createT(c, t.peer());
        PeerTables.loadT(c, BUDGET.rows());
        PeerTables.createU(c, t.peer());
        PeerTables.loadU(c, BUDGET.rows());
        measure(POINT, t, () -> w.pointSelect(c, label));
        measure(ADHOC, t, () -> w.adhocPointSelect(c, label));
        measure(RANGE, t, () -> w.rangeGroupBy(c, label));
        measure(JOIN, t, () -> w.joinGroupBy(c, label));
      } catch (Exception e) {
        for (PeerReport.Section s : List.of(POINT, ADHOC, RANGE, JOIN)) {
          s.error(t.peer().label, t.mode().label, e);
        }
      }
    }
    finish(POINT, ADHOC, RANGE, JOIN);
  }

  @Test
  @Order(2)
  void insert_rowsInOneTransaction_intoAFreshDatabaseOfEveryEngineAndMode() throws Exception {
    int[] run = {0};
    for (Peer.Target t : targets()) {
      measure(INSERT, t, () -> Harness.timedBatch("insert", t.label(), BUDGET.batchRounds(), BUDGET.rows(), "rows/s",
          round -> {
            String name = "insert" + run[0]++;
            try (Connection c = t.open(dir, name)) {
              PeerTables.createT(c, t.peer());
              long start = System.nanoTime();
              PeerTables.loadT(c, BUDGET.rows());
              return System.nanoTime() - start;
            } finally {
              deleteTree(dir.resolve(t.peer().name() + "-" + name));
            }
          }));
    }
    finish(INSERT);
  }

  @Test
  @Order(3)
  void forcesPerCommit_areCountedWithStrace_whereItIsInstalled() throws Exception {
    if (!ForceCount.available()) {
      REPORT.note("Forces per commit: strace is not installed here, so they were not counted.");
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("Forces per commit, counted with strace (" + BUDGET.tracedCommits() + " traced commits against"
        + " none; fsync, fdatasync, sync_file_range, msync, and writes to files opened O_DSYNC/O_SYNC):");
    for (Peer peer : Peer.values()) {
      try {
        double n = ForceCount.perCommit(peer, dir.resolve("strace-" + peer.name()), BUDGET.tracedCommits());
        FORCES.put(peer, n);
        lines.add(String.format(Locale.ROOT, "%s %.2f.", peer.label, n));
      } catch (Exception e) {
        lines.add(peer.label + ": not counted (" + e.getMessage().lines().findFirst().orElse("") + ").");
      }
    }
    REPORT.note(String.join(" ", lines));
  }

  @Test
  @Order(4)
  void durableCommits_oneThread_takeTurnsWithTheRawForceProbe() throws Exception {
    try {
      CommitWorkloads.OneThread r = new CommitWorkloads(BUDGET, dir).oneThread();
      COMMIT1.add(new PeerReport.Row("force probe", "file", r.probe().opsPerSec(), r.probe().p50Micros(),
          r.probe().p99Micros(), false, false, "append 100 B + force(false), rounds alternating with the engines'"));
      COMMIT1.add(new PeerReport.Row("force probe, overwriting", "file", r.overwriteProbe().opsPerSec(),
          r.overwriteProbe().p50Micros(), r.overwriteProbe().p99Micros(), false, false,
          "write 100 B over zeros + force(false), rounds alternating with the engines'"));
      r.engines().forEach((peer, result) -> COMMIT1.add(new PeerReport.Row(peer.label, "file", result.opsPerSec(),
          result.p50Micros(), result.p99Micros(), peer == Peer.VSL, peer != Peer.VSL && peer.forcesCommits(),
          forcesNote(peer))));
      double[] q = r.vslOverProbeSorted();
      COMMIT1.goal("file", new PeerReport.Goal("≥ 0.9 × the force probe",
          String.format(Locale.ROOT, "vsl ÷ the faster probe per round, median %.2f (min %.2f, max %.2f)", q[q.length / 2], q[0],
              q[q.length - 1]), q[q.length / 2] >= 0.9));
    } catch (Exception e) {
      COMMIT1.error("all engines", "file", e);
    }
    finish(COMMIT1);
  }

  @Test
  @Order(5)
  void durableCommits_eightThreads_onEveryEngine() throws Exception {
    CommitWorkloads w = new CommitWorkloads(BUDGET, dir);
    CommitWorkloads.Scaling vsl = null;
    for (Peer peer : Peer.values()) {
      try {
        // vsl's 8-thread rounds take turns with 1-thread rounds, for the goal's ratio
        CommitWorkloads.Scaling s = peer == Peer.VSL ? w.scaling(peer, 8) : null;
        double rate = s != null ? s.rate() : w.threads(peer, 8);
        if (s != null) {
          vsl = s;
        }
        String paired = s == null ? ""
            : String.format(Locale.ROOT, "; 8 ÷ 1 thread, rounds taking turns: %.2f", s.ratio());
        COMMIT8.add(new PeerReport.Row(peer.label, "file", rate, Double.NaN, Double.NaN, peer == Peer.VSL,
            peer != Peer.VSL && peer.forcesCommits(), forcesNote(peer) + scaling(peer, rate) + paired));
      } catch (Exception e) {
        COMMIT8.error(peer.label, "file", e);
      }
    }
    if (vsl != null) {
      double ratio = vsl.ratio();
      COMMIT8.goal("file", new PeerReport.Goal("≥ 4 × vsl's 1 thread", String.format(Locale.ROOT,
          "8 ÷ 1 thread, median of %d pairs of rounds taking turns = %.2f", BUDGET.rounds(), ratio), ratio >= 4));
    }
    finish(COMMIT8);
  }

  @Test
  @Order(6)
  void heapBytesPerRow_measuredTheSameWay_onEveryInMemoryEngine() throws Exception {
    for (Peer peer : Peer.values()) {
      try {
        double bytes = HeapPerRow.measure(peer, dir, BUDGET.rows());
        boolean heap = peer != Peer.SQLITE;
        HEAP.add(new PeerReport.Row(peer.label, "mem", bytes, Double.NaN, Double.NaN, peer == Peer.VSL,
            peer != Peer.VSL && heap, heap ? "used heap after full GCs, after ÷ before loading"
                : "native memory, not heap: page_count × page_size"));
      } catch (Exception e) {
        HEAP.error(peer.label, "mem", e);
      }
    }
    HEAP.vsl("mem").ifPresent(v -> HEAP.goal("mem", new PeerReport.Goal("≤ 200 bytes/row",
        String.format(Locale.ROOT, "vsl %.0f", v.value()), v.value() <= 200)));
    finish(HEAP);
  }

  @Test
  @Order(7)
  void jvmStartToFirstResult_ofTheShellsAndOfAPlainJdbcProgram() throws Exception {
    startup("vsl", "shell", true, true, StartupTime::vslShell);
    startup("H2", "shell", false, true, StartupTime::h2Shell);
    for (Peer peer : Peer.values()) {
      startup(peer.label, "JDBC program", peer == Peer.VSL, peer != Peer.VSL, () -> StartupTime.program(peer));
    }
    STARTUP.vsl("shell").ifPresent(v -> STARTUP.bestPeer("shell").ifPresent(h2 -> STARTUP.goal("shell",
        new PeerReport.Goal("≤ 1.5 × H2's shell",
            String.format(Locale.ROOT, "vsl ÷ H2 = %.2f", v.value() / h2.value()),
            v.value() <= 1.5 * h2.value()))));
    finish(STARTUP);
  }

  @AfterAll
  static void writeReport() throws Exception {
    REPORT.note("Reopen after kill -9 of 1,000,000 rows is measured by StorageBenchmark"
        + " (target/benchmarks-storage.md).");
    String heading = String.format(Locale.ROOT, "vsl and its peers: %s, JDK %s, %d cores%s",
        java.time.LocalDate.now(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        BUDGET.quick() ? " — SMOKE RUN (-Dbench.quick=true): these figures are not measurements" : "");
    String md = REPORT.markdown(heading);
    System.out.println(md);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "benchmarks-peers.md"), md);
    Files.writeString(Path.of("target", "benchmarks-peers.svg"),
        PeerChart.svg("vsl ÷ best peer per workload" + (BUDGET.quick() ? " (smoke run)" : ""), REPORT.headlines()));
  }

  /** Runs one measurement of {@code t} into {@code s}, or records its failure there. */
  private static void measure(PeerReport.Section s, Peer.Target t, Callable<Harness.Result> body) {
    try {
      s.add(t.peer(), t.mode().label, body.call(), "");
    } catch (Exception e) {
      s.error(t.peer().label, t.mode().label, e);
    }
  }

  @FunctionalInterface
  private interface Launch {
    List<String> args() throws Exception;
  }

  private static void startup(String engine, String group, boolean vsl, boolean peer, Launch launch) {
    try {
      List<String> args = launch.args();
      StartupTime.measure(dir, 1, args); // fills the OS file cache; not counted
      StartupTime.Launches l = StartupTime.measure(dir, BUDGET.launches(), args);
      STARTUP.add(new PeerReport.Row(engine, group, l.medianMillis(), Double.NaN, Double.NaN, vsl, peer,
          String.format(Locale.ROOT, "fastest %.0f ms, slowest %.0f ms", l.minMillis(), l.maxMillis())));
    } catch (Exception e) {
      STARTUP.error(engine, group, e);
    }
  }

  private static String forcesNote(Peer peer) {
    Double n = FORCES.get(peer);
    return "forces each commit: " + peer.forces + (n == null ? "" : String.format(Locale.ROOT, "; strace: %.2f", n));
  }

  private static String scaling(Peer peer, double eightThreads) {
    return COMMIT1.rows.stream().filter(r -> r.engine().equals(peer.label) && Double.isFinite(r.value())).findFirst()
        .map(r -> String.format(Locale.ROOT, "; 8 ÷ 1 thread = %.2f", eightThreads / r.value())).orElse("");
  }

  /** Sets the best-peer goal where no other goal is set, prints the sections, fails on any error. */
  private static void finish(PeerReport.Section... sections) {
    List<String> errors = new ArrayList<>();
    for (PeerReport.Section s : sections) {
      if (s.goals.isEmpty()) {
        s.goalAgainstBestPeer(1.0);
      }
      System.out.println(s.markdown());
      errors.addAll(s.errors);
    }
    if (!errors.isEmpty()) {
      throw new AssertionError("workloads failed (their figures are missing from the report): " + errors);
    }
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
