package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classic anomalies at each isolation level, with the outcome the README's table promises:
 * READ_COMMITTED prevents dirty reads and lost updates of single statements; REPEATABLE_READ and
 * SERIALIZABLE (snapshot isolation) also prevent non-repeatable reads, phantoms and lost updates of
 * read-then-write; write skew remains possible at every level.
 */
class IsolationTest {
  private static int dbs;
  private String url;
  private Connection a;
  private Connection b;

  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:vsl:mem:isolation" + (++dbs) + ";lockTimeoutMs=5000";
    a = DriverManager.getConnection(url);
    b = DriverManager.getConnection(url);
    a.createStatement().execute("create table acct(id int primary key, balance int, oncall boolean)");
    a.createStatement().execute("insert into acct values (1, 100, true), (2, 100, true)");
    a.setAutoCommit(false);
    b.setAutoCommit(false);
  }

  @AfterEach
  void close() throws SQLException {
    a.close();
    b.close();
  }

  private static int balance(Connection c, int id) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("select balance from acct where id = " + id)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  private static int count(Connection c, String where) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("select count(*) from acct where " + where)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private void level(int isolation) throws SQLException {
    a.setTransactionIsolation(isolation);
    b.setTransactionIsolation(isolation);
  }

  @ParameterizedTest
  @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
      Connection.TRANSACTION_SERIALIZABLE})
  void dirtyRead_isPreventedAtEveryLevel(int isolation) throws SQLException {
    level(isolation);
    a.createStatement().executeUpdate("update acct set balance = 0 where id = 1");
    assertEquals(100, balance(b, 1));
    a.rollback();
    b.commit();
  }

  @Test
  void nonRepeatableRead_happensAtReadCommitted() throws SQLException {
    level(Connection.TRANSACTION_READ_COMMITTED);
    assertEquals(100, balance(a, 1));
    b.createStatement().executeUpdate("update acct set balance = 50 where id = 1");
    b.commit();
    assertEquals(50, balance(a, 1));
    a.commit();
  }

  @ParameterizedTest
  @ValueSource(ints = {Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE})
  void nonRepeatableRead_isPreventedAtRepeatableReadAndSerializable(int isolation) throws SQLException {
    level(isolation);
    assertEquals(100, balance(a, 1));
    b.createStatement().executeUpdate("update acct set balance = 50 where id = 1");
    b.commit();
    assertEquals(100, balance(a, 1));
    a.commit();
    assertEquals(50, balance(a, 1));
  }

  @Test
  void phantom_happensAtReadCommitted() throws SQLException {
    level(Connection.TRANSACTION_READ_COMMITTED);
    assertEquals(2, count(a, "balance > 0"));
    b.createStatement().executeUpdate("insert into acct values (3, 10, false)");
    b.commit();
    assertEquals(3, count(a, "balance > 0"));
    a.commit();
  }

  @ParameterizedTest
  @ValueSource(ints = {Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE})
  void phantom_isPreventedAtRepeatableReadAndSerializable(int isolation) throws SQLException {
    level(isolation);
    assertEquals(2, count(a, "balance > 0"));
    b.createStatement().executeUpdate("insert into acct values (3, 10, false)");
    b.commit();
    assertEquals(2, count(a, "balance > 0"));
    a.commit();
  }

  @Test
  void lostUpdate_ofConcurrentIncrements_isPreventedAtReadCommitted_theSecondWaitsAndReruns() throws Exception {
    level(Connection.TRANSACTION_READ_COMMITTED);
    a.createStatement().executeUpdate("update acct set balance = balance + 10 where id = 1");
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
      try {
        int n = b.createStatement().executeUpdate("update acct set balance = balance + 10 where id = 1");
        b.commit();
        return n;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(200);
    assertFalse(second.isDone(), "the second writer waits for the first one's row lock");
    a.commit();
    assertEquals(1, second.get(10, TimeUnit.SECONDS));
    assertEquals(120, balance(a, 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE})
  void lostUpdate_ofReadThenWrite_isPreventedWith40001(int isolation) throws Exception {
    level(isolation);
    int seenByA = balance(a, 1);
    int seenByB = balance(b, 1);
    a.createStatement().executeUpdate("update acct set balance = " + (seenByA + 10) + " where id = 1");
    a.commit();
    SQLException e = assertThrows(SQLException.class,
        () -> b.createStatement().executeUpdate("update acct set balance = " + (seenByB + 10) + " where id = 1"));
    assertEquals("40001", e.getSQLState());
    b.rollback();
    assertEquals(110, balance(b, 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
      Connection.TRANSACTION_SERIALIZABLE})
  void writeSkew_isNotPrevented_atAnyLevel_asDocumented(int isolation) throws SQLException {
    level(isolation);
    // Each takes itself off call if someone else is still on call; both see two on call.
    assertEquals(2, count(a, "oncall"));
    assertEquals(2, count(b, "oncall"));
    a.createStatement().executeUpdate("update acct set oncall = false where id = 1");
    b.createStatement().executeUpdate("update acct set oncall = false where id = 2");
    a.commit();
    b.commit();
    assertEquals(0, count(a, "oncall"), "write skew: vsl's SERIALIZABLE is snapshot isolation");
  }

  @Test
  void lockTimeout_failsWithHYT00_andTheConnectionStaysUsable() throws Exception {
    String fast = "jdbc:vsl:mem:timeout" + (++dbs) + ";lockTimeoutMs=200";
    try (Connection x = DriverManager.getConnection(fast); Connection y = DriverManager.getConnection(fast)) {
      x.createStatement().execute("create table t(id int primary key, v int)");
      x.createStatement().execute("insert into t values (1, 1)");
      x.setAutoCommit(false);
      x.createStatement().executeUpdate("update t set v = 2 where id = 1");
      SQLException e = assertThrows(SQLException.class,
          () -> y.createStatement().executeUpdate("update t set v = 3 where id = 1"));
      assertEquals("HYT00", e.getSQLState());
      x.commit();
      assertEquals(1, y.createStatement().executeUpdate("update t set v = 4 where id = 1"));
    }
  }

  @Test
  void deadlock_fails40001_wellBeforeTheLockTimeout() throws Exception {
    a.createStatement().executeUpdate("update acct set balance = 1 where id = 1");
    b.createStatement().executeUpdate("update acct set balance = 2 where id = 2");
    CompletableFuture<String> aWaits = CompletableFuture.supplyAsync(() -> {
      try {
        a.createStatement().executeUpdate("update acct set balance = 1 where id = 2");
        return "granted";
      } catch (SQLException e) {
        return e.getSQLState();
      }
    });
    Thread.sleep(200);
    long start = System.nanoTime();
    SQLException e = assertThrows(SQLException.class,
        () -> b.createStatement().executeUpdate("update acct set balance = 2 where id = 1"));
    assertEquals("40001", e.getSQLState());
    assertTrue(System.nanoTime() - start < 2_000_000_000L);
    b.rollback();
    assertEquals("granted", aWaits.get(10, TimeUnit.SECONDS));
    a.commit();
  }

  @Test
  void savepoints_undoPartOfATransaction() throws SQLException {
    a.createStatement().executeUpdate("update acct set balance = 1 where id = 1");
    Savepoint sp = a.setSavepoint("half");
    a.createStatement().executeUpdate("update acct set balance = 2 where id = 2");
    a.rollback(sp);
    a.releaseSavepoint(sp);
    a.commit();
    assertEquals(1, balance(b, 1));
    assertEquals(100, balance(b, 2));
    assertEquals("half", sp.getSavepointName());
  }

  @Test
  void savepoint_inAutoCommit_isRefused() throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      assertThrows(SQLException.class, c::setSavepoint);
    }
  }

  @Test
  void primaryKeyLookup_atRepeatableRead_stillSeesTheSnapshotAfterADeleteAndReinsert() throws SQLException {
    level(Connection.TRANSACTION_REPEATABLE_READ);
    assertEquals(100, balance(a, 1));
    b.createStatement().executeUpdate("delete from acct where id = 1");
    b.createStatement().executeUpdate("insert into acct values (1, 7, false)");
    b.commit();
    assertEquals(100, balance(a, 1), "the index points at the new row; the snapshot still sees the old one");
    a.commit();
    assertEquals(7, balance(a, 1));
  }

  @Test
  void primaryKeyLookup_seesTheTransactionsOwnChanges() throws SQLException {
    a.createStatement().executeUpdate("insert into acct values (5, 55, false)");
    a.createStatement().executeUpdate("delete from acct where id = 2");
    assertEquals(55, balance(a, 5));
    assertEquals(0, count(a, "id = 2"));
    assertEquals(0, count(b, "id = 5"), "others do not see it");
    a.rollback();
    assertEquals(100, balance(a, 2));
  }
}
