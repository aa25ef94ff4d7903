package org.vsldb.tck.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The query workloads of {@link PeerBenchmark} on loaded {@link PeerTables}, each measured with
 * {@link Harness#throughput}. Every call reads different rows, so that no engine can answer from a
 * result it kept (H2 reuses the result of a repeated deterministic query unless told not to).
 */
final class ReadWorkloads {
  /** A prime, coprime with every table size used, so {@code i * STRIDE mod rows} visits each key once. */
  private static final long STRIDE = 104_729;

  private final Budget budget;
  private final int rows;

  ReadWorkloads(Budget budget) {
    this.budget = budget;
    this.rows = budget.rows();
  }

  /** {@code select name from t where id = ?}, prepared once, a random key per call. */
  Harness.Result pointSelect(Connection c, String engine) throws Exception {
    try (PreparedStatement p = c.prepareStatement("select name from t where id = ?")) {
      return measure("prepared point select", engine, i -> {
        p.setInt(1, ThreadLocalRandom.current().nextInt(rows));
        expectRows(p.executeQuery(), 1);
      });
    }
  }

  /**
   * {@code select name from t where id = <literal>}: a new {@code Statement} and a new SQL text per
   * call. The key walks the table with a prime stride, so a text repeats only after every key has
   * been used once (after {@code rows} calls).
   */
  Harness.Result adhocPointSelect(Connection c, String engine) throws Exception {
    long offset = ThreadLocalRandom.current().nextInt(rows);
    return measure("ad-hoc literal point select", engine, i -> {
      long key = (offset + i * STRIDE) % rows;
      try (Statement s = c.createStatement()) {
        expectRows(s.executeQuery("select name from t where id = " + key), 1);
      }
    });
  }

  /** 1,000 consecutive keys from a random start, grouped by city (50 groups), prepared once. */
  Harness.Result rangeGroupBy(Connection c, String engine) throws Exception {
    try (PreparedStatement p = c.prepareStatement(
        "select city, count(*), sum(amount) from t where id between ? and ? group by city")) {
      return measure("range scan 1,000 rows, GROUP BY", engine, i -> {
        int start = ThreadLocalRandom.current().nextInt(rows - 1000);
        p.setInt(1, start);
        p.setInt(2, start + 999);
        expectRows(p.executeQuery(), 50);
      });
    }
  }

  /**
   * {@code u} joined with {@code t} on {@code t.id = u.t_id}, grouped by city, prepared once. The
   * filter {@code u.qty >= ?} takes a random bound of 0 to 9 per call (it keeps 99 to 100 % of
   * the rows), so consecutive calls differ. {@code u} comes first because HSQLDB keeps the written
   * order: with {@code t} first it scans {@code u} once per row of {@code t} (20 s for 20,000
   * rows) instead of probing {@code t}'s primary key; the other engines choose their own order.
   */
  Harness.Result joinGroupBy(Connection c, String engine) throws Exception {
    try (PreparedStatement p = c.prepareStatement("select t.city, count(*), sum(u.qty) from u join t on t.id = u.t_id"
        + " where u.qty >= ? group by t.city")) {
      return measure("join with GROUP BY", engine, i -> {
        p.setInt(1, ThreadLocalRandom.current().nextInt(10));
        expectRows(p.executeQuery(), 50);
      });
    }
  }

  private Harness.Result measure(String workload, String engine, Harness.Op op) throws Exception {
    return Harness.throughput(workload, engine, budget.warmupMillis(), budget.rounds(), budget.roundMillis(), op);
  }

  /** Reads every row and checks the count, so that each engine really produces the result. */
  private static void expectRows(ResultSet rs, int expected) throws SQLException {
    int n = 0;
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
        n++;
      }
    }
    if (n != expected) {
      throw new IllegalStateException("expected " + expected + " rows, got " + n);
    }
  }
}
