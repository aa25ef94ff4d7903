package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The setters pools and GUI clients call on every borrow, and what they change. */
class ConnectionSettersTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private int single(String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  @Test
  void setSchema_switchesWhereUnqualifiedNamesResolve_andBackAgain() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("create schema app");
      s.execute("create table app.t (v int)");
      s.execute("insert into app.t values (7)");
      s.execute("create table t (v int)");
      s.execute("insert into t values (1)");
    }
    assertEquals("PUBLIC", c.getSchema());
    c.setSchema("APP");
    assertEquals("APP", c.getSchema());
    assertEquals(7, single("select v from t"));
    try (Statement s = c.createStatement()) {
      s.execute("create table u (w int)"); // DDL lands in the current schema too
      s.execute("insert into u values (3)");
    }
    assertEquals(3, single("select w from app.u"));
    c.setSchema("PUBLIC");
    assertEquals(1, single("select v from t"));
  }

  @Test
  void setSchema_ofAMissingSchema_fails90079_andKeepsTheCurrentOne() {
    SQLException e = assertThrows(SQLException.class, () -> c.setSchema("NOPE"));
    assertEquals("90079", e.getSQLState());
    assertThrows(SQLException.class, () -> c.setSchema(null));
    assertEquals("PUBLIC", currentSchema());
  }

  private String currentSchema() {
    try {
      return c.getSchema();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void poolResetSetters_acceptEverySupportedValue_andReportIt() throws SQLException {
    for (int level : new int[] {
        Connection.TRANSACTION_READ_COMMITTED, Connection.TRANSACTION_REPEATABLE_READ,
        Connection.TRANSACTION_SERIALIZABLE, Connection.TRANSACTION_READ_COMMITTED}) {
      c.setTransactionIsolation(level);
      assertEquals(level, c.getTransactionIsolation());
    }
    c.setReadOnly(true);
    assertTrue(c.isReadOnly());
    c.setReadOnly(false);
    assertFalse(c.isReadOnly());
    c.setAutoCommit(false);
    assertFalse(c.getAutoCommit());
    c.setAutoCommit(true);
    assertTrue(c.getAutoCommit());
    c.setCatalog("anything"); // no catalogs: ignored, as the JDBC javadoc allows
    assertNull(c.getCatalog());
  }
}
