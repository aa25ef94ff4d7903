package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements, prepared statements, results and errors on one connection. */
class StatementTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  @Test
  void badSql_failsWithSqlStateAndPosition_andConnectionStaysUsable() throws SQLException {
    Statement s = c.createStatement();
    s.execute("create table t(a int primary key)");
    SQLException e = assertThrows(SQLException.class, () -> s.execute("select a\nfrom t wher a = 1"));
    assertEquals("42001", e.getSQLState()); // H2 too: a syntax error that lists the expected tokens
    assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
    SQLException missing = assertThrows(SQLException.class, () -> s.executeQuery("select b from t"));
    assertEquals("42S22", missing.getSQLState());
    assertTrue(missing.getMessage().contains("line 1, column 8"), missing.getMessage());
    s.execute("insert into t values (1)");
    try (ResultSet rs = s.executeQuery("select a from t")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void finalSemicolonsAndComments_areDropped_andATextWithoutSql_doesNothing() throws SQLException {
    Statement s = c.createStatement();
    s.execute("create table semi(id int primary key, v varchar(10));");
    assertEquals(1, s.executeUpdate("insert into semi values (1, 'a;--b'); -- the first row"));
    try (ResultSet rs = s.executeQuery("select v from semi where id = 1 ;;")) {
      assertTrue(rs.next());
      assertEquals("a;--b", rs.getString(1));
    }
    try (PreparedStatement p = c.prepareStatement("select count(*) from semi where id = ?;")) {
      p.setInt(1, 1);
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
    }
    for (String empty : List.of("", "  ", "-- H2 2.3.232;", "/* nothing */ ;")) {
      assertFalse(s.execute(empty), empty);
      assertEquals(0, s.getUpdateCount(), empty);
    }
    SQLException two = assertThrows(SQLException.class, () -> s.execute("select 1; select 2"));
    assertEquals("42001", two.getSQLState(), two.getMessage());
    SQLException user = assertThrows(SQLException.class, () -> s.execute("CREATE USER IF NOT EXISTS BOB PASSWORD 'x'"));
    assertEquals("0A000", user.getSQLState());
    assertTrue(user.getMessage().contains("CREATE USER"), user.getMessage());
  }

  @Test
  void failedStatementInTransaction_undoesOnlyItself() throws SQLException {
    Statement s = c.createStatement();
    s.execute("create table t(a int primary key)");
    c.setAutoCommit(false);
    s.execute("insert into t values (1)");
    SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into t values (2), (1)"));
    assertEquals("23505", e.getSQLState());
    c.commit();
    try (ResultSet rs = s.executeQuery("select count(*), sum(a) from t")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
      assertEquals(1, rs.getInt(2));
    }
  }

  @Test
  void explain_returnsCalcitePlanWithOurTableScan() throws SQLException {
    c.createStatement().execute("create table t(a int primary key, b varchar(5), c int)");
    try (ResultSet rs = c.createStatement().executeQuery("explain plan for select b from t where c > 3")) {
      assertTrue(rs.next());
      String plan = rs.getString(1);
      assertTrue(plan.contains("StoreTableScan(table=[[PUBLIC, T]], columns=[[B, C]])"), plan);
      assertEquals("PLAN", rs.getMetaData().getColumnLabel(1));
    }
  }

  @Test
  void truncateTable_deletesEveryRow_asAChangeOfTheTransaction() throws SQLException {
    Statement s = c.createStatement();
    s.execute("create table p(id int primary key)");
    s.execute("create table ch(id int primary key, p int references p(id))");
    s.execute("insert into p values (1), (2), (3)");
    c.setAutoCommit(false);
    assertEquals(3, s.executeUpdate("truncate table p"));
    try (ResultSet rs = s.executeQuery("select count(*) from p")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
    c.rollback();
    try (ResultSet rs = s.executeQuery("select count(*) from p")) {
      rs.next();
      assertEquals(3, rs.getInt(1), "rolled back with its transaction");
    }
    s.execute("insert into ch values (1, 1)");
    SQLException referenced = assertThrows(SQLException.class, () -> s.executeUpdate("truncate table p"));
    assertEquals("23503", referenced.getSQLState(), referenced.getMessage());
    c.rollback();
    c.setAutoCommit(true);
  }

  @Test
  void explainWithoutPlanFor_isExplainPlanFor_asInH2AndPostgres() throws SQLException {
    c.createStatement().execute("create table t(a int primary key, b varchar(5), c int)");
    for (String q : new String[] {"select b from t where c > 3", "update t set b = 'x' where a = 1"}) {
      try (ResultSet short_ = c.createStatement().executeQuery("explain " + q);
          ResultSet long_ = c.createStatement().executeQuery("EXPLAIN PLAN FOR " + q)) {
        assertTrue(short_.next());
        assertTrue(long_.next());
        assertEquals(long_.getString(1), short_.getString(1), q);
        assertEquals("PLAN", short_.getMetaData().getColumnLabel(1));
      }
    }
    try (ResultSet rs = c.createStatement().executeQuery("explain plan without implementation for select 1")) {
      assertTrue(rs.next());
    }
  }

  @Test
  void explain_pointSelectOnThePrimaryKey_usesTheIndex_andOtherFiltersScan() throws SQLException {
    c.createStatement().execute("create table t(a int primary key, b varchar(5))");
    try (PreparedStatement p = c.prepareStatement("explain plan for select b from t where a = ?")) {
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        String plan = rs.getString(1);
        assertTrue(plan.contains("StoreIndexLookup(table=[[PUBLIC, T]], index=[PRIMARY KEY [A]], key=[?0])"), plan);
      }
    }
    try (ResultSet rs = c.createStatement().executeQuery("explain plan for select b from t where b = 'x'")) {
      rs.next();
      assertTrue(rs.getString(1).contains("StoreTableScan"), rs.getString(1));
    }
  }

  @Test
  void primaryKeyLookup_answersLikeAScan_forHitsMissesNullAndOddValues() throws SQLException {
    c.createStatement().execute("create table t(a int primary key, b varchar(5))");
    c.createStatement().execute("insert into t values (1, 'one'), (2, 'two')");
    try (PreparedStatement p = c.prepareStatement("select b from t where a = ?")) {
      // A parameter takes the type of the key column (1.5 becomes 2, rounding half up, as in H2);
      // a value the column cannot hold matches nothing.
      Object[][] cases = {{1, "one"}, {2, "two"}, {3, null}, {null, null}, {new java.math.BigDecimal("1.5"), "two"},
          {"2", "two"}};
      for (Object[] k : cases) {
        p.setObject(1, k[0]);
        try (ResultSet rs = p.executeQuery()) {
          assertEquals(k[1], rs.next() ? rs.getString(1) : null, "key " + k[0]);
        }
      }
    }
    try (ResultSet rs = c.createStatement().executeQuery("select b from t where a = 2.5")) {
      assertFalse(rs.next(), "a literal that is not an integer matches no integer key");
    }
  }

  @Test
  void preparedStatement_runsManyTimesWithNewParameters() throws SQLException {
    c.createStatement().execute("create table t(a int primary key, b varchar(10))");
    try (PreparedStatement ins = c.prepareStatement("insert into t values (?, ?)")) {
      for (int i = 0; i < 100; i++) {
        ins.setInt(1, i);
        ins.setString(2, "v" + i);
        assertEquals(1, ins.executeUpdate());
      }
    }
    try (PreparedStatement q = c.prepareStatement("select b from t where a = ?")) {
      for (int i = 0; i < 100; i += 7) {
        q.setInt(1, i);
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("v" + i, rs.getString("B"));
          assertFalse(rs.next());
        }
      }
    }
  }

  @Test
  void preparedStatement_unsetParameter_fails07001() throws SQLException {
    c.createStatement().execute("create table t(a int)");
    PreparedStatement p = c.prepareStatement("select * from t where a = ?");
    SQLException e = assertThrows(SQLException.class, p::executeQuery);
    assertEquals("07001", e.getSQLState());
  }

  @Test
  void types_roundTripThroughSettersAndGetters() throws SQLException {
    c.createStatement().execute(
        "create table t(i integer primary key, b bigint, v varchar(20), d double, m decimal(10,2),"
            + " f boolean, dt date, ts timestamp)");
    try (PreparedStatement p = c.prepareStatement("insert into t values (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setInt(1, 1);
      p.setLong(2, 9_000_000_000L);
      p.setString(3, "héllo");
      p.setDouble(4, 2.5);
      p.setBigDecimal(5, new BigDecimal("12.345"));
      p.setBoolean(6, true);
      p.setObject(7, LocalDate.of(2024, 2, 29));
      p.setObject(8, LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000));
      p.executeUpdate();
      p.setInt(1, 2);
      for (int i = 2; i <= 8; i++) {
        p.setNull(i, java.sql.Types.NULL);
      }
      p.executeUpdate();
    }
    try (ResultSet rs = c.createStatement().executeQuery("select * from t order by i")) {
      assertTrue(rs.next());
      assertEquals(9_000_000_000L, rs.getLong(2));
      assertEquals("héllo", rs.getString(3));
      assertEquals(2.5, rs.getDouble(4));
      assertEquals(new BigDecimal("12.35"), rs.getBigDecimal(5));
      assertTrue(rs.getBoolean(6));
      assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(7, LocalDate.class));
      assertEquals(java.sql.Date.valueOf("2024-02-29"), rs.getDate(7));
      assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_000_000), rs.getObject(8, LocalDateTime.class));
      assertEquals("2024-02-29 13:14:15.123", rs.getString(8));
      assertTrue(rs.next());
      assertEquals(0, rs.getLong(2));
      assertTrue(rs.wasNull());
      assertNull(rs.getString(3));
      assertNull(rs.getObject(8));
      assertFalse(rs.next());
    }
  }

  @Test
  void valueTooLong_fails22001_andNotNull_fails23502() throws SQLException {
    c.createStatement().execute("create table t(a int not null, b varchar(3))");
    SQLException tooLong =
        assertThrows(SQLException.class, () -> c.createStatement().execute("insert into t values (1, 'abcd')"));
    assertEquals("22001", tooLong.getSQLState());
    PreparedStatement p = c.prepareStatement("insert into t values (?, 'x')");
    p.setNull(1, java.sql.Types.INTEGER);
    SQLException nul = assertThrows(SQLException.class, p::executeUpdate);
    assertEquals("23502", nul.getSQLState());
  }

  @Test
  void executeQuery_onUpdate_andExecuteUpdate_onQuery_fail() throws SQLException {
    Statement s = c.createStatement();
    s.execute("create table t(a int)");
    assertThrows(SQLException.class, () -> s.executeQuery("insert into t values (1)"));
    assertThrows(SQLException.class, () -> s.executeUpdate("select * from t"));
  }

  @Test
  void unwrap_wrongInterface_throwsSqlException() {
    assertThrows(SQLException.class, () -> c.unwrap(String.class));
  }

  @Test
  void concurrentConnections_insertFromManyThreads_allRowsArrive() throws Exception {
    String url = "jdbc:vsl:mem:concurrent-inserts";
    try (Connection setup = DriverManager.getConnection(url)) {
      setup.createStatement().execute("create table t(id int primary key, who int)");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int who = t;
        futures.add(pool.submit(() -> {
          try (Connection conn = DriverManager.getConnection(url);
              PreparedStatement p = conn.prepareStatement("insert into t values (?, ?)")) {
            for (int i = 0; i < 250; i++) {
              p.setInt(1, who * 1000 + i);
              p.setInt(2, who);
              p.executeUpdate();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      try (ResultSet rs = setup.createStatement().executeQuery("select count(*), count(distinct who) from t")) {
        rs.next();
        assertEquals(2000, rs.getInt(1));
        assertEquals(8, rs.getInt(2));
      }
    }
  }

  @Test
  void stringParameter_longerThanItsColumn_isNotCutToTheColumnsLength() throws SQLException {
    Statement s = c.createStatement();
    s.execute("create table t(id int primary key, v varchar(2))");
    s.execute("insert into t values (1, 'ab')");
    try (PreparedStatement ps = c.prepareStatement("select id from t where v = ?")) {
      ps.setString(1, "abcd");
      assertFalse(ps.executeQuery().next(), "'abcd' is not 'ab'");
    }
    try (PreparedStatement ps = c.prepareStatement("insert into t values (2, ?)")) {
      ps.setString(1, "abcd");
      assertEquals("22001", assertThrows(SQLException.class, ps::executeUpdate).getSQLState());
    }
  }
}
