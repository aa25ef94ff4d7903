package org.vsldb.tck.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small measuring harness: warm-up, then several timed rounds, reporting the median round's
 * throughput and the latency percentiles over all measured operations. Used by the benchmarks in
 * this package, which run vsl and H2 side by side in one JVM and one run.
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
    long i = 0;
    long end = System.nanoTime() + warmupMillis * 1_000_000;
    while (System.nanoTime() < end) {
      op.run(i++);
    }
    double[] perRound = new double[rounds];
    long[] lat = new long[1 << 16];
    int nLat = 0;
    List<long[]> all = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long n = 0;
      long start = System.nanoTime();
      long stop = start + roundMillis * 1_000_000;
      long t = start;
      while (t < stop) {
        op.run(i++);
        long t2 = System.nanoTime();
        if (nLat == lat.length) {
          all.add(lat);
          lat = new long[lat.length];
          nLat = 0;
        }
        lat[nLat++] = t2 - t;
        t = t2;
        n++;
      }
      perRound[r] = n / ((t - start) / 1e9);
    }
    all.add(Arrays.copyOf(lat, nLat));
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    Arrays.sort(perRound);
    return new Result(workload, engine, perRound[rounds / 2], percentile(merged, 0.50) / 1e3,
        percentile(merged, 0.99) / 1e3, "ops/s");
  }

  /** Runs a batch job {@code rounds} times after one warm-up run; reports the median rate of {@code units}. */
  static Result batch(String workload, String engine, int rounds, long units, String unit, Op job) throws Exception {
    job.run(-1);
    double[] rates = new double[rounds];
    long[] nanos = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      long start = System.nanoTime();
      job.run(r);
      nanos[r] = System.nanoTime() - start;
      rates[r] = units / (nanos[r] / 1e9);
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
