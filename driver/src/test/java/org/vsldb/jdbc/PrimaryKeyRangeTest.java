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
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A range on the primary key (BETWEEN, comparisons, or the SEARCH Calcite makes of them) reads
 * through the primary key's sorted index, with literal or parameter bounds, and returns exactly
 * the rows a scan would: at gaps and boundaries, for empty ranges and NULL bounds, with the
 * transaction's own changes and a snapshot that others changed after.
 */
class PrimaryKeyRangeTest {
  private String url;
  private Connection c;
  private Statement s;

  /** Keys 1 to 2,000 except the multiples of 7; city has 5 values, amount = id / 4. */
  @BeforeEach
  void open() throws SQLException {
    url = "jdbc:vsl:mem:" + UUID.randomUUID();
    c = DriverManager.getConnection(url);
    s = c.createStatement();
    s.execute("create table t (id int primary key, city varchar(10), amount double)");
    StringBuilder b = new StringBuilder("insert into t values ");
    boolean first = true;
    for (int i = 1; i <= 2000; i++) {
      if (i % 7 != 0) {
        b.append(first ? "" : ", ").append("(").append(i).append(", 'c").append(i % 5).append("', ")
            .append(i / 4.0).append(")");
        first = false;
      }
    }
    s.execute(b.toString());
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private String plan(String sql) throws SQLException {
    return Plans.of(s, sql);
  }

  private static List<Integer> ids(ResultSet rs) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  private List<Integer> ids(String sql) throws SQLException {
    return ids(s.executeQuery(sql));
  }

  private List<Integer> between(Connection on, Object lo, Object hi) throws SQLException {
    try (PreparedStatement p = on.prepareStatement("select id from t where id between ? and ? order by id")) {
      if (lo == null) {
        p.setNull(1, Types.INTEGER);
      } else {
        p.setObject(1, lo);
      }
      if (hi == null) {
        p.setNull(2, Types.INTEGER);
      } else {
        p.setObject(2, hi);
      }
      return ids(p.executeQuery());
    }
  }

  private static List<Integer> expected(int lo, int hi) {
    List<Integer> out = new ArrayList<>();
    for (int i = Math.max(1, lo); i <= Math.min(2000, hi); i++) {
      if (i % 7 != 0) {
        out.add(i);
      }
    }
    return out;
  }

  @Test
  void rangeOnThePrimaryKey_readsThroughItsSortedIndex() throws SQLException {
    String[] queries = {
      "select city, count(*), sum(amount) from t where id between 5 and 1004 group by city",
      "select city, count(*), sum(amount) from t where id between ? and ? group by city",
      "select id from t where id >= ? and id <= ?",
      "select id from t where id >= 5 and id < 9",
      "select id from t where id > 1990",
      "select id from t where ? > id",
    };
    for (String q : queries) {
      String plan = plan(q);
      assertTrue(plan.contains("StoreIndexScan") && plan.contains("PK_T"), q + "\n" + plan);
      assertFalse(plan.contains("EnumerableTableScan") || plan.contains("StoreTableScan"), q + "\n" + plan);
    }
    assertTrue(plan("select id from t where id = ?").contains("StoreIndexLookup"),
        "an equality stays a hash probe");
  }

  @Test
  void indexedResults_equalAScanOfTheSameRows() throws SQLException {
    String[] where = {
      "id between 5 and 1004", "id between 7 and 14", "id between 8 and 13", "id > 1993", "id >= 1994",
      "id < 8", "id <= 7", "id > 2.5 and id < 4.5", "id >= 2.5 and id <= 9.5", "id < 100000000000",
      "id > -100000000000", "id between -5 and 3", "id in (3, 8, 1500)", "id between 5 and 1004 and amount > 100",
      "id between 10 and 5", "id > 5000", "id between 7 and 7", "id > 2000", "id < 1", "id > 3 and id < 4",
      "id between 5 and 1004 or id between 1500 and 1510",
    };
    for (String w : where) {
      List<Integer> indexed = ids("select id from t where " + w + " order by id");
      List<Integer> scanned = ids("select id from t where " + w.replace("id", "(id + 0)") + " order by id");
      assertEquals(scanned, indexed, w);
    }
    assertEquals(expected(5, 1004), ids("select id from t where id between 5 and 1004 order by id"));
    assertEquals(List.of(), ids("select id from t where id between 7 and 7"), "a gap");
    assertEquals(List.of(8, 9, 10, 11, 12, 13), ids("select id from t where id between 7 and 14 order by id"));
  }

  @Test
  void groupByOverARange_equalsTheSameQueryOverAScan() throws SQLException {
    String q = "select city, count(*), sum(amount) from t where %s between 5 and 1004 group by city order by city";
    try (ResultSet a = s.executeQuery(String.format(q, "id"));
        Statement other = c.createStatement();
        ResultSet b = other.executeQuery(String.format(q, "(id + 0)"))) {
      int rows = 0;
      while (a.next()) {
        assertTrue(b.next());
        assertEquals(b.getString(1), a.getString(1));
        assertEquals(b.getLong(2), a.getLong(2));
        assertEquals(b.getDouble(3), a.getDouble(3));
        rows++;
      }
      assertFalse(b.next());
      assertEquals(5, rows);
    }
  }

  @Test
  void parameterBounds_includingEmptyAndNullRanges() throws SQLException {
    assertEquals(expected(5, 1004), between(c, 5, 1004));
    assertEquals(expected(1, 2000), between(c, Integer.MIN_VALUE, Integer.MAX_VALUE));
    assertEquals(List.of(1999), between(c, 1999, 1999));
    assertEquals(List.of(), between(c, 1004, 5), "lower bound above the upper");
    assertEquals(List.of(), between(c, 14, 14), "a gap");
    assertEquals(List.of(), between(c, null, 10), "NULL bound: no row");
    assertEquals(List.of(), between(c, 10, null), "NULL bound: no row");
    assertEquals(List.of(), between(c, 2001, 3000));
  }

  @Test
  void theTransactionsOwnChanges_areSeenInKeyOrder() throws SQLException {
    c.setAutoCommit(false);
    s.executeUpdate("insert into t values (0, 'new', 0), (497, 'new', 0), (3000, 'new', 0)");
    s.executeUpdate("update t set id = 2 * 1000 + 5 where id = 3"); // leaves the range
    s.executeUpdate("update t set id = 14 where id = 15"); // moves within it
    s.executeUpdate("delete from t where id = 10");
    s.executeUpdate("update t set amount = -1 where id = 11");
    List<Integer> want = new ArrayList<>(expected(0, 1004));
    want.removeAll(List.of(3, 10, 15));
    want.add(0, 0);
    want.add(want.indexOf(13) + 1, 14);
    want.add(want.indexOf(496) + 1, 497);
    assertEquals(want, between(c, 0, 1004));
    assertEquals(List.of(11), ids("select id from t where id between 9 and 12 and amount < 0"));
    c.rollback();
    assertEquals(expected(0, 1004), between(c, 0, 1004));
  }

  @Test
  void aSnapshot_keepsSeeingTheRowsOthersChangedAfterIt() throws SQLException {
    try (Connection other = DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      List<Integer> before = between(c, 1, 100);
      try (Statement o = other.createStatement()) {
        o.executeUpdate("delete from t where id between 20 and 30");
        o.executeUpdate("update t set id = id + 5000 where id between 40 and 45");
        o.executeUpdate("insert into t values (7, 'x', 0), (14, 'x', 0)");
      }
      assertEquals(before, between(c, 1, 100), "the same rows as at the snapshot");
      c.commit();
      List<Integer> after = new ArrayList<>(expected(1, 100));
      after.removeIf(i -> (i >= 20 && i <= 30) || (i >= 40 && i <= 45));
      after.add(after.indexOf(6) + 1, 7);
      after.add(after.indexOf(13) + 1, 14);
      assertEquals(after, between(c, 1, 100));
    }
  }

  @Test
  void orderByTheKey_readsTheIndexInOrderInsteadOfSorting() throws SQLException {
    for (String q : new String[] {"select id, city from t order by id", "select id from t order by id limit 5",
        "select id from t where id between ? and ? order by id"}) {
      String plan = plan(q);
      assertTrue(plan.contains("StoreIndexScan") && !plan.contains("EnumerableSort")
          && !plan.contains("EnumerableLimitSort"), q + "\n" + plan);
    }
    assertTrue(plan("select id from t").contains("StoreTableScan(table=[[PUBLIC, T]], columns=[[ID]])"),
        "without ORDER BY the table is scanned, reading only the column the query uses");
    assertEquals(expected(1, 2000), ids("select id from t order by id"));
    assertEquals(List.of(1, 2, 3, 4, 5), ids("select id from t order by id limit 5"));
    assertEquals(List.of(2000, 1999, 1998), ids("select id from t order by id desc limit 3"));
    c.setAutoCommit(false);
    s.executeUpdate("insert into t values (2500, 'new', 0), (-3, 'new', 0), (700, 'new', 0)");
    s.executeUpdate("delete from t where id = 1");
    List<Integer> want = new ArrayList<>(expected(2, 2000));
    want.add(0, -3);
    want.add(want.indexOf(699) + 1, 700);
    want.add(2500);
    assertEquals(want, ids("select id from t order by id"), "the transaction's own rows in key order");
    assertEquals(List.of(-3, 2, 3), ids("select id from t order by id limit 3"));
    c.rollback();
  }
}
