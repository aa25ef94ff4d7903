package org.vsldb.tck.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/**
 * A GUI beside a running application (JDBC issue, must-show 6): while a child JVM commits
 * transfers to a directory, this JVM opens it with {@code readOnly=true}, again and again. Each
 * open sees a consistent state (the accounts' total is unchanged, and every transfer acknowledged
 * before the open is there), cannot write (25006), and leaves the directory's files alone. A
 * second writer is refused with 08001 naming the holder's process and the readOnly way in.
 */
class ReadOnlyBesideWriterTest {
  @TempDir Path dir;

  private List<String> files(Path db) throws Exception {
    try (Stream<Path> s = Files.list(db)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void readOnlyOpens_beside_aWritingJvm_seeConsistentStates_andCannotWrite() throws Exception {
    Path db = dir.resolve("bank");
    String url = "jdbc:vsl:" + db;
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    StringBuilder errors = new StringBuilder();
    Process p = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), TransferWorker.class.getName(), url, "1")
        .redirectErrorStream(true).start();
    try {
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            if (line.equals("READY")) {
              ready.countDown();
            } else if (line.startsWith("ACK ")) {
              acked.add(Long.parseLong(line.substring(4)));
            } else if (line.startsWith("ERROR") || line.contains("Exception")) {
              synchronized (errors) {
                errors.append(line).append('\n');
              }
            }
          }
        } catch (java.io.IOException ignored) {
          // the process ended
        }
      });
      reader.setDaemon(true);
      reader.start();
      assertTrue(ready.await(120, TimeUnit.SECONDS), "worker did not start: " + errors);

      SQLException refused = null;
      try (Connection w = DriverManager.getConnection(url)) {
        // not reached: the worker holds the directory
      } catch (SQLException e) {
        refused = e;
      }
      assertTrue(refused != null && refused.getSQLState().equals("08001"), String.valueOf(refused));
      assertTrue(refused.getMessage().contains(Long.toString(p.pid())), refused.getMessage());
      assertTrue(refused.getMessage().contains("readOnly=true"), refused.getMessage());

      int opens = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      while (System.nanoTime() < deadline || opens < 5) {
        Set<Long> before = new HashSet<>(acked);
        List<String> filesBefore = files(db);
        try (Connection c = DriverManager.getConnection(url + ";readOnly=true")) {
          assertEquals(TransferTest.TOTAL, TransferTest.total(c), "open " + opens + ": the total changed");
          Set<Long> ledger = new HashSet<>();
          try (ResultSet rs = c.createStatement().executeQuery("select id from ledger")) {
            while (rs.next()) {
              ledger.add(rs.getLong(1));
            }
          }
          assertTrue(ledger.containsAll(before), "open " + opens + ": an acknowledged transfer is missing");
          SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
              () -> c.createStatement().executeUpdate("insert into ledger values (-1, 1)"));
          assertEquals("25006", e.getSQLState());
        }
        assertTrue(files(db).containsAll(filesBefore) || !filesBefore.contains("database.db"),
            "the reader changed the directory: " + filesBefore + " -> " + files(db));
        opens++;
        Thread.sleep(200);
      }
      synchronized (errors) {
        assertEquals("", errors.toString());
      }
      assertTrue(acked.size() > 50, "the writer made too little progress: " + acked.size());
      System.out.println("ReadOnlyBesideWriterTest: " + opens + " read-only opens beside "
          + acked.size() + " acknowledged transfers");
    } finally {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
