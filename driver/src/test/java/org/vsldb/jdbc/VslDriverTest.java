package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connecting: URLs, properties, and which connections share a database. */
class VslDriverTest {
  @TempDir Path dir;

  private static int count(Connection c, String table) throws SQLException {
    try (var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void getConnection_memUrl_loadsDriverWithoutClassForName() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:demo")) {
      assertTrue(c.isValid(1));
      assertEquals("vsl", c.getMetaData().getDatabaseProductName());
    }
  }

  @Test
  void connect_emptyLocation_fails08001() {
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:vsl:"));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void connect_unknownProperty_fails08001NamingKeyAndValidKeys() {
    SQLException e =
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:vsl:mem:x;INIT=runscript"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("INIT"), e.getMessage());
    assertTrue(e.getMessage().contains("durability"), e.getMessage());
  }

  @Test
  void connect_unknownPropertyInProperties_fails08001() {
    Properties p = new Properties();
    p.setProperty("model", "inline:{}");
    SQLException e =
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:vsl:mem:x", p));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void connect_badPropertyValue_fails08001() {
    SQLException e =
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:vsl:mem:x;durability=fast"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("full, interval, none"), e.getMessage());
  }

  @Test
  void connect_urlWinsOverProperties() throws SQLException {
    Properties p = new Properties();
    p.setProperty("create", "true");
    String url = "jdbc:vsl:" + dir.resolve("missing") + ";create=false";
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, p));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void connect_foreignUrl_returnsNull() throws SQLException {
    assertNull(new VslDriver().connect("jdbc:h2:mem:x", new Properties()));
    assertFalse(new VslDriver().acceptsURL("jdbc:h2:mem:x"));
  }

  @Test
  void userAndPassword_areAcceptedAndIgnored() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:", "someone", "secret")) {
      assertTrue(c.isValid(0));
    }
  }

  @Test
  void namedMemory_isSharedByConnections_privateMemoryIsNot() throws SQLException {
    try (Connection a = DriverManager.getConnection("jdbc:vsl:mem:shared1");
        Connection b = DriverManager.getConnection("jdbc:vsl:mem:shared1");
        Connection p = DriverManager.getConnection("jdbc:vsl:mem:")) {
      a.createStatement().execute("create table t(a int primary key)");
      a.createStatement().execute("insert into t values (1)");
      assertEquals(1, count(b, "t"));
      SQLException e = assertThrows(SQLException.class, () -> count(p, "t"));
      assertEquals("42S02", e.getSQLState());
    }
  }

  @Test
  void fileDatabase_keepsCommittedRowsAcrossReopen_andDropsUncommitted() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    try (Connection c = DriverManager.getConnection(url)) {
      Statement s = c.createStatement();
      s.execute("create table t(a int primary key, b varchar(10))");
      s.execute("insert into t values (1, 'one')");
      c.setAutoCommit(false);
      s.execute("insert into t values (2, 'two')");
      c.commit();
      s.execute("insert into t values (3, 'three')");
      c.rollback();
      s.execute("insert into t values (4, 'four')");
      // closed without commit: the open transaction is rolled back
    }
    try (Connection c = DriverManager.getConnection(url)) {
      var rs = c.createStatement().executeQuery("select a, b from t order by a");
      StringBuilder sb = new StringBuilder();
      while (rs.next()) {
        sb.append(rs.getInt(1)).append('=').append(rs.getString(2)).append(' ');
      }
      assertEquals("1=one 2=two ", sb.toString());
    }
  }

  @Test
  void fileDatabase_createFalse_missingDirectoryFails08001() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:vsl:" + dir.resolve("nope") + ";create=false"));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void dataSource_connectsWithBeanProperties() throws SQLException {
    VslDataSource ds = new VslDataSource();
    ds.setUrl("jdbc:vsl:" + dir.resolve("ds"));
    ds.setDurability("none");
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("create table t(a int)");
      assertEquals(0, count(c, "t"));
    }
  }

  @Test
  void checkpointStatement_andAutomaticCheckpoints_keepEveryRowAcrossReopen() throws Exception {
    java.nio.file.Path db = dir.resolve("cp");
    String url = "jdbc:vsl:" + db + ";checkpointLogBytes=20000";
    try (Connection c = DriverManager.getConnection(url)) {
      Statement s = c.createStatement();
      s.execute("create table t(a int primary key, b varchar(40))");
      try (java.sql.PreparedStatement p = c.prepareStatement("insert into t values (?, ?)")) {
        for (int i = 0; i < 2000; i++) {
          p.setInt(1, i);
          p.setString(2, "row " + i + " with some text to fill the log");
          p.executeUpdate(); // each a commit: the log passes 20,000 bytes many times
        }
      }
      assertEquals(2000, s.executeUpdate("checkpoint"), "CHECKPOINT counts the rows it wrote");
      assertTrue(java.nio.file.Files.size(db.resolve("database.vsl")) < 20_000 + 4096,
          "automatic and explicit checkpoints keep the log short");
      assertTrue(java.nio.file.Files.exists(db.resolve("database.db")));
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(2000, count(c, "t"));
    }
  }
}
