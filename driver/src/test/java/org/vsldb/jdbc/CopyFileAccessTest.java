package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY's file access (PRODUCT.md 3.3): each way out of the database directory, an absolute path,
 * {@code ..}, and a symbolic link (to a directory, to a file, dangling), is refused with 42501
 * under {@code fileAccess=database} (the default) and allowed under {@code fileAccess=any}.
 */
class CopyFileAccessTest {
  @TempDir Path tmp;
  private Path db;
  private Path outside;

  @BeforeEach
  void setUp() throws Exception {
    db = tmp.resolve("db");
    outside = Files.createDirectories(tmp.resolve("outside"));
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + db)) {
      c.createStatement().execute("create table t (a int)");
      c.createStatement().execute("insert into t values (1), (2)");
    }
    Files.writeString(outside.resolve("in.csv"), "3\n");
    Files.createSymbolicLink(db.resolve("outdir"), outside);
    Files.createSymbolicLink(db.resolve("outfile.csv"), outside.resolve("in.csv"));
    Files.createSymbolicLink(db.resolve("dangling.csv"), outside.resolve("created-through-link.csv"));
  }

  private Connection open(String access) throws SQLException {
    return DriverManager.getConnection("jdbc:vsl:" + db + ";fileAccess=" + access);
  }

  private void refused(Statement s, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
    assertEquals("42501", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("fileAccess=any"), e.getMessage());
  }

  @Test
  void absolutePath_isRefusedUnderDatabase_allowedUnderAny() throws Exception {
    String abs = outside.resolve("abs.csv").toAbsolutePath().toString().replace("'", "''");
    try (Connection c = open("database")) {
      refused(c.createStatement(), "copy t to '" + abs + "'");
      refused(c.createStatement(), "copy t from '" + outside.resolve("in.csv").toAbsolutePath() + "'");
      refused(c.createStatement(), "copy t to '" + db.resolve("inside.csv").toAbsolutePath() + "'");
    }
    assertFalse(Files.exists(outside.resolve("abs.csv")));
    try (Connection c = open("any")) {
      assertEquals(2, c.createStatement().executeUpdate("copy t to '" + abs + "'"));
      assertEquals(1, c.createStatement().executeUpdate("copy t from '" + outside.resolve("in.csv").toAbsolutePath() + "'"));
    }
    assertEquals("1\n2\n", Files.readString(outside.resolve("abs.csv")));
  }

  @Test
  void dotDot_isRefusedUnderDatabase_allowedUnderAny() throws Exception {
    try (Connection c = open("database")) {
      refused(c.createStatement(), "copy t to '../outside/up.csv'");
      refused(c.createStatement(), "copy t from '../outside/in.csv'");
      refused(c.createStatement(), "copy (select * from t) to 'sub/../x.csv'");
    }
    assertFalse(Files.exists(outside.resolve("up.csv")));
    try (Connection c = open("any")) {
      assertEquals(2, c.createStatement().executeUpdate("copy t to '../outside/up.csv'"));
      assertEquals(1, c.createStatement().executeUpdate("copy t from '../outside/in.csv'"));
    }
    assertTrue(Files.exists(outside.resolve("up.csv")));
  }

  @Test
  void symbolicLinkOut_isRefusedUnderDatabase_allowedUnderAny() throws Exception {
    try (Connection c = open("database")) {
      Statement s = c.createStatement();
      refused(s, "copy t to 'outdir/new.csv'"); // a file that does not exist yet, in a linked directory
      refused(s, "copy t from 'outdir/in.csv'");
      refused(s, "copy t from 'outfile.csv'"); // the file itself is a link
      refused(s, "copy t to 'outfile.csv'");
      refused(s, "copy t to 'dangling.csv'"); // writing would create the link's target
    }
    assertFalse(Files.exists(outside.resolve("new.csv")));
    assertFalse(Files.exists(outside.resolve("created-through-link.csv")));
    assertEquals("3\n", Files.readString(outside.resolve("in.csv")));
    try (Connection c = open("any")) {
      Statement s = c.createStatement();
      assertEquals(2, s.executeUpdate("copy t to 'outdir/new.csv'"));
      assertEquals(1, s.executeUpdate("copy t from 'outfile.csv'"));
      assertEquals(3, s.executeUpdate("copy t to 'dangling.csv'"));
    }
    assertTrue(Files.exists(outside.resolve("new.csv")));
    assertTrue(Files.exists(outside.resolve("created-through-link.csv")));
  }

  @Test
  void relativeNamesInside_resolveAgainstTheDatabaseDirectory() throws Exception {
    Files.createDirectories(db.resolve("sub"));
    try (Connection c = open("database")) {
      Statement s = c.createStatement();
      assertEquals(2, s.executeUpdate("copy t to 'sub/t.csv'"));
      assertEquals(2, s.executeUpdate("copy t from './sub/t.csv'"));
    }
    assertEquals("1\n2\n", Files.readString(db.resolve("sub").resolve("t.csv")));
  }

  @Test
  void inMemoryDatabase_resolvesAgainstTheWorkingDirectory_andIsConfinedToIt() throws Exception {
    String name = "target/copy-mem-" + UUID.randomUUID() + ".csv";
    Path expected = Path.of("").toAbsolutePath().resolve(name);
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:")) {
      Statement s = c.createStatement();
      s.execute("create table m (a int)");
      s.execute("insert into m values (7)");
      assertEquals(1, s.executeUpdate("copy m to '" + name + "'"));
      refused(s, "copy m to '../escape-" + UUID.randomUUID() + ".csv'");
      refused(s, "copy m to '" + tmp.resolve("x.csv") + "'");
    } finally {
      assertEquals("7\n", Files.readString(expected));
      Files.deleteIfExists(expected);
    }
  }

  @Test
  void theDatabasesOwnFiles_areRefusedUnderEitherSetting_evenThroughALink() throws Exception {
    Files.createSymbolicLink(outside.resolve("log-link"), db.resolve("database.vsl"));
    for (String access : new String[] {"database", "any"}) {
      try (Connection c = open(access)) {
        Statement s = c.createStatement();
        for (String name : new String[] {"database.vsl", "database.db", "database.lock", "database.db.tmp",
            "database.vsl.old", "./database.vsl", "archive/database-0000000000.vsl", "archive/new.csv"}) {
          refusedAsOwnFile(s, "copy t to '" + name + "'");
        }
        refusedAsOwnFile(s, "copy t from 'database.vsl'");
        if (access.equals("any")) {
          refusedAsOwnFile(s, "copy t to '" + db.resolve("database.vsl").toAbsolutePath() + "'");
          refusedAsOwnFile(s, "copy t to '" + outside.resolve("log-link") + "'");
        }
      }
    }
    try (Connection c = open("database")) { // the log is intact: the rows are still there
      try (var rs = c.createStatement().executeQuery("select count(*) from t")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  private void refusedAsOwnFile(Statement s, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
    assertEquals("42501", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("one of the database's own files"), e.getMessage());
  }

  @Test
  void fileAccess_belongsToEachConnection() throws Exception {
    try (Connection any = open("any"); Connection confined = open("database")) {
      String abs = outside.resolve("each.csv").toString();
      refused(confined.createStatement(), "copy t to '" + abs + "'");
      assertEquals(2, any.createStatement().executeUpdate("copy t to '" + abs + "'"));
      refused(confined.createStatement(), "copy t to '" + abs + "'");
    }
  }
}
