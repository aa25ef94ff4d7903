package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** readOnly=true is a property of each connection, and setReadOnly(false) cannot lift it. */
class ReadOnlyConnectionTest {
  @TempDir Path dir;

  @Test
  void readOnlyConnection_toASharedMemoryDatabase_cannotWrite_whileTheOtherCan() throws SQLException {
    String url = "jdbc:vsl:mem:" + UUID.randomUUID();
    try (Connection writer = DriverManager.getConnection(url);
        Connection reader = DriverManager.getConnection(url + ";readOnly=true")) {
      writer.createStatement().execute("create table t (v int)");
      assertTrue(reader.isReadOnly());
      SQLException e = assertThrows(SQLException.class,
          () -> reader.createStatement().execute("insert into t values (1)"));
      assertEquals("25006", e.getSQLState());
      writer.createStatement().execute("insert into t values (2)");
    }
  }

  @Test
  void setReadOnlyFalse_onAReadOnlyOpen_isAHintThatWarns_andChangesNothing() throws SQLException {
    Path db = dir.resolve("db");
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + db)) {
      c.createStatement().execute("create table t (v int)");
    }
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + db + ";readOnly=true")) {
      c.setReadOnly(false); // what a pool does on every borrow
      assertTrue(c.isReadOnly());
      assertNotNull(c.getWarnings());
      SQLException e = assertThrows(SQLException.class,
          () -> c.createStatement().execute("insert into t values (1)"));
      assertEquals("25006", e.getSQLState());
    }
  }
}
