package org.vsldb.tck.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/**
 * database.lock across processes (invariant I7): a second JVM gets 08001 naming the holder, a
 * read-only open works meanwhile, and after kill -9 of the holder the directory opens with no
 * manual step.
 */
class LockTest {
  @TempDir Path dir;

  @Test
  void secondProcess_gets08001_andTakesOverAfterKillNine() throws Exception {
    String url = "jdbc:vsl:" + dir.resolve("db");
    Process holder = new ProcessBuilder(ChildJvm.javaExecutable().toString(),
        "-cp", System.getProperty("java.class.path"), CrashWorker.class.getName(), url, "1", "1")
        .redirectErrorStream(true).start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
      String line;
      do {
        line = r.readLine();
      } while (line != null && !line.equals("READY"));
      assertEquals("READY", line);
      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
      assertEquals("08001", e.getSQLState());
      assertTrue(e.getMessage().contains(Long.toString(holder.pid())), e.getMessage());
      assertTrue(e.getMessage().contains("readOnly=true"), e.getMessage());
      try (Connection ro = DriverManager.getConnection(url + ";readOnly=true");
          ResultSet rs = ro.createStatement().executeQuery("select count(*) from acct")) {
        assertTrue(rs.next());
        SQLException w = assertThrows(SQLException.class,
            () -> ro.createStatement().execute("insert into acct values (0, 0, 1, 'x')"));
        assertEquals("25006", w.getSQLState());
      }
      holder.destroyForcibly();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery("select count(*) from acct")) {
      assertTrue(rs.next());
    }
  }
}
