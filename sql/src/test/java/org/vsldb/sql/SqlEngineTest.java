package org.vsldb.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vsldb.sql.exec.Session;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;

class SqlEngineTest {
  private final SqlEngine engine = new SqlEngine(Store.open(StoreConfig.inMemory()));
  private final Session session = engine.openSession();

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void openingSessions_makesNoPlanner_untilAStatementNeedsOne() throws SQLException {
    int[] hookRuns = {0};
    SqlEngine lazy = new SqlEngine(Store.open(StoreConfig.inMemory()), () -> hookRuns[0]++);
    try {
      Session s = lazy.openSession();
      lazy.openSession();
      assertTrue(!lazy.hasPlanner(), "opening sessions initialises none of Calcite");
      assertEquals(0, hookRuns[0]);
      s.execute(lazy.prepare("create table t (id int primary key)", s.schema()), new Object[0]);
      assertTrue(lazy.hasPlanner());
      assertEquals(1, hookRuns[0], "the hook runs before the planner is made");
      s.execute(lazy.prepare("insert into t values (1)", s.schema()), new Object[0]);
      assertEquals(1, hookRuns[0], "and only then");
    } finally {
      lazy.close();
    }
  }

  @Test
  void manyThreadsPreparingTheFirstStatementsAtOnce_shareOnePlanner_madeAfterTheHookOnce() throws Exception {
    java.util.concurrent.atomic.AtomicInteger hookRuns = new java.util.concurrent.atomic.AtomicInteger();
    SqlEngine lazy = new SqlEngine(Store.open(StoreConfig.inMemory()), hookRuns::incrementAndGet);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          go.await();
          Session s = lazy.openSession();
          Result.Rows r = (Result.Rows) s.execute(lazy.prepare("select " + n + " + 1 from (values (0))", s.schema()), new Object[0]);
          return r.rows().next()[0];
        }));
      }
      go.countDown();
      for (int i = 0; i < 8; i++) {
        assertEquals(i + 1, ((Number) results.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS)).intValue());
      }
      assertEquals(1, hookRuns.get());
    } finally {
      pool.shutdownNow();
      lazy.close();
    }
  }

  private Result run(String sql, Object... params) throws SQLException {
    return session.execute(engine.prepare(sql, session.schema()), params);
  }

  private List<List<Object>> rows(String sql, Object... params) throws SQLException {
    Result.Rows r = (Result.Rows) run(sql, params);
    List<List<Object>> out = new ArrayList<>();
    r.rows().forEachRemaining(row -> out.add(Arrays.asList(row)));
    return out;
  }

  private long count(String sql, Object... params) throws SQLException {
    return ((Result.Count) run(sql, params)).count();
  }

  private int[] parameterRow(String sql) throws SQLException {
    return ((org.vsldb.sql.exec.Command.Dml) engine.prepare(sql, session.schema())).input().parameterRow();
  }

  @Test
  void insertOfBareParameters_makesItsRowWithoutRunningThePlan_andOtherInsertsRunIt() throws SQLException {
    run("create table t(a int primary key, b varchar(10), c double)");
    run("create table k(a int primary key, b int check (b > 0))");
    assertTrue(Arrays.equals(new int[] {0, 1, 2}, parameterRow("insert into t values (?, ?, ?)")));
    assertTrue(Arrays.equals(new int[] {1, 0, 2}, parameterRow("insert into t (b, a, c) values (?, ?, ?)")));
    assertEquals(null, parameterRow("insert into t values (?, 'x', ?)"), "a literal is computed by the plan");
    assertEquals(null, parameterRow("insert into t values (? + 1, ?, ?)"));
    assertEquals(null, parameterRow("insert into t (a, b) values (?, ?)"), "an omitted column's default");
    assertEquals(null, parameterRow("insert into t values (?, ?, ?), (?, ?, ?)"));
    assertEquals(null, parameterRow("insert into k values (?, ?)"), "a CHECK is a computed column");
    assertEquals(1, count("insert into t values (?, ?, ?)", 7, "seven", 7.5));
    assertEquals(1, count("insert into t (b, a, c) values (?, ?, ?)", "eight", 8, null));
    assertEquals(List.of(List.of(7, "seven", 7.5), Arrays.asList(8, "eight", null)), rows("select * from t order by a"));
    SQLException tooLong = assertThrows(SQLException.class, () -> run("insert into t values (?, ?, ?)", 9, "elevenchars", 1.0));
    assertEquals("22001", tooLong.getSQLState());
    SQLException duplicate = assertThrows(SQLException.class, () -> run("insert into t values (?, ?, ?)", 7, "again", 1.0));
    assertEquals("23505", duplicate.getSQLState());
    SQLException check = assertThrows(SQLException.class, () -> run("insert into k values (?, ?)", 1, 0));
    assertEquals("23513", check.getSQLState());
  }

  @Test
  void insertOfBareParameters_isPlannedWithoutGeneratedCode_whoseRowIsTheParameters() throws SQLException {
    run("create table t(a int primary key, b varchar(10), c double)");
    run("create table single(a int primary key)");
    var several = ((org.vsldb.sql.exec.Command.Dml) engine.prepare("insert into t (b, a, c) values (?, ?, ?)",
        session.schema())).input().bindable();
    var single = ((org.vsldb.sql.exec.Command.Dml) engine.prepare("insert into single values (?)", session.schema()))
        .input().bindable();
    assertTrue(several instanceof org.vsldb.sql.plan.ParameterRowCode, several.getClass().getName());
    assertTrue(single instanceof org.vsldb.sql.plan.ParameterRowCode, single.getClass().getName());
    java.util.Map<String, Object> bound = java.util.Map.of("?0", "eight", "?1", 8, "?2", 2.5);
    org.apache.calcite.DataContext context = new org.apache.calcite.DataContext() {
      @Override
      public org.apache.calcite.schema.SchemaPlus getRootSchema() {
        return null;
      }

      @Override
      public org.apache.calcite.adapter.java.JavaTypeFactory getTypeFactory() {
        return null;
      }

      @Override
      public org.apache.calcite.linq4j.QueryProvider getQueryProvider() {
        return null;
      }

      @Override
      public Object get(String name) {
        return bound.get(name);
      }
    };
    assertTrue(Arrays.equals(new Object[] {8, "eight", 2.5}, (Object[]) several.bind(context).first()));
    assertEquals("eight", single.bind(context).first(), "one column is the bare value, as Calcite's code gives it");
    assertTrue(!(((org.vsldb.sql.exec.Command.Dml) engine.prepare("insert into t values (?, 'x', ?)",
        session.schema())).input().bindable() instanceof org.vsldb.sql.plan.ParameterRowCode));
  }

  @Test
  void roundTrip_createInsertSelectUpdateDelete() throws SQLException {
    run("create table t(a int primary key, b varchar(10), c double)");
    assertEquals(2, count("insert into t values (1, 'x', 1.5), (2, 'y', null)"));
    assertEquals(List.of(List.of(1, "x"), List.of(2, "y")), rows("select a, b from t order by a"));
    assertEquals(1, count("update t set b = 'z' where a = ?", 2));
    assertEquals(List.of(List.of("z")), rows("select b from t where a = 2"));
    assertEquals(1, count("delete from t where a = 1"));
    assertEquals(List.of(List.of(1L)), rows("select count(*) from t"));
  }

  @Test
  void insert_duplicateKey_fails23505_andChangesNothing() throws SQLException {
    run("create table t(a int primary key)");
    run("insert into t values (1)");
    SQLException e = assertThrows(SQLException.class, () -> run("insert into t values (2), (1)"));
    assertEquals("23505", e.getSQLState());
    assertEquals(List.of(List.of(1L)), rows("select count(*) from t"));
  }

  @Test
  void explain_showsTableScan() throws SQLException {
    run("create table t(a int primary key)");
    String plan = (String) rows("explain plan for select * from t where a > 1").get(0).get(0);
    assertTrue(plan.contains("EnumerableTableScan(table=[[PUBLIC, T]])"), plan);
  }

  @Test
  void badSql_givesSyntaxErrorWithPosition() {
    SQLException e = assertThrows(SQLException.class, () -> run("select from where"));
    assertEquals("42001", e.getSQLState()); // H2 too: a syntax error that lists the expected tokens
    assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
  }

  @Test
  void transaction_rollbackDiscardsChanges() throws SQLException {
    run("create table t(a int primary key)");
    session.setAutoCommit(false);
    run("insert into t values (1)");
    assertEquals(List.of(List.of(1L)), rows("select count(*) from t"));
    session.rollback();
    assertEquals(List.of(List.of(0L)), rows("select count(*) from t"));
  }

  @Test
  void checkpoint_parsesAsAStatement_andCheckpointStaysUsableAsAnIdentifier() throws SQLException {
    run("create table checkpoint(checkpoint int primary key)");
    run("insert into checkpoint values (1)");
    assertEquals(0, count("checkpoint"), "an in-memory database has nothing to write");
    assertEquals(List.of(List.of(1)), rows("select checkpoint from checkpoint"));
  }

  @Test
  void charColumns_compareWithoutTrailingSpaces_asH2Does() throws SQLException {
    run("create table c(k char(5) primary key, v varchar(5), w char(3))");
    run("insert into c values ('ab', 'ab', 'ab'), ('abc', 'abc  ', 'x')");
    assertEquals(List.of(List.of("ab   ")), rows("select k from c where k = 'ab'"));
    assertEquals(List.of(List.of("ab   ")), rows("select k from c where k = 'ab       '"));
    assertEquals(List.of(List.of("ab   ")), rows("select k from c where k = ?", "ab"));
    assertEquals(List.of(List.of("ab   "), List.of("abc  ")), rows("select k from c where k = v order by k"));
    assertEquals(List.of(List.of("ab   ")), rows("select k from c where k = w"));
    assertEquals(List.of(List.of("ab   ")), rows("select k from c where k like 'ab'"));
    assertEquals(List.of(List.of("abc  ")), rows("select k from c where k > 'ab'"));
    assertEquals(List.of(List.of(false)), rows("select 'ab' = 'ab  ' from c where k = 'ab'"));
    String plan = (String) rows("explain plan for select * from c where k = 'ab'").get(0).get(0);
    assertTrue(plan.contains("StoreIndexLookup"), plan);
  }

  @Test
  void unnamedSelectItems_areLabelledByTheirSqlText_asH2Does() throws SQLException {
    run("create table t(a int, b int)");
    Result.Rows r = (Result.Rows) run("select count(*), a + 1, -b, max(a) as m, a, t.b, count(*) from t group by a, b");
    List<String> labels = new ArrayList<>();
    r.columns().forEach(c -> labels.add(c.label()));
    assertEquals(List.of("COUNT(*)", "A + 1", "- B", "M", "A", "B", "EXPR$6"), labels);
    assertEquals(List.of(List.of(0L)), rows("select \"COUNT(*)\" from (select count(*) from t)"));
  }

  @Test
  void sumOfBigint_isADecimalThatDoesNotOverflow_asH2Does() throws SQLException {
    run("create table b(g int, x bigint)");
    run("insert into b values (1, 9223372036854775807), (1, 9223372036854775807), (2, 5), (2, null)");
    assertEquals(List.of(List.of(1, new java.math.BigDecimal("18446744073709551614")), List.of(2, new java.math.BigDecimal("5"))),
        rows("select g, sum(x) from b group by g order by g"));
    assertEquals(List.of(List.of(new java.math.BigDecimal("18446744073709551619"))), rows("select sum(x) from b"));
    assertEquals(List.of(List.of(9.223372036854776E18)), rows("select avg(x) from b where g = 1"));
    assertEquals(List.of(List.of(new java.math.BigDecimal("18446744073709551614"))),
        rows("select sum(x) over (partition by g) from b where g = 1 fetch first 1 rows only"));
    assertEquals(List.of(List.of(new java.math.BigDecimal("5"))), rows("select sum(distinct x) from b where g = 2"));
  }
}
