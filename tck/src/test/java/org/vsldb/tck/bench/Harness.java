package org.vsldb.tck.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small measuring harness: warm-up, then several timed rounds, reporting the median round's
 * throughput and the latency percentiles over all measured operations. Used by the benchmarks in
 * this package, which run vsl and its peers (H2; HSQLDB and SQLite in {@link PeerBenchmark}) side by
 * side in one JVM and one run.
 */
final class Harness {
  /** One operation to measure; {@code i} counts calls, for varying parameters. */
  @FunctionalInterface
  interface Op {
    void run(long i) throws Exception;
  }

  /** The figures of one measured workload on one engine. */
  record Result(String workload, String engine, double opsPerSec, double p50Micros, double p99Micros, String unit) {
    String row() {
      return String.format(Locale.ROOT, "| %-44s | %-10s | %14.0f %-7s | %10.1f | %10.1f |",
          workload, engine, opsPerSec, unit, p50Micros, p99Micros);
    }
  }

  private Harness() {}

  /** Runs {@code op} for {@code warmupMillis}, then {@code rounds} rounds of {@code roundMillis}. */
  static Result throughput(String workload, String engine, long warmupMillis, int rounds, long roundMillis, Op op)
      throws Exception {
    Meter m = new Meter(workload, engine, op);
    m.warmUp(warmupMillis);
    for (int r = 0; r < rounds; r++) {
      m.round(roundMillis);
    }
    return m.result();
  }

  /**
   * The measurement of one operation, one round at a time, so that several operations can take
   * turns round by round (interleaved: a drifting disk or a neighbour's load then affects each of
   * them alike). {@link #throughput} is one meter run alone.
   */
  static final class Meter {
    private final String workload;
    private final String engine;
    private final Op op;
    private final List<Double> perRound = new ArrayList<>();
    private final List<long[]> full = new ArrayList<>();
    private long[] lat = new long[1 << 16];
    private int nLat;
    private long i;

    Meter(String workload, String engine, Op op) {
      this.workload = workload;
      this.engine = engine;
      this.op = op;
    }

    /** Runs the operation for {@code millis} without recording anything. */
    void warmUp(long millis) throws Exception {
      long end = System.nanoTime() + millis * 1_000_000;
      while (System.nanoTime() < end) {
        op.run(i++);
      }
    }

    /** One measured round of {@code millis} (the last operation may run past its end). */
    void round(long millis) throws Exception {
      long n = 0;
      long start = System.nanoTime();
      long stop = start + millis * 1_000_000;
      long t = start;
      while (t < stop) {
        op.run(i++);
        long t2 = System.nanoTime();
        if (nLat == lat.length) {
          full.add(lat);
          lat = new long[lat.length];
          nLat = 0;
        }
        lat[nLat++] = t2 - t;
        t = t2;
        n++;
      }
      perRound.add(n / ((t - start) / 1e9));
    }

    /** The rate of each measured round so far, in order. */
    List<Double> roundRates() {
      return List.copyOf(perRound);
    }

    /** The median round's rate and the percentiles over every measured operation. */
    Result result() {
      List<long[]> all = new ArrayList<>(full);
      all.add(Arrays.copyOf(lat, nLat));
      long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      double[] rates = perRound.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new Result(workload, engine, rates.length == 0 ? Double.NaN : rates[rates.length / 2],
          percentile(merged, 0.50) / 1e3, percentile(merged, 0.99) / 1e3, "ops/s");
    }
  }

  /** Runs a batch job {@code rounds} times after one warm-up run; reports the median rate of {@code units}. */
  static Result batch(String workload, String engine, int rounds, long units, String unit, Op job) throws Exception {
    return timedBatch(workload, engine, rounds, units, unit, round -> {
      long start = System.nanoTime();
      job.run(round);
      return System.nanoTime() - start;
    });
  }

  /** A batch job that times its measured part itself (leaving out its set-up and clean-up). */
  @FunctionalInterface
  interface TimedJob {
    /** Runs the job; returns the nanoseconds its measured part took. */
    long run(long round) throws Exception;
  }

  /**
   * Like {@link #batch}, for a job that times itself: one warm-up run ({@code round} -1), then
   * {@code rounds} runs; the median rate, and the median and slowest durations as p50/p99.
   */
  static Result timedBatch(String workload, String engine, int rounds, long units, String unit, TimedJob job)
      throws Exception {
    job.run(-1);
    double[] rates = new double[rounds];
    long[] nanos = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      nanos[r] = job.run(r);
      rates[r] = units / (nanos[r] / 1e9);
      // each round on its own line, with the JVM's uptime to match it against a GC log
      System.out.printf("round: %s, %s, %.1f ms, ending at JVM uptime %d ms%n", workload, engine, nanos[r] / 1e6,
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }
    Arrays.sort(rates);
    Arrays.sort(nanos);
    return new Result(workload, engine, rates[rounds / 2], nanos[rounds / 2] / 1e3,
        nanos[rounds - 1] / 1e3, unit);
  }

  /**
   * Prints the table of vsl/H2 result pairs with each pair's ratio, and writes it to
   * {@code target/<file>}.
   */
  static void report(List<Result[]> pairs, String file) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "| %-44s | %-10s | %22s | %10s | %10s |%n",
        "workload", "engine", "throughput", "p50 us", "p99 us"));
    out.append("|").append("-".repeat(46)).append("|").append("-".repeat(12)).append("|")
        .append("-".repeat(24)).append("|").append("-".repeat(12)).append("|").append("-".repeat(12)).append("|\n");
    for (Result[] p : pairs) {
      out.append(p[0].row()).append('\n').append(p[1].row()).append('\n');
    }
    out.append('\n');
    for (Result[] p : pairs) {
      out.append(String.format(Locale.ROOT, "ratio vsl/h2, %s: %.3f%n", p[0].workload(), p[0].opsPerSec() / p[1].opsPerSec()));
    }
    System.out.println(out);
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", file), out.toString());
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }
}
