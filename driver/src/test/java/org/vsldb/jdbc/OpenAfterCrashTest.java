package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.log.LogRecord;
import org.vsldb.storage.log.RecordCodec;

/**
 * Opening a file database that a crash left with a log to replay, through JDBC: the open checks
 * the files and returns, the tables load after it (docs/RECOVERY.md, "Checked at open, loaded
 * after"; invariant I10), and what a connection sees does not depend on when it asks.
 */
class OpenAfterCrashTest {
  @TempDir Path dir;

  /**
   * A database of {@code rows} rows committed in {@code rows / 100} transactions, as kill -9
   * leaves it: the files of the open database copied (every commit is in its log, forced).
   */
  private Path crashedCopy(int rows) throws Exception {
    Path live = dir.resolve("live");
    Path copy = dir.resolve("copy");
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + live)) {
      c.createStatement().execute("create table t (id int primary key, v varchar(20))");
      c.setAutoCommit(false);
      try (var p = c.prepareStatement("insert into t values (?, ?)")) {
        for (int i = 0; i < rows; i++) {
          p.setInt(1, i);
          p.setString(2, "v" + i);
          p.executeUpdate();
          if (i % 100 == 99) {
            c.commit();
          }
        }
      }
      c.commit();
      Files.createDirectories(copy);
      try (var files = Files.list(live)) {
        for (Path f : files.toList()) {
          if (f.getFileName().toString().startsWith("database.vsl")) {
            Files.copy(f, copy.resolve(f.getFileName()));
          }
        }
      }
    }
    return copy;
  }

  private static long[] countAndSum(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*), sum(id) from t")) {
      assertTrue(rs.next());
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  @Test
  void connectionsFromManyThreads_rightAfterTheOpen_allSeeEveryCommittedRow_I10() throws Exception {
    int rows = 20_000;
    Path copy = crashedCopy(rows);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<long[]>> seen = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        seen.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection("jdbc:vsl:" + copy)) {
            return countAndSum(c);
          }
        }));
      }
      for (Future<long[]> f : seen) {
        long[] r = f.get(60, TimeUnit.SECONDS);
        assertEquals(rows, r[0], "rows seen by a connection made while the tables load");
        assertEquals((long) rows * (rows - 1) / 2, r[1]);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + copy)) {
      c.createStatement().execute("insert into t values (-1, 'after')");
      assertEquals(rows + 1, countAndSum(c)[0], "the database takes commits once loaded");
    }
  }

  @Test
  void aRecordWhoseChecksumHoldsButWhoseValuesDoNotFit_failsEachStatementWithXX000AndItsOffset_andTheConnectionStillCloses_I10()
      throws Exception {
    Path copy = crashedCopy(300);
    Path log = copy.resolve("database.vsl");
    // table id 1 is T; its first column is an INTEGER, given a string here
    org.vsldb.storage.log.LogReader.Result read =
        org.vsldb.storage.log.LogReader.scan(org.vsldb.storage.io.FileSystem.DEFAULT, log, (o, p) -> true);
    long last = read.lastCommitTs();
    long offset = read.validEnd();
    try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
      ch.truncate(offset); // the zeros the crashed writer had preallocated
    }
    byte[] frame = RecordCodec.frame(new LogRecord(last + 1, 0, List.of(new Change.Insert(1, 999_999, new Object[] {"x", "y"}))));
    Files.write(log, frame, StandardOpenOption.APPEND);
    byte[] before = Files.readAllBytes(log);
    String url = "jdbc:vsl:" + copy;
    for (int round = 0; round < 2; round++) {
      Connection c = DriverManager.getConnection(url); // the open's checks pass: every checksum holds
      SQLException e = assertThrows(SQLException.class, () -> countAndSum(c));
      assertEquals("XX000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
      e = assertThrows(SQLException.class, () -> c.createStatement().execute("insert into t values (-5, 'no')"));
      assertEquals("XX000", e.getSQLState(), e.getMessage());
      c.close();
      assertTrue(c.isClosed());
      assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(log)), "nothing was written to the log");
      assertFalse(Files.exists(copy.resolve("database.db")), "no snapshot was written");
    }
  }
}
