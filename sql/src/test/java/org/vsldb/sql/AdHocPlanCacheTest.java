package org.vsldb.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vsldb.sql.exec.Session;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;

/** Ad-hoc statements that differ only in literals share one plan; the rest plan from their text. */
class AdHocPlanCacheTest {
  private final SqlEngine engine = new SqlEngine(Store.open(StoreConfig.inMemory()));
  private final Session session = engine.openSession();

  @BeforeEach
  void table() throws SQLException {
    run("create table t(id int primary key, name varchar(20), code char(5), amount decimal(10, 2))");
    for (int i = 0; i < 20; i++) {
      run("insert into t values (" + i + ", 'n" + i + "', 'c" + i + "', " + i + ".25)");
    }
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private Result run(String sql) throws SQLException {
    SqlEngine.AdHoc a = engine.prepareAdHoc(sql, session.schema());
    return session.execute(a.command(), a.parameters());
  }

  private List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    ((Result.Rows) run(sql)).rows().forEachRemaining(r -> out.add(Arrays.asList(r)));
    return out;
  }

  @Test
  void prepareAdHoc_sameShapeAnotherLiteral_reusesTheCompiledPlanWithTheLiteralAsParameter()
      throws SQLException {
    SqlEngine.AdHoc a = engine.prepareAdHoc("select name from t where id = 5", "PUBLIC");
    SqlEngine.AdHoc b = engine.prepareAdHoc("select name from t where id = 17", "PUBLIC");
    assertSame(a.command(), b.command());
    assertArrayEquals(new Object[] {17}, b.parameters());
    assertEquals(List.of(List.of("n17")), rows("select name from t where id = 17"));
    assertEquals(List.of(List.of("n5")), rows("select name from t where id = 5"));
    assertEquals(List.of(), rows("select name from t where id = 99"));
  }

  @Test
  void prepareAdHoc_anotherSchemaOrLiteralType_getsAnotherPlan() throws SQLException {
    SqlEngine.AdHoc a = engine.prepareAdHoc("select name from t where id = 5", "PUBLIC");
    assertNotSame(a.command(), engine.prepareAdHoc("select name from t where id = 5.0", "PUBLIC").command());
    assertEquals(List.of(List.of("n5")), rows("select name from t where id = 5.0"));
    assertEquals(List.of(), rows("select name from t where id = 5.5"));
    assertEquals(List.of(), rows("select name from t where id = 5000000000"));
  }

  @Test
  void prepareAdHoc_afterDdl_plansAgain() throws SQLException {
    SqlEngine.AdHoc before = engine.prepareAdHoc("select name from t where id = 5", "PUBLIC");
    run("create table u(a int)");
    SqlEngine.AdHoc after = engine.prepareAdHoc("select name from t where id = 6", "PUBLIC");
    assertNotSame(before.command(), after.command());
    assertSame(after.command(), engine.prepareAdHoc("select name from t where id = 7", "PUBLIC").command());
  }

  @Test
  void prepareAdHoc_droppedColumn_failsAsThePlainStatementWould() throws SQLException {
    engine.prepareAdHoc("select name from t where amount = 5.25", "PUBLIC");
    run("alter table t drop column amount");
    SQLException e = assertThrows(SQLException.class,
        () -> engine.prepareAdHoc("select name from t where amount = 6.25", "PUBLIC"));
    assertEquals("42S22", e.getSQLState());
  }

  @Test
  void prepareAdHoc_literalAsFunctionArgument_plansFromItsText() throws SQLException {
    SqlEngine.AdHoc a = engine.prepareAdHoc("select id from t where mod(id, 7) = 3 order by id", "PUBLIC");
    assertNull(a.parameters());
    assertEquals(List.of(List.of(3), List.of(10), List.of(17)), rows("select id from t where mod(id, 7) = 3 order by id"));
    assertEquals(List.of(List.of(4), List.of(11), List.of(18)), rows("select id from t where mod(id, 7) = 4 order by id"));
  }

  @Test
  void prepareAdHoc_stringComparedWithCharColumn_plansFromItsText_stringWithVarchar_shares()
      throws SQLException {
    assertNull(engine.prepareAdHoc("select id from t where code = 'c3'", "PUBLIC").parameters());
    assertEquals(List.of(List.of(3)), rows("select id from t where code = 'c3'"));
    assertEquals(List.of(List.of(4)), rows("select id from t where code = 'c4   '"));
    SqlEngine.AdHoc a = engine.prepareAdHoc("select id from t where name = 'n3'", "PUBLIC");
    assertSame(a.command(), engine.prepareAdHoc("select id from t where name = 'n4'", "PUBLIC").command());
    assertEquals(List.of(List.of(4)), rows("select id from t where name = 'n4'"));
    assertEquals(List.of(), rows("select id from t where name = 'n4 '"));
  }

  @Test
  void prepareAdHoc_updateAndDelete_shareTheirWherePlans() throws SQLException {
    SqlEngine.AdHoc a = engine.prepareAdHoc("update t set name = 'x' where id = 1", "PUBLIC");
    assertSame(a.command(), engine.prepareAdHoc("update t set name = 'x' where id = 2", "PUBLIC").command());
    assertEquals(1, ((Result.Count) run("update t set name = 'x' where id = 2")).count());
    assertEquals(2, ((Result.Count) run("delete from t where id between 10 and 11")).count());
    assertEquals(3, ((Result.Count) run("delete from t where id between 12 and 14")).count());
    assertEquals(List.of(List.of("x")), rows("select name from t where id = 2"));
    assertEquals(List.of(List.of(15L)), rows("select count(*) from t where id >= 0"));
  }

  @Test
  void prepareAdHoc_fromManyThreads_eachGetsItsOwnRow() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          Session s = engine.openSession();
          int checked = 0;
          for (int i = 0; i < 400; i++) {
            int id = i % 20;
            SqlEngine.AdHoc a = engine.prepareAdHoc("select name from t where id = " + id, "PUBLIC");
            Result.Rows r = (Result.Rows) s.execute(a.command(), a.parameters());
            assertEquals("n" + id, r.rows().next()[0]);
            checked++;
          }
          s.close();
          return checked;
        }));
      }
      for (Future<Integer> f : results) {
        assertEquals(400, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
