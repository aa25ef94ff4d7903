package org.vsldb.tck.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * The tables of {@link PeerBenchmark} and their rows, the same on every engine.
 *
 * <p>{@code t} is the typical table of the issue: {@code id} (int key), {@code name} and
 * {@code city} (varchar, 21 and 20 characters), {@code amount} (double), {@code created}
 * (timestamp); {@code city} has 50 distinct values, for GROUP BY. {@code u(id, t_id, qty)} joins
 * to {@code t}: {@code t_id = id * 7 mod rows} visits every row of {@code t} once, and
 * {@code qty = id mod 1000}.
 *
 * <p>Every load inserts through one {@code PreparedStatement}, one {@code executeUpdate} per row
 * (no JDBC batching), in one transaction. The values are made per row, so that a heap measurement
 * counts the strings each engine keeps.
 */
final class PeerTables {
  private static final long EPOCH_MILLIS = 1_700_000_000_000L;

  private PeerTables() {}

  static void createT(Connection c, Peer peer) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create table t(id " + peer.keyType()
          + " primary key, name varchar(40), city varchar(40), amount double, created timestamp)");
    }
  }

  static void createU(Connection c, Peer peer) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create table u(id " + peer.keyType() + " primary key, t_id int, qty int)");
    }
  }

  /** Inserts rows {@code 0 .. rows-1} of {@code t} in one transaction. */
  static void loadT(Connection c, int rows) throws SQLException {
    inOneTransaction(c, "insert into t values (?, ?, ?, ?, ?)", rows, (p, i) -> {
      p.setInt(1, i);
      p.setString(2, "customer-" + (100_000_000_000L + i));
      p.setString(3, "city-number-" + (10_000_000 + i % 50));
      p.setDouble(4, i * 0.25);
      p.setTimestamp(5, new Timestamp(EPOCH_MILLIS + i * 1000L));
    });
  }

  /** Inserts rows {@code 0 .. rows-1} of {@code u} in one transaction. */
  static void loadU(Connection c, int rows) throws SQLException {
    inOneTransaction(c, "insert into u values (?, ?, ?)", rows, (p, i) -> {
      p.setInt(1, i);
      p.setInt(2, (int) (i * 7L % rows));
      p.setInt(3, i % 1000);
    });
  }

  /** Sets the parameters of row {@code i}. */
  @FunctionalInterface
  private interface RowSetter {
    void set(PreparedStatement p, int i) throws SQLException;
  }

  private static void inOneTransaction(Connection c, String sql, int rows, RowSetter row) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < rows; i++) {
        row.set(p, i);
        p.executeUpdate();
      }
    }
    c.commit();
    c.setAutoCommit(auto);
  }
}
