package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Equi-joins run as hash joins (never two sorts and a merge join), or as key lookups when one side
 * is a table joined on its primary key, with the filter on one side below the join, and join keys
 * match by value whatever their representation.
 */
class JoinPlanTest {
  private Connection c;
  private Statement s;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    s = c.createStatement();
    s.execute("create table t(id int primary key, city varchar(20))");
    s.execute("create table u(id int primary key, t_id int, qty int)");
    StringBuilder t = new StringBuilder("insert into t values ");
    StringBuilder u = new StringBuilder("insert into u values ");
    for (int i = 0; i < 1000; i++) {
      t.append(i == 0 ? "" : ", ").append("(").append(i).append(", 'city-").append(i % 5).append("')");
      u.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(i * 7 % 1000).append(", ")
          .append(i % 10).append(")");
    }
    s.execute(t.toString());
    s.execute(u.toString());
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private String plan(String sql) throws SQLException {
    return Plans.of(s, sql);
  }

  private static final String JOIN = "select t.city, count(*), sum(u.qty) from u join t on t.id = u.t_id"
      + " where u.qty >= ? group by t.city order by t.city";

  @Test
  void equiJoinOnAPrimaryKey_isAKeyJoinWithTheOneSidedFilterBelowIt() throws SQLException {
    String plan = plan(JOIN);
    assertTrue(plan.contains("StoreKeyJoin"), plan);
    assertFalse(plan.contains("EnumerableMergeJoin"), plan);
    int join = plan.indexOf("StoreKeyJoin");
    int filter = plan.indexOf(">=(");
    assertTrue(filter > join, "the filter on u is applied below the join:\n" + plan);
  }

  @Test
  void equiJoinOnColumnsThatAreNoKey_isAHashJoin() throws SQLException {
    String plan = plan("select count(*) from u a join u b on a.t_id = b.qty where a.qty >= ?");
    assertTrue(plan.contains("EnumerableHashJoin"), plan);
    assertFalse(plan.contains("EnumerableMergeJoin"), plan);
  }

  @Test
  void joinWithGroupBy_countsEveryMatchingPair() throws SQLException {
    try (PreparedStatement p = c.prepareStatement(JOIN)) {
      p.setInt(1, 5);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
        }
      }
      // u.id = i joins t.id = 7i mod 1000, whose city is 7i mod 5 = 2i mod 5; qty = i mod 10 >= 5.
      long[] count = new long[5];
      long[] sum = new long[5];
      for (int i = 0; i < 1000; i++) {
        if (i % 10 >= 5) {
          count[(i * 7 % 1000) % 5]++;
          sum[(i * 7 % 1000) % 5] += i % 10;
        }
      }
      List<String> want = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        want.add("city-" + k + " " + count[k] + " " + sum[k]);
      }
      assertEquals(want, rows);
    }
  }

  @Test
  void decimalKeysOfDifferentScales_matchByValue() throws SQLException {
    s.execute("create table a(x decimal(5,2))");
    s.execute("create table b(y decimal(7,3))");
    s.execute("insert into a values (1.00), (2.50), (null)");
    s.execute("insert into b values (1.000), (2.500), (2.501), (null)");
    List<String> rows = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select a.x, b.y from a join b on a.x = b.y order by a.x")) {
      while (rs.next()) {
        rows.add(rs.getBigDecimal(1).compareTo(rs.getBigDecimal(2)) == 0 ? "=" : "!");
      }
    }
    assertEquals(List.of("=", "="), rows);
    try (ResultSet rs = s.executeQuery("select count(*) from a left join b on a.x = b.y where b.y is null")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "only the NULL key finds no partner");
    }
  }
}
