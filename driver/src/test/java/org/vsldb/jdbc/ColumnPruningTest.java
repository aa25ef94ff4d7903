package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scans decode only the columns a query reads (ColumnPruning); every column any operator reads
 * (filters, join keys, sort keys, aggregate arguments, window frames, sub-queries, DML) is still
 * there, for committed rows and for a transaction's own writes alike.
 */
class ColumnPruningTest {
  private static final int ROWS = 50;
  private Connection c;

  @BeforeEach
  void load() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
    try (Statement s = c.createStatement()) {
      s.execute("create table t(id int primary key, a varchar(5), b int, c double, d varchar(5))");
      s.execute("create table u(id int primary key, t_id int, q int)");
    }
    try (PreparedStatement t = c.prepareStatement("insert into t values (?, ?, ?, ?, ?)");
        PreparedStatement u = c.prepareStatement("insert into u values (?, ?, ?)")) {
      for (int id = 0; id < ROWS; id++) {
        t.setInt(1, id);
        t.setString(2, "a" + id % 5);
        t.setInt(3, id % 7);
        t.setDouble(4, id * 0.5);
        t.setString(5, "d" + id);
        t.executeUpdate();
        u.setInt(1, id);
        u.setInt(2, ROWS - 1 - id);
        u.setInt(3, id % 3);
        u.executeUpdate();
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private static List<String> ids(IntStream ids, java.util.function.IntFunction<String> f) {
    return ids.mapToObj(f).toList();
  }

  @Test
  void aFilterOnAColumnNotSelected_readsIt() throws SQLException {
    assertTrue(rows("explain plan for select d from t where b = 3").get(0).contains("columns=[[B, D]]"));
    assertEquals(ids(IntStream.range(0, ROWS).filter(i -> i % 7 == 3), i -> "d" + i),
        rows("select d from t where b = 3 order by id"));
  }

  @Test
  void groupKeysAndAggregateArguments_areRead() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      double sum = 0;
      for (int id = 0; id < ROWS; id++) {
        if (id % 5 == g && id % 7 > 2) {
          sum += id * 0.5;
        }
      }
      expected.add("a" + g + "|" + sum);
    }
    assertEquals(expected, rows("select a, sum(c) from t where b > 2 group by a order by a"));
  }

  @Test
  void aSortKeyNotSelected_isRead() throws SQLException {
    assertEquals(List.of("d49", "d48", "d47"), rows("select d from t order by c desc limit 3"));
  }

  @Test
  void joinKeysOnBothSides_areRead() throws SQLException {
    // u.t_id = 49 - u.id, and u.q = u.id % 3
    List<String> expected = IntStream.range(0, ROWS).filter(id -> id % 3 == 1)
        .mapToObj(id -> "d" + (ROWS - 1 - id)).sorted().toList();
    assertEquals(expected, rows("select t.d from t join u on t.id = u.t_id where u.q = 1 order by t.d"));
  }

  @Test
  void aSubQueryAndAWindow_readTheirColumns() throws SQLException {
    assertEquals(ids(IntStream.range(0, ROWS).filter(i -> i % 7 == 6), Integer::toString),
        rows("select id from t where b = (select max(b) from t) order by id"));
    assertEquals(List.of("0|0", "1|1", "2|3", "3|5", "4|7"),
        rows("select id, sum(b) over (order by id rows 1 preceding) from t where id < 5 order by id"));
  }

  @Test
  void updateAndDelete_findTheirRowsByAColumnTheyDoNotSet() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertEquals(8, s.executeUpdate("update t set c = c + 100 where b = 0"));
      assertEquals(7, s.executeUpdate("delete from t where b = 1"));
    }
    double sum = IntStream.range(0, ROWS).filter(i -> i % 7 == 0).mapToDouble(i -> i * 0.5 + 100).sum();
    assertEquals(List.of(Double.toString(sum)), rows("select sum(c) from t where b = 0"));
    assertEquals(List.of("d0|a0|0"), rows("select d, a, b from t where id = 0"));
    assertEquals(List.of(Integer.toString(ROWS - 7)), rows("select count(*) from t"));
  }

  @Test
  void aTransactionsOwnWrites_keepEveryColumn() throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("insert into t values (100, 'a1', 3, 1.0, 'dx')");
      s.executeUpdate("update t set d = 'dy' where id = 1");
    }
    // committed: ids 31 (b = 3) and 36 (b = 1) have a = 'a1'; own writes: the new row and the updated id 1
    assertEquals(List.of("d31", "d36", "dx", "dy"),
        rows("select d from t where a = 'a1' and (b = 3 or b = 1) order by d"));
    assertEquals(List.of("a1"), rows("select a from t where id between 99 and 101 and b = 3"));
    c.rollback();
    assertEquals(List.of("d1", "d36"), rows("select d from t where a = 'a1' and b = 1 order by d"));
  }
}
