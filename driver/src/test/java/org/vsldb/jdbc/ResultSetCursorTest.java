package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Forward-only and scroll-insensitive cursors, result set options, and holdability. */
class ResultSetCursorTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
    try (Statement s = c.createStatement()) {
      s.execute("create table t(id int primary key, v varchar(10))");
      s.execute("insert into t values (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private ResultSet scroll(String sql) throws SQLException {
    Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
    return s.executeQuery(sql);
  }

  private static void assertState(String sqlState, Executable e) {
    SQLException x = assertThrows(SQLException.class, e);
    assertEquals(sqlState, x.getSQLState(), x.getMessage());
  }

  @Test
  void scrollInsensitive_movesEveryWay_andNumbersRowsFromOne() throws SQLException {
    ResultSet rs = scroll("select id from t order by id");
    assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
    assertTrue(rs.isBeforeFirst());
    assertEquals(0, rs.getRow());
    assertTrue(rs.last());
    assertEquals(4, rs.getInt(1));
    assertEquals(4, rs.getRow());
    assertTrue(rs.isLast());
    assertTrue(rs.previous());
    assertEquals(3, rs.getInt(1));
    assertTrue(rs.first());
    assertTrue(rs.isFirst());
    assertEquals(1, rs.getInt(1));
    assertTrue(rs.absolute(-1));
    assertEquals(4, rs.getInt(1));
    assertTrue(rs.absolute(2));
    assertEquals(2, rs.getInt(1));
    assertTrue(rs.relative(1));
    assertEquals(3, rs.getInt(1));
    assertTrue(rs.relative(-2));
    assertEquals(1, rs.getInt(1));
    assertFalse(rs.relative(-1));
    assertTrue(rs.isBeforeFirst());
    rs.afterLast();
    assertTrue(rs.isAfterLast());
    assertEquals(0, rs.getRow());
    assertTrue(rs.previous());
    assertEquals(4, rs.getInt(1));
    rs.beforeFirst();
    assertTrue(rs.next());
    assertEquals(1, rs.getInt(1));
  }

  @Test
  void scrollInsensitive_movesPastTheEnds_landOutsideTheRows() throws SQLException {
    ResultSet rs = scroll("select id from t order by id");
    assertFalse(rs.absolute(9));
    assertTrue(rs.isAfterLast());
    assertFalse(rs.next());
    assertFalse(rs.absolute(-9));
    assertTrue(rs.isBeforeFirst());
    assertFalse(rs.absolute(0));
    assertTrue(rs.isBeforeFirst());
    assertFalse(rs.relative(99));
    assertTrue(rs.isAfterLast());
    assertState("02000", () -> rs.getInt(1));
  }

  @Test
  void scrollInsensitive_empty_isNeitherBeforeFirstNorAfterLast() throws SQLException {
    ResultSet rs = scroll("select id from t where id > 10");
    assertFalse(rs.isBeforeFirst());
    assertFalse(rs.first());
    assertFalse(rs.last());
    assertFalse(rs.isAfterLast());
    assertFalse(rs.isFirst());
    assertFalse(rs.isLast());
    assertFalse(rs.next());
    assertFalse(rs.previous());
  }

  @Test
  void scrollInsensitive_doesNotSeeChangesMadeAfterTheQueryRan() throws SQLException {
    ResultSet rs = scroll("select id, v from t order by id");
    c.createStatement().execute("update t set v = 'changed'");
    c.createStatement().execute("insert into t values (5, 'e')");
    assertTrue(rs.last());
    assertEquals(4, rs.getRow());
    rs.beforeFirst();
    while (rs.next()) {
      assertFalse(rs.getString(2).equals("changed"));
    }
  }

  @Test
  void scrollInsensitive_honoursMaxRows() throws SQLException {
    Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
    s.setMaxRows(2);
    ResultSet rs = s.executeQuery("select id from t order by id");
    assertTrue(rs.last());
    assertEquals(2, rs.getRow());
    assertEquals(2, rs.getInt(1));
  }

  @Test
  void forwardOnly_everyMoveButNext_fails90128_andTheCursorStays() throws SQLException {
    ResultSet rs = c.createStatement().executeQuery("select id from t order by id");
    assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
    assertTrue(rs.next());
    for (Executable move : List.<Executable>of(rs::previous, rs::first, rs::last, rs::beforeFirst,
        rs::afterLast, () -> rs.absolute(2), () -> rs.relative(1), () -> rs.relative(-1),
        () -> rs.setFetchDirection(ResultSet.FETCH_REVERSE))) {
      assertState("90128", move);
    }
    assertEquals(1, rs.getInt(1));
    assertTrue(rs.next());
    assertEquals(2, rs.getInt(1));
  }

  @Test
  void forwardOnly_positionQueries_followTheRows() throws SQLException {
    ResultSet rs = c.createStatement().executeQuery("select id from t order by id");
    assertTrue(rs.isBeforeFirst());
    assertTrue(rs.next());
    assertTrue(rs.isFirst());
    assertEquals(1, rs.getRow());
    while (rs.next()) {
      assertEquals(rs.getInt(1), rs.getRow());
    }
    assertTrue(rs.isAfterLast());
    assertEquals(0, rs.getRow());
  }

  @Test
  void fetchDirection_isAHintOnScrollableResults_andInvalidValuesFail() throws SQLException {
    ResultSet rs = scroll("select id from t");
    rs.setFetchDirection(ResultSet.FETCH_REVERSE);
    assertEquals(ResultSet.FETCH_REVERSE, rs.getFetchDirection());
    assertState("22023", () -> rs.setFetchDirection(42));
    Statement forward = c.createStatement();
    assertState("90128", () -> forward.setFetchDirection(ResultSet.FETCH_UNKNOWN));
    rs.getStatement().setFetchDirection(ResultSet.FETCH_UNKNOWN);
    assertEquals(ResultSet.FETCH_UNKNOWN, rs.getStatement().getFetchDirection());
  }

  @Test
  void getStatement_returnsTheStatementThatMadeTheResult() throws SQLException {
    Statement s = c.createStatement();
    assertSame(s, s.executeQuery("select 1").getStatement());
    PreparedStatement p = c.prepareStatement("select id from t where id = ?");
    p.setInt(1, 1);
    assertSame(p, p.executeQuery().getStatement());
    assertNull(c.getMetaData().getTables(null, null, "T", null).getStatement());
  }

  @Test
  void updatableOrSensitive_areDowngraded_withAWarningOnTheConnection() throws SQLException {
    c.clearWarnings();
    Statement s = c.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE);
    assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, s.getResultSetType());
    assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
    assertNotNull(c.getWarnings());
    assertTrue(c.getWarnings().getMessage().contains("TYPE_SCROLL_SENSITIVE"));
    assertTrue(c.getWarnings().getNextWarning().getMessage().contains("CONCUR_UPDATABLE"));
    ResultSet rs = s.executeQuery("select id from t");
    assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
    assertTrue(rs.next());
    assertState("0A000", () -> rs.updateInt(1, 9));
  }

  @Test
  void resultSetOptions_thatAreNoJdbcConstant_fail22023() {
    assertState("22023", () -> c.createStatement(42, ResultSet.CONCUR_READ_ONLY));
    assertState("22023", () -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, 42));
    assertState("22023", () -> c.prepareStatement("select 1", ResultSet.TYPE_FORWARD_ONLY,
        ResultSet.CONCUR_READ_ONLY, 42));
    assertState("22023", () -> c.setHoldability(42));
  }

  @Test
  void holdability_ofTheConnection_isTheDefaultOfNewStatements() throws SQLException {
    assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, c.getHoldability());
    c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
    assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, c.getHoldability());
    Statement s = c.createStatement();
    assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, s.getResultSetHoldability());
    assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, s.executeQuery("select 1").getHoldability());
    Statement held = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
        ResultSet.HOLD_CURSORS_OVER_COMMIT);
    assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, held.getResultSetHoldability());
  }

  @Test
  void closeCursorsAtCommit_closesTheResult_onCommitRollbackAndTheirStatements() throws SQLException {
    c.setAutoCommit(false);
    Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
        ResultSet.CLOSE_CURSORS_AT_COMMIT);
    ResultSet a = s.executeQuery("select id from t");
    c.commit();
    assertTrue(a.isClosed());
    ResultSet b = s.executeQuery("select id from t");
    c.rollback();
    assertTrue(b.isClosed());
    ResultSet d = s.executeQuery("select id from t");
    c.createStatement().execute("commit");
    assertTrue(d.isClosed());
    assertState("08003", d::next);
  }

  @Test
  void holdCursorsOverCommit_keepsReading_forwardAndScrolling() throws SQLException {
    c.setAutoCommit(false);
    ResultSet forward = c.createStatement().executeQuery("select id from t order by id");
    ResultSet scrolling = scroll("select id from t order by id");
    assertTrue(forward.next());
    c.createStatement().execute("insert into t values (9, 'z')");
    c.commit();
    int n = 1;
    while (forward.next()) {
      n++;
    }
    assertEquals(4, n);
    assertTrue(scrolling.last());
    assertEquals(4, scrolling.getInt(1));
  }
}
