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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Range and equality predicates on an indexed column read through the index, with exact results. */
class IndexScanTest {
  private Connection c;
  private Statement s;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    s = c.createStatement();
    s.execute("create table t (id int primary key, v int, name varchar(10))");
    s.execute("create index tv on t (v)");
    StringBuilder b = new StringBuilder("insert into t values ");
    for (int i = 1; i <= 2000; i++) {
      b.append(i == 1 ? "" : ", ").append("(").append(i).append(", ").append(i % 50 == 0 ? "null" : String.valueOf(i % 20))
          .append(", 'n").append(i).append("')");
    }
    s.execute(b.toString());
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private List<Integer> ids(String sql) throws SQLException {
    List<Integer> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  private String plan(String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery("explain plan for " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void rangeOnAnIndexedColumn_readsThroughTheIndex() throws SQLException {
    assertTrue(plan("select id from t where v between 3 and 5").contains("StoreIndexScan"),
        plan("select id from t where v between 3 and 5"));
    assertTrue(plan("select id from t where v > 17").contains("StoreIndexScan"));
    assertTrue(plan("select id from t where v = 4").contains("StoreIndexScan"));
  }

  @Test
  void indexedResults_equalAScanOfTheSameRows() throws SQLException {
    String[] where = {"v between 3 and 5", "v > 17", "v >= 17", "v < 2", "v <= 2", "v = 4",
        "v > 2.5 and v < 4.5", "v < 100000000000", "v > -1 and v < 1", "v = 4 and id > 100"};
    for (String w : where) {
      List<Integer> indexed = ids("select id from t where " + w + " order by id");
      List<Integer> scanned = ids("select id from t where " + w.replace("v", "(v + 0)") + " order by id");
      assertEquals(scanned, indexed, w);
      assertTrue(!indexed.isEmpty(), w);
    }
  }

  @Test
  void parametersAndTheTransactionsOwnChanges_areSeen() throws SQLException {
    c.setAutoCommit(false);
    s.execute("update t set v = 1000 where id = 3");
    s.execute("insert into t values (5000, 1001, 'new')");
    try (PreparedStatement p = c.prepareStatement("select id from t where v >= ? order by id")) {
      p.setInt(1, 1000);
      List<Integer> got = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          got.add(rs.getInt(1));
        }
      }
      assertEquals(List.of(3, 5000), got);
    }
    c.rollback();
    assertEquals(List.of(), ids("select id from t where v >= 1000"));
  }
}
