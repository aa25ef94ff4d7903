package org.vsldb.tck.bench;

/**
 * How long and how large {@link PeerBenchmark} measures. The full budget is the documented
 * harness (3 s warm-up, 5 rounds of 2 s, 200,000-row tables, 3 measured batch runs, 5 launches);
 * {@code -Dbench.quick=true} shrinks everything for a smoke run that only proves each workload
 * works: its figures are not measurements.
 */
record Budget(boolean quick, long warmupMillis, int rounds, long roundMillis, int rows, int batchRounds,
    int launches, int tracedCommits) {

  static Budget fromSystemProperties() {
    return Boolean.getBoolean("bench.quick")
        ? new Budget(true, 250, 3, 250, 20_000, 1, 2, 100)
        : new Budget(false, 3_000, 5, 2_000, 200_000, 3, 5, 1_000);
  }

  /** The table size as the reports write it, e.g. "200,000 rows". */
  String rowsText() {
    return String.format(java.util.Locale.ROOT, "%,d rows", rows);
  }
}
