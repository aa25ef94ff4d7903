package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Primary keys and NOT NULL indexed columns of the integer, date and time types, whose index
 * entries are kept as {@code long}s ({@code KeyTree}): point lookups, ranges (with decimal
 * bounds for the integer types), changed and deleted keys, duplicates, key joins and a reopen
 * from a checkpoint find exactly the rows a scan finds.
 */
class IntegralKeysTest {
  @TempDir Path dir;

  /** The SQL literal of key number {@code i} (negative ones too) of a column of {@code type}. */
  private static String key(String type, long i) {
    return switch (type) {
      case "TINYINT" -> Long.toString(i % 120);
      case "SMALLINT" -> Long.toString(i * 300);
      case "INTEGER" -> Long.toString(i * 20_000_000L);
      case "BIGINT" -> i == 49 ? Long.toString(Long.MAX_VALUE) : i == -50 ? Long.toString(Long.MIN_VALUE)
          : Long.toString(i * 100_000_000_000L);
      case "DATE" -> "DATE '" + java.time.LocalDate.of(2000, 1, 1).plusDays(i * 40) + "'";
      case "TIME" -> "TIME '" + java.time.LocalTime.of(12, 0).plusSeconds(i * 601).format(
          java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")) + "'";
      case "TIMESTAMP" -> "TIMESTAMP '" + java.time.LocalDateTime.of(2000, 1, 1, 0, 0).plusSeconds(i * 86_399)
          .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + "'";
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "DATE", "TIME", "TIMESTAMP"})
  void keysOfEveryIntegralType_findTheRowsAScanFinds(String type) throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve(type);
    List<Long> ids = new ArrayList<>();
    for (long i = -50; i < 50; i++) {
      ids.add(i);
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("create table k(id " + type + " primary key, v int not null, w " + type + " not null)");
      s.execute("create unique index k_w on k(w)");
      s.execute("create table u(id int primary key, kid " + type + ")");
      // keys inserted out of order, so that leaves split in the middle
      StringBuilder k = new StringBuilder("insert into k values ");
      StringBuilder u = new StringBuilder("insert into u values ");
      for (int n = 0; n < ids.size(); n++) {
        long i = ids.get((n * 37) % ids.size());
        k.append(n == 0 ? "" : ", ").append("(" + key(type, i) + ", " + i + ", " + key(type, -i - 1) + ")");
        u.append(n == 0 ? "" : ", ").append("(" + n + ", " + key(type, i) + ")");
      }
      s.execute(k.toString());
      s.execute(u.toString());
      check(s, type);
      s.execute("checkpoint");
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      check(s, type); // the indexes rebuilt from the snapshot
      // a changed key: the old one finds nothing, the new one the row
      s.execute("delete from u");
      s.execute("update k set id = " + key(type, 60) + " where v = 10");
      assertEquals(0, count(s, "select count(*) from k where id = " + key(type, 10)));
      assertEquals(10, count(s, "select v from k where id = " + key(type, 60)));
      // a deleted key can be inserted again; a live one cannot
      s.execute("delete from k where v = 11");
      s.execute("insert into k values (" + key(type, 11) + ", 111, " + key(type, 61) + ")");
      assertEquals(111, count(s, "select v from k where id = " + key(type, 11)));
      SQLException dup = assertThrows(SQLException.class,
          () -> s.execute("insert into k values (" + key(type, 12) + ", 0, " + key(type, 62) + ")"));
      assertEquals("23505", dup.getSQLState());
      SQLException dupW = assertThrows(SQLException.class,
          () -> s.execute("insert into k values (" + key(type, 63) + ", 0, " + key(type, -13) + ")"));
      assertEquals("23505", dupW.getSQLState());
    }
  }

  private static void check(Statement s, String type) throws SQLException {
    // (an ad-hoc statement with a date or time literal is planned anew for each value: every
    // fifth key of those types)
    int every = type.startsWith("DATE") || type.startsWith("TIME") ? 5 : 1;
    for (long i = -50; i < 50; i += every) {
      assertEquals(i, count(s, "select v from k where id = " + key(type, i)), type + " key " + i);
      assertEquals(i, count(s, "select v from k where w = " + key(type, -i - 1)), type + " w " + i);
    }
    assertEquals(0, count(s, "select count(*) from k where id = " + key(type, 77)));
    // ranges through the index against the same ranges of v over a scan (keys grow with v; the
    // last bound stays below the largest key, which is BIGINT's maximum)
    for (long lo = -50; lo + 13 < 49; lo += 7) {
      long hi = lo + 13;
      String viaIndex = "select count(*), coalesce(sum(v), 0) from k where id between " + key(type, lo)
          + " and " + key(type, hi);
      String viaScan = "select count(*), coalesce(sum(v), 0) from k where v between " + lo + " and " + hi;
      try (ResultSet a = s.executeQuery(viaIndex)) {
        a.next();
        try (Statement s2 = s.getConnection().createStatement(); ResultSet b = s2.executeQuery(viaScan)) {
          b.next();
          assertEquals(b.getLong(1), a.getLong(1), viaIndex);
          assertEquals(b.getLong(2), a.getLong(2), viaIndex);
        }
      }
    }
    if (!type.equals("TINYINT") && !type.startsWith("DATE") && !type.startsWith("TIME")) {
      long step = Long.parseLong(key(type, 1));
      // decimal bounds between two keys: 2.5 steps to 7.5 steps hold keys 3 to 7
      String lo = java.math.BigDecimal.valueOf(step).multiply(new java.math.BigDecimal("2.5")).toPlainString();
      String hi = java.math.BigDecimal.valueOf(step).multiply(new java.math.BigDecimal("7.5")).toPlainString();
      assertEquals(5, count(s, "select count(*) from k where id > " + lo + " and id < " + hi));
      assertEquals(0, count(s, "select count(*) from k where id = " + lo));
    }
    // a join on the key: every row of u finds its row of k
    assertEquals(100, count(s, "select count(*) from u join k on k.id = u.kid"));
    assertEquals(count(s, "select sum(v) from k"), count(s, "select sum(k.v) from u join k on k.id = u.kid"));
    try (PreparedStatement p = s.getConnection().prepareStatement("select v from k where id = ?")) {
      try (ResultSet rs = s.executeQuery("select id, v from k")) {
        while (rs.next()) {
          p.setObject(1, rs.getObject(1));
          try (ResultSet r = p.executeQuery()) {
            r.next();
            assertEquals(rs.getLong(2), r.getLong(1), type + " prepared " + rs.getObject(1));
          }
        }
      }
    }
  }
}
