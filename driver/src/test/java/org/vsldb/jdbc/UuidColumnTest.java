package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UUID column type through JDBC (docs/SQL.md, "UUID"): values, metadata, threads, files. */
class UuidColumnTest {
  @TempDir Path dir;

  private static Connection mem() throws SQLException {
    return DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
  }

  @Test
  void uuidParameters_storeAndReadBack_asUuidTextAndSixteenBytes() throws SQLException {
    UUID u = UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
    try (Connection c = mem()) {
      c.createStatement().execute("create table t(id uuid primary key, n int)");
      try (PreparedStatement p = c.prepareStatement("insert into t values (?, ?)")) {
        p.setObject(1, u);
        p.setInt(2, 1);
        p.executeUpdate();
        p.setString(1, "00000000-0000-0000-0000-000000000002");
        p.setInt(2, 2);
        p.executeUpdate();
        p.setBytes(1, new byte[16]);
        p.setInt(2, 3);
        p.executeUpdate();
      }
      try (PreparedStatement q = c.prepareStatement("select id, n from t where id = ?")) {
        q.setObject(1, u);
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(u, rs.getObject(1));
          assertEquals(u, rs.getObject(1, UUID.class));
          assertEquals(u.toString(), rs.getString(1));
          byte[] bytes = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
              .putLong(u.getLeastSignificantBits()).array();
          assertArrayEquals(bytes, rs.getBytes(1));
          assertEquals(1, rs.getInt(2));
          assertFalse(rs.next());
        }
        q.setString(1, "00000000-0000-0000-0000-000000000000");
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(3, rs.getInt(2), "16 zero bytes are the nil UUID");
        }
      }
    }
  }

  @Test
  void uuidColumns_describeThemselvesAsH2Does() throws SQLException {
    try (Connection c = mem()) {
      c.createStatement().execute("create table t(id uuid default random_uuid() primary key)");
      try (ResultSet rs = c.createStatement().executeQuery("select id from t")) {
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(Types.BINARY, md.getColumnType(1));
        assertEquals("UUID", md.getColumnTypeName(1));
        assertEquals(UUID.class.getName(), md.getColumnClassName(1));
        assertEquals(16, md.getPrecision(1));
        assertEquals(36, md.getColumnDisplaySize(1));
      }
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet cols = meta.getColumns(null, "PUBLIC", "T", "ID")) {
        assertTrue(cols.next());
        assertEquals(Types.BINARY, cols.getInt("DATA_TYPE"));
        assertEquals("UUID", cols.getString("TYPE_NAME"));
        assertEquals(16, cols.getInt("COLUMN_SIZE"));
        assertEquals("RANDOM_UUID()", cols.getString("COLUMN_DEF"));
      }
      List<String> types = new ArrayList<>();
      try (ResultSet ti = meta.getTypeInfo()) {
        while (ti.next()) {
          types.add(ti.getString("TYPE_NAME") + ":" + ti.getInt("DATA_TYPE"));
        }
      }
      assertTrue(types.contains("UUID:" + Types.BINARY), types.toString());
    }
  }

  @Test
  void textThatIsNotAUuid_is22018_andTheConnectionGoesOn() throws SQLException {
    try (Connection c = mem()) {
      Statement s = c.createStatement();
      s.execute("create table t(id uuid primary key)");
      SQLException e = assertThrows(SQLException.class, () -> s.execute("insert into t values ('12-34')"));
      assertEquals("22018", e.getSQLState());
      try (PreparedStatement p = c.prepareStatement("insert into t values (?)")) {
        p.setString(1, "not a uuid");
        assertEquals("22018", assertThrows(SQLException.class, p::executeUpdate).getSQLState());
        p.setBytes(1, new byte[3]);
        assertEquals("22018", assertThrows(SQLException.class, p::executeUpdate).getSQLState());
      }
      s.execute("insert into t values ('00000000-0000-0000-0000-000000000001')");
      try (ResultSet rs = s.executeQuery("select count(*) from t")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  @Test
  void randomUuidDefaults_fromEightThreads_areAllDistinct() throws Exception {
    String url = "jdbc:vsl:mem:" + UUID.randomUUID();
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create table t(id uuid default random_uuid() primary key, n int)");
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            try (Connection own = DriverManager.getConnection(url);
                PreparedStatement p = own.prepareStatement("insert into t(n) values (?)")) {
              for (int i = 0; i < 250; i++) {
                p.setInt(1, thread * 1000 + i);
                p.executeUpdate();
              }
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdown();
      }
      Set<UUID> ids = new HashSet<>();
      try (ResultSet rs = c.createStatement().executeQuery("select id from t")) {
        while (rs.next()) {
          UUID u = rs.getObject(1, UUID.class);
          assertEquals(4, u.version());
          ids.add(u);
        }
      }
      assertEquals(2000, ids.size());
    }
  }

  @Test
  void uuidValues_surviveReopen_checkpoint_andCopyDatabase() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    List<String> before = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url)) {
      Statement s = c.createStatement();
      s.execute("create table t(id uuid primary key, other uuid)");
      s.execute("insert into t values ('ffffffff-0000-0000-0000-000000000000', null), "
          + "('00000000-0000-0000-0000-000000000001', 'ffffffff-0000-0000-0000-000000000000')");
      before.addAll(rows(c));
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(before, rows(c), "after log replay");
      c.createStatement().execute("checkpoint");
      c.createStatement().execute("copy database to 'database.txt'");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(before, rows(c), "after the snapshot");
    }
    try (Connection d = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID() + ";fileAccess=any")) {
      String text = dir.resolve("db").resolve("database.txt").toString().replace("'", "''");
      d.createStatement().execute("copy database from '" + text + "'");
      assertEquals(before, rows(d), "through database.txt");
    }
  }

  private static List<String> rows(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("select id, other from t order by id")) {
      while (rs.next()) {
        out.add(rs.getObject(1) + " " + rs.getObject(2));
      }
    }
    return out;
  }
}
