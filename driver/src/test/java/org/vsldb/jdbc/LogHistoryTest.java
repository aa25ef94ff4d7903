package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TABLE(VSL_LOG(...))}: every change a workload of inserts, updates, deletes and DDL made
 * over several checkpoints, in commit order, with its values; its filters return exactly the
 * matching subset (docs/SQL.md, "The log as history").
 */
class LogHistoryTest {
  @TempDir Path dir;

  /** One expected row of VSL_LOG: transaction number (client-side), operation, table, key, values. */
  private record Expected(int txn, String op, String table, String key, String values, long after, long before) {
    String text() {
      return op + "|" + table + "|" + key + "|" + values;
    }
  }

  private static String url(Path db) {
    return "jdbc:vsl:" + db + ";archiveLog=true;checkpointLogBytes=0";
  }

  private static String literal(String s) {
    return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
  }

  private static List<String> texts(List<Expected> e) {
    return e.stream().map(Expected::text).toList();
  }

  /** The workload: returns what VSL_LOG must show, in commit order. */
  private static List<Expected> workload(Connection c, long seed) throws Exception {
    Random rnd = new Random(seed);
    List<Expected> out = new ArrayList<>();
    Map<Integer, String[]> rows = new TreeMap<>();
    int txn = 0;
    try (Statement s = c.createStatement()) {
      long t0 = System.currentTimeMillis();
      s.execute("create table t (id int primary key, v varchar(20), n int)");
      out.add(new Expected(txn++, "CREATE TABLE", "T", null, null, t0, System.currentTimeMillis()));
      c.setAutoCommit(false);
      for (int round = 0; round < 60; round++) {
        long before = System.currentTimeMillis();
        List<Expected> changes = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
          int id = rnd.nextInt(30);
          String v = rnd.nextInt(5) == 0 ? null : "v'" + rnd.nextInt(100);
          int num = rnd.nextInt(1000);
          if (!rows.containsKey(id)) {
            s.executeUpdate("insert into t values (" + id + ", " + literal(v) + ", " + num + ")");
            rows.put(id, new String[] {v, "" + num});
            changes.add(new Expected(txn, "INSERT", "T", "" + id,
                "(" + id + ", " + literal(v) + ", " + num + ")", 0, 0));
          } else if (rnd.nextBoolean()) {
            s.executeUpdate("update t set v = " + literal(v) + ", n = " + num + " where id = " + id);
            rows.put(id, new String[] {v, "" + num});
            changes.add(new Expected(txn, "UPDATE", "T", "" + id,
                "(" + id + ", " + literal(v) + ", " + num + ")", 0, 0));
          } else {
            s.executeUpdate("delete from t where id = " + id);
            rows.remove(id);
            changes.add(new Expected(txn, "DELETE", "T", "" + id, null, 0, 0));
          }
        }
        c.commit();
        long after = System.currentTimeMillis();
        // a row changed twice in one transaction is logged once, with its last values
        Map<String, Expected> last = new java.util.LinkedHashMap<>();
        for (Expected e : changes) {
          Expected prev = last.remove(e.key());
          if (prev != null && prev.op().equals("INSERT") && e.op().equals("DELETE")) {
            continue; // inserted and deleted in the same transaction: nothing reaches the log
          }
          String op = prev != null && prev.op().equals("INSERT") ? "INSERT"
              : prev != null && prev.op().equals("DELETE") && e.op().equals("INSERT") ? "UPDATE" : e.op();
          last.put(e.key(), new Expected(txn, op, "T", e.key(), e.values(), before, after));
        }
        if (!last.isEmpty()) {
          out.addAll(last.values()); // in statement order; compared as a set per transaction
          txn++;
        }
        if (round % 15 == 14) {
          s.execute("checkpoint");
        }
        if (round == 30) {
          long b = System.currentTimeMillis();
          s.execute("create table u (k int)");
          s.execute("insert into u values (5)");
          c.commit();
          s.execute("alter table u add column w varchar(3)");
          s.execute("drop table u");
          long a = System.currentTimeMillis();
          out.add(new Expected(txn++, "CREATE TABLE", "U", null, null, b, a));
          out.add(new Expected(txn++, "INSERT", "U", null, "(5)", b, a));
          out.add(new Expected(txn++, "ALTER TABLE", "U", null, null, b, a));
          out.add(new Expected(txn++, "DROP TABLE", "U", null, null, b, a));
        }
      }
      c.setAutoCommit(true);
    }
    return out;
  }

  private static String explain(Connection c, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("explain plan for " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  private static List<String> logged(Connection c, String call) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select operation, table_name, row_key, row_values from table(" + call + ")")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
      }
    }
    return out;
  }

  /** Sorts the changes of each transaction (the log orders them by row, the client by statement). */
  private static List<String> byTransaction(List<Expected> expected, List<String> actual) {
    List<String> a = new ArrayList<>(actual);
    int i = 0;
    while (i < expected.size()) {
      int j = i;
      while (j < expected.size() && expected.get(j).txn() == expected.get(i).txn()) {
        j++;
      }
      if (j <= a.size()) {
        a.subList(i, j).sort(null);
      }
      i = j;
    }
    return a;
  }

  private static List<String> sortedTexts(List<Expected> expected) {
    List<String> e = new ArrayList<>(texts(expected));
    int i = 0;
    while (i < expected.size()) {
      int j = i;
      while (j < expected.size() && expected.get(j).txn() == expected.get(i).txn()) {
        j++;
      }
      e.subList(i, j).sort(null);
      i = j;
    }
    return e;
  }

  @Test
  void vslLogReturnsEveryChangeOfTheWorkloadInCommitOrder_acrossCheckpoints() throws Exception {
    Path db = dir.resolve("db");
    try (Connection c = DriverManager.getConnection(url(db))) {
      List<Expected> expected = workload(c, 7);
      assertTrue(Files.list(db.resolve("archive")).count() >= 6, "checkpoints archived generations");
      List<String> all = logged(c, "vsl_log()");
      assertEquals(sortedTexts(expected), byTransaction(expected, all));
    }
  }

  @Test
  void transactionIdsAndTimesFollowCommitOrder() throws Exception {
    Path db = dir.resolve("ids");
    try (Connection c = DriverManager.getConnection(url(db))) {
      List<Expected> expected = workload(c, 11);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select transaction_id, change_no, commit_time, log_generation"
              + " from table(vsl_log())")) {
        long lastTxn = -1;
        int lastNo = 0;
        long lastTime = Long.MIN_VALUE;
        long lastGen = -1;
        int i = 0;
        while (rs.next()) {
          long txn = rs.getLong(1);
          int no = rs.getInt(2);
          long time = rs.getTimestamp(3).getTime();
          assertTrue(txn > lastTxn || (txn == lastTxn && no == lastNo + 1), "row " + i + ": " + txn + "/" + no);
          assertEquals(txn != lastTxn, no == 1, "change numbers restart with each transaction");
          assertTrue(time >= lastTime, "commit times never decrease");
          assertTrue(rs.getLong(4) >= lastGen);
          Expected e = expected.get(i);
          if (e.after() > 0) {
            assertTrue(time >= e.after() - 1 && time <= e.before() + 1,
                "row " + i + " committed at " + time + ", between " + e.after() + " and " + e.before());
          }
          lastTxn = txn;
          lastNo = no;
          lastTime = time;
          lastGen = rs.getLong(4);
          i++;
        }
        assertEquals(expected.size(), i);
      }
    }
  }

  @Test
  void filtersReturnExactlyTheMatchingSubset() throws Exception {
    Path db = dir.resolve("filters");
    try (Connection c = DriverManager.getConnection(url(db))) {
      List<Expected> expected = workload(c, 3);
      List<String> all = logged(c, "vsl_log()");
      List<String> onlyU = new ArrayList<>();
      for (String r : all) {
        if (r.split("\\|")[1].equals("U")) {
          onlyU.add(r);
        }
      }
      assertEquals(4, onlyU.size());
      assertEquals(onlyU, logged(c, "vsl_log('U')"));
      assertEquals(onlyU, logged(c, "vsl_log('PUBLIC.U')"));
      assertEquals(onlyU, logged(c, "vsl_log(table_name => 'U')"));
      assertEquals(List.of(), logged(c, "vsl_log('OTHER.U')"));
      assertEquals(onlyU, logged(c, "vsl_log()) where (table_name = 'U'"), "the same filter as a WHERE clause");
      assertTrue(explain(c, "select * from table(vsl_log()) where table_name = 'U' and operation <> 'X'")
          .contains("VSL_LOG(_UTF-8'U'"), "a WHERE on TABLE_NAME is given to the function");
      assertEquals(all.size() - 4, logged(c, "vsl_log('T')").size());

      // time ranges: a window in the middle, from a moment on, up to a moment
      List<Long> times = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select commit_time from table(vsl_log())")) {
        while (rs.next()) {
          times.add(rs.getTimestamp(1).getTime());
        }
      }
      Random rnd = new Random(5);
      for (int k = 0; k < 10; k++) {
        int a = rnd.nextInt(all.size());
        int b = a + rnd.nextInt(all.size() - a);
        Timestamp from = new Timestamp(times.get(a));
        Timestamp to = new Timestamp(times.get(b));
        List<String> want = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          if (times.get(i) >= from.getTime() && times.get(i) <= to.getTime()) {
            want.add(all.get(i));
          }
        }
        try (PreparedStatement p = c.prepareStatement(
            "select operation, table_name, row_key, row_values from table(vsl_log(null, ?, ?))")) {
          p.setTimestamp(1, from);
          p.setTimestamp(2, to);
          List<String> got = new ArrayList<>();
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              got.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
          }
          assertEquals(want, got, "from " + from + " to " + to);
        }
        List<String> strict = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
          if (times.get(i) > from.getTime() && times.get(i) < to.getTime()) {
            strict.add(all.get(i));
          }
        }
        try (PreparedStatement p = c.prepareStatement("select operation, table_name, row_key, row_values"
            + " from table(vsl_log()) where commit_time > ? and ? > commit_time")) {
          p.setTimestamp(1, from);
          p.setTimestamp(2, to);
          List<String> got = new ArrayList<>();
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              got.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
          }
          assertEquals(strict, got, "strict bounds, one written the other way round");
        }
        try (PreparedStatement p = c.prepareStatement(
            "select count(*) from table(vsl_log()) where commit_time >= ? and commit_time <= ?")) {
          assertTrue(explain(c, "select count(*) from table(vsl_log()) where commit_time >= ? and commit_time <= ?")
              .contains("Reinterpret(?0), Reinterpret(?1)"), "time bounds in a WHERE are given to the function");
          p.setTimestamp(1, from);
          p.setTimestamp(2, to);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            assertEquals(want.size(), rs.getInt(1), "the same range as a WHERE clause");
          }
        }
      }
    }
  }

  @Test
  void deleteShowsTheDeletedRowsKey_andCompositeKeysAreListed() throws Exception {
    try (Connection c = DriverManager.getConnection(url(dir.resolve("keys")));
        Statement s = c.createStatement()) {
      s.execute("create table k (a int, b varchar(5), x double, primary key (a, b))");
      s.execute("insert into k values (1, 'x', 0.5)");
      s.execute("delete from k where a = 1");
      List<String> log = logged(c, "vsl_log('K')");
      assertEquals(List.of("CREATE TABLE|K|null|null", "INSERT|K|(1, 'x')|(1, 'x', 0.5)", "DELETE|K|(1, 'x')|null"), log);
      try (ResultSet rs = s.executeQuery("select value_types from table(vsl_log('K')) where operation = 'INSERT'")) {
        rs.next();
        assertEquals("INTEGER, VARCHAR(5), DOUBLE", rs.getString(1));
      }
    }
  }

  @Test
  void damagedArchivedGeneration_isReportedWithFileAndOffset_andWhatDoesNotNeedItStillWorks() throws Exception {
    Path db = dir.resolve("damaged");
    long afterCheckpoint;
    try (Connection c = DriverManager.getConnection(url(db));
        Statement s = c.createStatement()) {
      s.execute("create table d (id int primary key)");
      s.execute("insert into d values (1)");
      s.execute("insert into d values (2)");
      s.execute("checkpoint");
      Thread.sleep(3);
      afterCheckpoint = System.currentTimeMillis();
      Thread.sleep(3);
      s.execute("insert into d values (3)");
    }
    Path log0 = db.resolve("archive").resolve("database-0000000000.vsl");
    byte[] b = Files.readAllBytes(log0);
    b[60] ^= 0x01; // inside the first record; good records follow it
    Files.write(log0, b);
    try (Connection c = DriverManager.getConnection(url(db));
        Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> logged(c, "vsl_log()"));
      assertEquals("XX000", e.getSQLState());
      assertTrue(e.getMessage().contains(log0.toString()) && e.getMessage().contains("offset 40"), e.getMessage());
      assertEquals(List.of("INSERT|D|3|(3)"),
          logged(c, "vsl_log(null, timestamp '" + new Timestamp(afterCheckpoint) + "', null)"),
          "a range after that generation does not read it");
      try (ResultSet rs = s.executeQuery("select count(*) from d")) {
        rs.next();
        assertEquals(3, rs.getInt(1), "the database itself never reads the archive");
      }
    }
    SQLException early = assertThrows(SQLException.class, () -> DriverManager.getConnection(
        "jdbc:vsl:" + db + ";recoverTo=" + java.time.Instant.ofEpochMilli(afterCheckpoint - 1000)));
    assertEquals("XX000", early.getSQLState());
    assertTrue(early.getMessage().contains(log0.toString()) && early.getMessage().contains("offset 40"),
        early.getMessage());
    try (Connection at = DriverManager.getConnection(
            "jdbc:vsl:" + db + ";recoverTo=" + java.time.Instant.ofEpochMilli(afterCheckpoint));
        Statement s = at.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from d")) {
      rs.next();
      assertEquals(2, rs.getInt(1), "a moment after the checkpoint starts from its snapshot");
    }
  }

  @Test
  void inMemoryDatabase_hasNoLog() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:");
        Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("select * from table(vsl_log())"));
      assertTrue(e.getMessage().contains("keeps no log"), e.getMessage());
      try (ResultSet rs = s.executeQuery("select 1")) {
        assertTrue(rs.next(), "the connection stays usable");
      }
    }
  }

  @Test
  void withoutArchive_vslLogShowsTheCurrentGenerationOnly() throws Exception {
    Path db = dir.resolve("plain");
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + db + ";checkpointLogBytes=0");
        Statement s = c.createStatement()) {
      s.execute("create table p (id int primary key)");
      s.execute("insert into p values (1)");
      s.execute("checkpoint");
      s.execute("insert into p values (2)");
      assertEquals(List.of("INSERT|P|2|(2)"), logged(c, "vsl_log()"));
    }
  }

  @Test
  void uncommittedChangesAreNotShown_andOtherConnectionsSeeCommitsOnce() throws Exception {
    Path db = dir.resolve("visibility");
    try (Connection a = DriverManager.getConnection(url(db));
        Connection b = DriverManager.getConnection(url(db));
        Statement s = a.createStatement()) {
      s.execute("create table v (id int primary key)");
      a.setAutoCommit(false);
      s.execute("insert into v values (1)");
      assertEquals(1, logged(b, "vsl_log()").size(), "only CREATE TABLE is committed");
      a.commit();
      assertEquals(2, logged(b, "vsl_log()").size());
      Map<String, Integer> counts = new HashMap<>();
      for (String r : logged(b, "vsl_log()")) {
        counts.merge(r, 1, Integer::sum);
      }
      assertEquals(2, counts.size());
    }
  }
}
