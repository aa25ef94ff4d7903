package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequences through JDBC (docs/SQL.md, "Sequences"): sessions, threads, files, copies. */
class SequencesTest {
  @TempDir Path dir;

  private static long one(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  @Test
  void valuesGoOnAcrossReopens_checkpoints_andRollbacks() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create sequence s");
      assertEquals(1, one(c, "select next value for s"));
      c.setAutoCommit(false);
      c.createStatement().execute("create table t(id bigint primary key)");
      c.createStatement().executeUpdate("insert into t values (next value for s)");
      c.rollback();
      assertEquals(3, one(c, "select next value for s"), "a rollback does not give a value back");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(4, one(c, "select next value for s"), "a clean close leaves no gap");
      c.createStatement().execute("checkpoint");
      assertEquals(5, one(c, "select next value for s"));
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(6, one(c, "select next value for s"));
    }
  }

  @Test
  void currentValue_isPerConnection() throws SQLException {
    try (Connection a = DriverManager.getConnection("jdbc:vsl:mem:cur");
        Connection b = DriverManager.getConnection("jdbc:vsl:mem:cur")) {
      a.createStatement().execute("create sequence s start with 10");
      assertEquals(10, one(a, "select next value for s"));
      SQLException e = assertThrows(SQLException.class, () -> one(b, "select current value for s"));
      assertEquals("90148", e.getSQLState());
      assertEquals(11, one(b, "select next value for s"));
      assertEquals(10, one(a, "select current value for s"));
      assertEquals(11, one(b, "select current value for s"));
      assertEquals(12, one(b, "select next value for s"), "the connection stays usable after the error");
    }
  }

  @Test
  void threadsWithTheirOwnConnections_neverGetTheSameValue() throws Exception {
    String url = "jdbc:vsl:" + dir.resolve("threads");
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create sequence s cache 3");
      c.createStatement().execute("create table t(id bigint primary key, w int)");
    }
    ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      final int w = t;
      Thread th = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url);
            PreparedStatement next = c.prepareStatement("select next value for s");
            PreparedStatement ins = c.prepareStatement("insert into t values (next value for s, ?)")) {
          for (int i = 0; i < 100; i++) {
            if (i % 2 == 0) {
              try (ResultSet rs = next.executeQuery()) {
                rs.next();
                values.add(rs.getLong(1));
              }
            } else {
              ins.setInt(1, w);
              ins.executeUpdate();
              values.add(one(c, "select current value for s"));
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertTrue(failures.isEmpty(), failures.toString());
    Set<Long> distinct = new HashSet<>(values);
    assertEquals(800, distinct.size(), "every value once");
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(400, one(c, "select count(*) from t"));
      assertEquals(801, one(c, "select next value for s"));
    }
  }

  @Test
  void aPreparedStatement_takesANewValueEachRun_andFailsOnceTheSequenceIsDropped() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:prep")) {
      Statement s = c.createStatement();
      s.execute("create sequence q start with 100 increment by -1 minvalue 98");
      try (PreparedStatement p = c.prepareStatement("select next value for q")) {
        for (long expected = 100; expected >= 98; expected--) {
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            assertEquals(expected, rs.getLong(1));
          }
        }
        SQLException out = assertThrows(SQLException.class, p::executeQuery);
        assertEquals("90006", out.getSQLState());
        s.execute("alter sequence q cycle");
        assertEquals("90006", assertThrows(SQLException.class, p::executeQuery).getSQLState(),
            "an exhausted sequence stays so until RESTART");
      }
      s.execute("alter sequence q restart");
      try (PreparedStatement p = c.prepareStatement("select next value for q")) {
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          assertEquals(100, rs.getLong(1));
        }
        s.execute("drop sequence q");
        SQLException gone = assertThrows(SQLException.class, p::executeQuery);
        assertEquals("90036", gone.getSQLState());
      }
    }
  }

  @Test
  void copyDatabase_carriesEachSequencesDefinitionAndNextValue() throws SQLException {
    String from = "jdbc:vsl:" + dir.resolve("from") + ";fileAccess=any";
    Path file = dir.resolve("copy.txt");
    try (Connection c = DriverManager.getConnection(from)) {
      Statement s = c.createStatement();
      s.execute("create schema app");
      s.execute("create sequence app.q as integer start with 5 increment by 5 maxvalue 100 cycle cache 4");
      s.execute("create sequence done maxvalue 2");
      s.execute("create table app.t(id int default next value for q primary key, v varchar(5))");
      s.executeUpdate("insert into app.t(v) values ('a'), ('b')");
      one(c, "select next value for done");
      one(c, "select next value for done");
      s.execute("copy database to '" + file + "'");
    }
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + dir.resolve("to") + ";fileAccess=any")) {
      c.createStatement().execute("copy database from '" + file + "'");
      assertEquals(15, one(c, "select next value for app.q"));
      assertEquals("90006", assertThrows(SQLException.class, () -> one(c, "select next value for done")).getSQLState());
      c.createStatement().executeUpdate("insert into app.t(v) values ('c')");
      assertEquals(20, one(c, "select max(id) from app.t"));
      try (ResultSet rs = c.createStatement().executeQuery(
          "select data_type, start_value, maximum_value, increment, cycle_option, cache from information_schema.sequences"
              + " where sequence_name = 'Q'")) {
        assertTrue(rs.next());
        assertEquals("INTEGER", rs.getString(1));
        assertEquals(5, rs.getLong(2));
        assertEquals(100, rs.getLong(3));
        assertEquals(5, rs.getLong(4));
        assertEquals("YES", rs.getString(5));
        assertEquals(4, rs.getLong(6));
      }
    }
  }
}
