package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code SHUTDOWN} (PRODUCT.md 3.3): closes the database for every connection to it. */
class ShutdownTest {
  @TempDir Path dir;

  private static int count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  @Test
  void shutdown_closesEveryConnectionToTheDatabase_withState08003() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url)) {
      a.createStatement().execute("create table t (v int)");
      Statement other = b.createStatement();
      a.createStatement().execute("shutdown");
      assertTrue(a.isClosed());
      assertTrue(b.isClosed());
      assertFalse(b.isValid(0));
      SQLException e = assertThrows(SQLException.class, () -> other.executeQuery("select * from t"));
      assertEquals("08003", e.getSQLState());
      e = assertThrows(SQLException.class, b::createStatement);
      assertEquals("08003", e.getSQLState());
    }
  }

  @Test
  void fileDatabase_afterShutdown_reopensWithItsCommittedRowsOnly() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    try (Connection a = DriverManager.getConnection(url);
        Connection b = DriverManager.getConnection(url)) {
      a.createStatement().execute("create table t (v int)");
      a.createStatement().execute("insert into t values (1), (2)");
      b.setAutoCommit(false);
      b.createStatement().execute("insert into t values (3)"); // never committed
      a.setAutoCommit(false);
      a.createStatement().execute("insert into t values (4)"); // the issuer's own open transaction
      a.createStatement().execute("shutdown");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(2, count(c, "t"));
      c.createStatement().execute("insert into t values (5)");
      assertEquals(3, count(c, "t"));
    }
  }

  @Test
  void shutdown_releasesTheDirectoryLock_soAnotherStoreCanOpenIt() throws Exception {
    Path db = dir.resolve("db");
    Connection a = DriverManager.getConnection("jdbc:vsl:" + db);
    a.createStatement().execute("create table t (v int)");
    a.createStatement().execute("shutdown");
    // the connection object is still unclosed, yet the lock is free: a fresh store opens
    try (org.vsldb.storage.Store s =
        org.vsldb.storage.Store.open(org.vsldb.storage.StoreConfig.file(db))) {
      assertFalse(s.isClosed());
    }
    a.close();
  }

  @Test
  void memoryDatabase_isDiscardedByShutdown() throws SQLException {
    String name = UUID.randomUUID().toString();
    String url = "jdbc:vsl:mem:" + name;
    try (Connection keep = DriverManager.getConnection(url);
        Connection a = DriverManager.getConnection(url)) {
      a.createStatement().execute("create table t (v int)");
      a.createStatement().execute("insert into t values (1)");
      assertTrue(Databases.holds("mem:" + name));
      a.createStatement().execute("shutdown");
      assertTrue(keep.isClosed());
      assertFalse(Databases.holds("mem:" + name), "the registry lets go of it, so its memory is freed");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      SQLException e = assertThrows(SQLException.class, () -> count(c, "t"));
      assertEquals("42S02", e.getSQLState());
    }
  }

  @Test
  void closingConnectionsAfterShutdown_isQuiet() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    Connection a = DriverManager.getConnection(url);
    Connection b = DriverManager.getConnection(url);
    b.setAutoCommit(false);
    b.createStatement().execute("create table t (v int)");
    a.createStatement().execute("shutdown");
    b.close();
    a.close();
    b.close();
    assertTrue(a.isClosed() && b.isClosed());
  }
}
