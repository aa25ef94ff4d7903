package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A join on a table's primary key runs as one index lookup per row of the other side
 * ({@code StoreKeyJoin}), and gives the rows the hash join gives: the same query with both keys
 * cast to BIGINT, which no lookup can serve, is the reference.
 */
class KeyJoinTest {
  private String url;
  private Connection c;
  private Statement s;

  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:vsl:mem:" + UUID.randomUUID();
    c = DriverManager.getConnection(url);
    s = c.createStatement();
    s.execute("create table t(id int primary key, city varchar(20), code bigint)");
    s.execute("create table u(id int primary key, t_id int, qty int, t_city varchar(20))");
    StringBuilder t = new StringBuilder("insert into t values ");
    for (int i = 0; i < 600; i++) {
      t.append(i == 0 ? "" : ", ").append("(").append(i).append(", 'city-").append(i % 7).append("', ")
          .append(i * 1000L).append(")");
    }
    s.execute(t.toString());
    StringBuilder u = new StringBuilder("insert into u values ");
    for (int i = 0; i < 1000; i++) {
      // t_id runs past t's keys (no partner) and is NULL for every 50th row
      String tId = i % 50 == 0 ? "null" : String.valueOf(i * 7 % 900);
      u.append(i == 0 ? "" : ", ").append("(").append(i).append(", ").append(tId).append(", ").append(i % 10)
          .append(", 'city-").append(i % 9).append("')");
    }
    s.execute(u.toString());
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private String plan(String sql) throws SQLException {
    return Plans.of(s, sql);
  }

  private static List<String> rows(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    out.sort(null);
    return out;
  }

  /** The query runs as a key join, and its rows equal those of {@code reference}, a hash join. */
  private List<String> sameAsHashJoin(String query, String reference) throws SQLException {
    String plan = plan(query);
    assertTrue(plan.contains("StoreKeyJoin"), plan);
    String referencePlan = plan(reference);
    assertFalse(referencePlan.contains("StoreKeyJoin"), referencePlan);
    List<String> got = rows(s, query);
    assertEquals(rows(s, reference), got);
    return got;
  }

  @Test
  void innerJoin_onThePrimaryKey_givesTheHashJoinsRows_withoutNullOrMissingKeys() throws SQLException {
    List<String> got = sameAsHashJoin(
        "select u.id, u.qty, t.city, t.code from u join t on t.id = u.t_id",
        "select u.id, u.qty, t.city, t.code from u join t on cast(t.id as bigint) = cast(u.t_id as bigint)");
    // t_id = 7i mod 900 has a partner when below 600, and none when NULL (every 50th row)
    int expected = 0;
    for (int i = 0; i < 1000; i++) {
      if (i % 50 != 0 && i * 7 % 900 < 600) {
        expected++;
      }
    }
    assertEquals(expected, got.size());
  }

  @Test
  void innerJoin_withTheKeyedTableOnTheLeft_keepsTheColumnOrder() throws SQLException {
    String query = "select * from t join u on t.id = u.t_id where u.qty < 5";
    List<String> got = sameAsHashJoin(query, "select * from t join u on cast(t.id as bigint) = cast(u.t_id as bigint) where u.qty < 5");
    assertFalse(got.isEmpty());
    try (ResultSet rs = s.executeQuery(query)) {
      assertEquals("ID", rs.getMetaData().getColumnName(1));
      assertEquals("CITY", rs.getMetaData().getColumnName(2));
      assertEquals("T_ID", rs.getMetaData().getColumnName(5));
    }
  }

  @Test
  void leftJoin_keepsRowsWithoutPartner_withNullColumns() throws SQLException {
    String query = "select u.id, t.city from u left join t on t.id = u.t_id";
    List<String> got = sameAsHashJoin(query, "select u.id, t.city from u left join t on cast(t.id as bigint) = cast(u.t_id as bigint)");
    assertEquals(1000, got.size());
    assertTrue(plan(query).contains("joinType=[left]"), plan(query));
    long unmatched = got.stream().filter(r -> r.endsWith("|null")).count();
    assertEquals(1000 - rows(s, "select u.id from u join t on t.id = u.t_id").size(), unmatched);
  }

