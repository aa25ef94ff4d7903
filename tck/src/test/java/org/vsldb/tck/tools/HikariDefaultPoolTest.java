package org.vsldb.tck.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP with its default settings (only the database named), both configuration styles:
 * connections are validated, what one borrower changed is reset for the next, and connections
 * whose database was shut down are evicted and replaced by working ones.
 */
class HikariDefaultPoolTest {
  /** HikariCP skips validation for a connection used within this window (its default, 500 ms). */
  private static final long ALIVE_BYPASS_WINDOW_MS = 500;

  @TempDir Path dir;

  private HikariDataSource byUrl() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:vsl:" + dir.resolve("db"));
    return new HikariDataSource(config);
  }

  private HikariDataSource byDataSourceClass() {
    HikariConfig config = new HikariConfig();
    config.setDataSourceClassName("org.vsldb.jdbc.VslDataSource");
    config.addDataSourceProperty("url", "jdbc:vsl:" + dir.resolve("db"));
    return new HikariDataSource(config);
  }

  private static Connection physical(Connection pooled) throws SQLException {
    return pooled.unwrap(Connection.class);
  }

  private static int count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  private static void setUpSchema(HikariDataSource pool) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("create schema app");
      s.execute("create table app.t (v int)");
      s.execute("create table t (v int)");
      s.execute("insert into t values (1)");
    }
  }

  /**
   * One borrower changes every setting HikariCP tracks and leaves a transaction open; the next
   * borrower of the same connection finds the defaults. HikariCP 5 resets the schema only when its
   * own {@code schema} property is set, so {@code schemaToo} says whether the pool has it.
   */
  private void borrowerStateIsReset(HikariDataSource pool, boolean schemaToo) throws SQLException {
    setUpSchema(pool);
    Connection first;
    try (Connection c = pool.getConnection()) {
      first = physical(c);
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      if (schemaToo) {
        c.setSchema("APP");
        c.createStatement().execute("insert into t values (99)"); // APP.T, never committed
      } else {
        c.createStatement().execute("insert into app.t values (99)"); // never committed
      }
      c.setReadOnly(true);
    }
    try (Connection c = pool.getConnection()) {
      assertSame(first, physical(c), "the same thread gets the connection it returned");
      assertTrue(c.getAutoCommit());
      assertFalse(c.isReadOnly());
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
      assertEquals("PUBLIC", c.getSchema());
      assertEquals(1, count(c, "t"), "unqualified names resolve in PUBLIC");
      assertEquals(0, count(c, "app.t"), "the first borrower's open transaction was rolled back");
      c.createStatement().execute("insert into t values (2)"); // writable again
      assertEquals(2, count(c, "t"));
    }
  }

  @Test
  void jdbcUrlPool_resetsAutoCommitReadOnlyIsolationAndSchema_betweenBorrowers() throws SQLException {
    try (HikariDataSource pool = byUrl()) {
      borrowerStateIsReset(pool, false);
    }
  }

  @Test
  void poolWithSchemaProperty_resetsTheSchemaToo_andSetsItOnNewConnections() throws SQLException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:vsl:" + dir.resolve("db"));
    config.setSchema("PUBLIC");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      borrowerStateIsReset(pool, true);
    }
  }

  @Test
  void dataSourceClassPool_resetsAutoCommitReadOnlyIsolationAndSchema_betweenBorrowers()
      throws SQLException {
    try (HikariDataSource pool = byDataSourceClass()) {
      borrowerStateIsReset(pool, false);
    }
  }

  @Test
  void idleConnectionsOfAShutDownDatabase_failValidation_andAreReplaced() throws Exception {
    try (HikariDataSource pool = byUrl()) {
      setUpSchema(pool);
      Connection issuer = pool.getConnection();
      Connection before = physical(issuer);
      issuer.createStatement().execute("shutdown");
      assertTrue(before.isClosed());
      assertClosingEvicts(issuer);
      Thread.sleep(ALIVE_BYPASS_WINDOW_MS + 200); // past the window, so the next borrow validates
      try (Connection c = pool.getConnection()) {
        assertNotSame(before, physical(c));
        assertTrue(c.isValid(1));
        assertEquals(1, count(c, "t"), "the database reopens with its committed rows");
      }
      assertEveryPooledConnectionWorks(pool, c -> {});
    }
  }

  @Test
  void aConnectionInUseWhenTheDatabaseShutsDown_isEvictedOnItsNextError() throws Exception {
    try (HikariDataSource pool = byUrl()) {
      setUpSchema(pool);
      Connection holder = pool.getConnection();
      Connection victim = physical(holder);
      Connection issuer = pool.getConnection();
      issuer.createStatement().execute("shutdown");
      assertClosingEvicts(issuer);
      SQLException e = assertThrows(SQLException.class, () -> count(holder, "t"));
      assertEquals("08003", e.getSQLState()); // HikariCP evicts a connection that raised an 08 state
      holder.close();
      assertEveryPooledConnectionWorks(pool, c -> assertNotSame(victim, c));
    }
  }

  /**
   * Returning a connection whose database is gone: HikariCP clears its warnings, which JDBC (and
   * H2) refuse on a closed connection; HikariCP evicts it for the 08 state and rethrows.
   */
  private static void assertClosingEvicts(Connection pooled) {
    SQLException e = assertThrows(SQLException.class, pooled::close);
    assertEquals("08003", e.getSQLState());
  }

  /** Borrows as many connections as the pool holds at once; each must be open and working. */
  private static void assertEveryPooledConnectionWorks(HikariDataSource pool, Consumer<Connection> check)
      throws Exception {
    Thread.sleep(ALIVE_BYPASS_WINDOW_MS + 200);
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
        Connection c = pool.getConnection();
        held.add(c);
        check.accept(physical(c));
        assertEquals(1, count(c, "t"));
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
  }
}
