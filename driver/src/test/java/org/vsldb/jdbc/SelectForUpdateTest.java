package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT ... FOR UPDATE}: the query's rows are locked for writing until the transaction
 * ends, so other writers of those rows wait (README, "Transactions").
 */
class SelectForUpdateTest {
  private String url;
  private Connection setup;

  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:vsl:mem:" + UUID.randomUUID() + ";lockTimeoutMs=20000";
    setup = DriverManager.getConnection(url);
    try (Statement s = setup.createStatement()) {
      s.execute("create table t (id int primary key, v int)");
      s.execute("insert into t values (1, 10), (2, 20), (3, 30)");
      s.execute("create table nokey (a int, b varchar(5))");
      s.execute("insert into nokey values (1, 'x'), (1, 'x'), (2, 'y')");
    }
  }

  @AfterEach
  void close() throws SQLException {
    setup.close();
  }

  private Connection transaction(int isolation) throws SQLException {
    Connection c = DriverManager.getConnection(url);
    c.setAutoCommit(false);
    c.setTransactionIsolation(isolation);
    return c;
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "," : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  /** Runs an auto-commit UPDATE of row {@code id} on another connection and thread. */
  private CompletableFuture<Integer> updateElsewhere(int id, CountDownLatch started) {
    return CompletableFuture.supplyAsync(() -> {
      try (Connection other = DriverManager.getConnection(url); Statement s = other.createStatement()) {
        started.countDown();
        return s.executeUpdate("update t set v = v + 1 where id = " + id);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void forUpdate_returnsWhatTheQueryReturns_withOrderLimitAndParameters() throws SQLException {
    assertEquals(rows(setup, "select id, v * 2 from t where v > 10 order by id desc"),
        rows(setup, "select id, v * 2 from t where v > 10 order by id desc for update"));
    assertEquals(List.of("3,30"), rows(setup, "select * from t order by v desc limit 1 for update"));
    assertEquals(List.of("2"), rows(setup, "select x.id from t x where x.v = 20 for update of x.v"));
    try (PreparedStatement p = setup.prepareStatement("select cast(? as varchar(5)), v from t where id = ? for update")) {
      p.setString(1, "k");
      p.setInt(2, 2);
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("k", rs.getString(1));
        assertEquals(20, rs.getInt(2));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void aLockedRow_makesAWriterWait_untilTheLockingTransactionEnds() throws Exception {
    try (Connection locker = transaction(Connection.TRANSACTION_READ_COMMITTED)) {
      assertEquals(List.of("1,10"), rows(locker, "select * from t where id = 1 for update"));
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Integer> writer = updateElsewhere(1, started);
      started.await();
      assertThrows(TimeoutException.class, () -> writer.get(300, TimeUnit.MILLISECONDS), "the writer waits");
      CompletableFuture<Integer> otherRow = updateElsewhere(2, new CountDownLatch(1));
      assertEquals(1, otherRow.get(20, TimeUnit.SECONDS), "a row not locked is not held up");
      locker.commit();
      assertEquals(1, writer.get(20, TimeUnit.SECONDS));
    }
    assertEquals(List.of("11"), rows(setup, "select v from t where id = 1"));
  }

  @Test
  void readCommitted_waitsForAnUncommittedChange_thenLocksAndReturnsTheNewestRow() throws Exception {
    try (Connection changer = transaction(Connection.TRANSACTION_READ_COMMITTED)) {
      changer.createStatement().executeUpdate("update t set v = 99 where id = 3");
      CompletableFuture<List<String>> locked = CompletableFuture.supplyAsync(() -> {
        try (Connection locker = transaction(Connection.TRANSACTION_READ_COMMITTED)) {
          List<String> r = rows(locker, "select v from t where id = 3 for update");
          locker.commit();
          return r;
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThrows(TimeoutException.class, () -> locked.get(300, TimeUnit.MILLISECONDS), "the locker waits");
      changer.commit();
      assertEquals(List.of("99"), locked.get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void repeatableRead_failsWith40001_whenTheRowChangedAfterItsSnapshot() throws Exception {
    try (Connection locker = transaction(Connection.TRANSACTION_REPEATABLE_READ)) {
      rows(locker, "select v from t where id = 2"); // the snapshot
      setup.createStatement().executeUpdate("update t set v = 21 where id = 2");
      SQLException e = assertThrows(SQLException.class,
          () -> rows(locker, "select v from t where id = 2 for update"));
      assertEquals("40001", e.getSQLState(), e.getMessage());
    }
  }

  @Test
  void twoTransactionsLockingInOppositeOrder_oneFailsWith40001() throws Exception {
    try (Connection a = transaction(Connection.TRANSACTION_READ_COMMITTED);
        Connection b = transaction(Connection.TRANSACTION_READ_COMMITTED)) {
      rows(a, "select * from t where id = 1 for update");
      rows(b, "select * from t where id = 2 for update");
      CompletableFuture<List<String>> aWaits = CompletableFuture.supplyAsync(() -> {
        try {
          return rows(a, "select * from t where id = 2 for update");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThrows(TimeoutException.class, () -> aWaits.get(300, TimeUnit.MILLISECONDS));
      SQLException deadlock = assertThrows(SQLException.class, () -> rows(b, "select * from t where id = 1 for update"));
      assertEquals("40001", deadlock.getSQLState(), deadlock.getMessage());
      b.rollback();
      assertEquals(List.of("2,20"), aWaits.get(20, TimeUnit.SECONDS));
      a.commit();
    }
  }

  @Test
  void rowsOfATableWithoutAKey_areFoundByTheirValues() throws Exception {
    try (Connection locker = transaction(Connection.TRANSACTION_READ_COMMITTED)) {
      assertEquals(List.of("1,x", "1,x"), rows(locker, "select * from nokey where a = 1 for update"));
      CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> {
        try (Connection other = DriverManager.getConnection(url)) {
          return other.createStatement().executeUpdate("delete from nokey where a = 1");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThrows(TimeoutException.class, () -> writer.get(300, TimeUnit.MILLISECONDS));
      locker.rollback();
      assertEquals(2, writer.get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void readModifyWrite_underForUpdate_losesNoIncrement_fromFourThreads() throws Exception {
    int threads = 4;
    int rounds = 50;
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      workers.add(CompletableFuture.runAsync(() -> {
        try (Connection c = transaction(Connection.TRANSACTION_READ_COMMITTED);
            PreparedStatement read = c.prepareStatement("select v from t where id = 1 for update");
            PreparedStatement write = c.prepareStatement("update t set v = ? where id = 1")) {
          for (int r = 0; r < rounds; r++) {
            int v;
            try (ResultSet rs = read.executeQuery()) {
              rs.next();
              v = rs.getInt(1);
            }
            write.setInt(1, v + 1); // computed by the program: only the lock keeps others out
            write.executeUpdate();
            c.commit();
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    CompletableFuture.allOf(workers.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
    assertEquals(List.of(Integer.toString(10 + threads * rounds)), rows(setup, "select v from t where id = 1"));
  }

  @Test
  void inAutoCommit_theLockEndsWithTheStatement() throws Exception {
    assertEquals(List.of("1,10"), rows(setup, "select * from t where id = 1 for update"));
    assertEquals(1, updateElsewhere(1, new CountDownLatch(1)).get(20, TimeUnit.SECONDS));
  }

  @Test
  void whatCannotNameTableRows_is0A000_andTheConnectionStaysUsable() throws SQLException {
    for (String sql : List.of(
        "select count(*) from t for update",
        "select v, count(*) from t group by v for update",
        "select distinct v from t for update",
        "select * from t join nokey on t.id = nokey.a for update",
        "select id from t union select a from nokey for update",
        "select * from information_schema.tables for update",
        "select * from t where id = 1 for update nowait",
        "select * from t where id = 1 for update skip locked")) {
      SQLException e = assertThrows(SQLException.class, () -> rows(setup, sql), sql);
      assertEquals("0A000", e.getSQLState(), sql + ": " + e.getMessage());
    }
    SQLException syntax = assertThrows(SQLException.class, () -> rows(setup, "select * form t for update"));
    assertTrue(syntax.getSQLState().startsWith("4200"), syntax.getMessage());
    assertEquals(List.of("3"), rows(setup, "select count(*) from t"));
  }

  @Test
  void onAReadOnlyConnection_is25006() throws SQLException {
    try (Connection ro = DriverManager.getConnection(url)) {
      ro.setReadOnly(true);
      SQLException e = assertThrows(SQLException.class, () -> rows(ro, "select * from t for update"));
      assertEquals("25006", e.getSQLState(), e.getMessage());
    }
  }

  @Test
  void aStringEndingInForUpdate_isNotAClause() throws SQLException {
    assertEquals(List.of("for update"), rows(setup, "select 'for update' from t where id = 1"));
  }

  @Test
  void lockingRowsIsNotAWrite_committingTheLocksAddsNothingToTheLog(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String fileUrl = "jdbc:vsl:" + dir;
    try (Connection c = DriverManager.getConnection(fileUrl)) {
      c.createStatement().execute("create table f (id int primary key, v int)");
      c.createStatement().execute("insert into f values (1, 10), (2, 20)");
      // the log's changes, as VSL_LOG reads them (the file's size says nothing: with
      // durability=full it keeps preallocated zeros ahead of its records)
      List<String> before = rows(c, "select transaction_id, change_no, operation from table(vsl_log())");
      c.setAutoCommit(false);
      assertEquals(List.of("1,10", "2,20"), rows(c, "select * from f order by id for update"));
      c.commit();
      c.setAutoCommit(true);
      assertEquals(before, rows(c, "select transaction_id, change_no, operation from table(vsl_log())"));
      assertEquals(3, before.size(), "CREATE TABLE and two INSERTs: " + before);
      assertEquals(List.of("1,10", "2,20"), rows(c, "select * from f order by id"));
    }
  }
}