  @Test
  void joinWithGroupBy_andAFilterOnTheProbeSide_givesTheHashJoinsGroups() throws SQLException {
    sameAsHashJoin(
        "select t.city, count(*), sum(u.qty), max(t.code) from u join t on t.id = u.t_id"
            + " where u.qty >= 3 group by t.city having min(t.code) > 0",
        "select t.city, count(*), sum(u.qty), max(t.code) from u join t"
            + " on cast(t.id as bigint) = cast(u.t_id as bigint) where u.qty >= 3 group by t.city having min(t.code) > 0");
  }

  @Test
  void varcharAndBigintKeys_areLookedUpToo() throws SQLException {
    s.execute("create table cities(name varchar(30) primary key, pop int)");
    s.execute("create table codes(code bigint primary key, label varchar(10))");
    StringBuilder cities = new StringBuilder("insert into cities values ");
    StringBuilder codes = new StringBuilder("insert into codes values ");
    for (int i = 0; i < 600; i++) {
      cities.append(i == 0 ? "" : ", ").append("('city-").append(i).append("', ").append(i * 100).append(")");
    }
    for (int i = 0; i < 400; i++) {
      codes.append(i == 0 ? "" : ", ").append("(").append(i * 1000L).append(", 'c").append(i).append("')");
    }
    s.execute(cities.toString());
    s.execute(codes.toString());
    sameAsHashJoin("select u.id, cities.pop from u join cities on cities.name = u.t_city",
        "select u.id, cities.pop from u join cities on cast(cities.name as varchar(40)) || 'x' = u.t_city || 'x'");
    sameAsHashJoin("select t.id, codes.label from t join codes on codes.code = t.code",
        "select t.id, codes.label from t join codes on cast(codes.code as decimal(20, 0)) = cast(t.code as decimal(20, 0))");
  }

  @Test
  void lookups_seeTheTransactionsOwnChanges_andNoOtherTransactionsUncommittedOnes() throws SQLException {
    String query = "select u.id, t.city from u join t on t.id = u.t_id where u.id between 1 and 20";
    c.setAutoCommit(false);
    s.execute("update t set city = 'moved' where id = 7");     // u.id = 1 joins t.id = 7
    s.execute("delete from t where id = 14");                   // u.id = 2 joins t.id = 14
    s.execute("update u set t_id = 650 where id = 3");
    s.execute("insert into t values (650, 'new', 0)");         // u.id = 3 now joins it
    List<String> own = sameAsHashJoin(query,
        "select u.id, t.city from u join t on cast(t.id as bigint) = cast(u.t_id as bigint) where u.id between 1 and 20");
    assertTrue(own.contains("1|moved"), own.toString());
    assertFalse(own.stream().anyMatch(r -> r.startsWith("2|")), own.toString());
    assertTrue(own.contains("3|new"), own.toString());
    try (Connection other = DriverManager.getConnection(url); Statement o = other.createStatement()) {
      List<String> theirs = rows(o, query);
      assertTrue(theirs.contains("1|city-0"), theirs.toString());
      assertTrue(theirs.stream().anyMatch(r -> r.startsWith("2|")), theirs.toString());
      assertFalse(theirs.contains("3|new"), theirs.toString());
    }
    c.rollback();
    assertTrue(rows(s, query).contains("1|city-0"));
  }

  @Test
  void aSmallTableJoinedFromAMuchLargerSide_staysAHashJoin() throws SQLException {
    s.execute("create table tiny(id int primary key, name varchar(10))");
    s.execute("insert into tiny values (0, 'zero'), (1, 'one'), (2, 'two')");
    String plan = plan("select u.id, tiny.name from u join tiny on tiny.id = u.qty");
    assertTrue(plan.contains("EnumerableHashJoin"), plan);
    assertFalse(plan.contains("StoreKeyJoin"), plan);
  }

  @Test
  void keysOfDifferentTypes_areJoinedByValue() throws SQLException {
    s.execute("create table wide(id bigint primary key, name varchar(10))");
    s.execute("insert into wide select id, city from t");
    List<String> got = rows(s, "select u.id, wide.name from u join wide on wide.id = u.t_id");
    assertEquals(rows(s, "select u.id, t.city from u join t on t.id = u.t_id"), got);
  }
}
