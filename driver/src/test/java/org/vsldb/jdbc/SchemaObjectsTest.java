package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Constraints, defaults, identity, ALTER TABLE, indexes, views and schemas through JDBC. */
class SchemaObjectsTest {
  @TempDir Path dir;
  private Connection c;
  private Statement s;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    s = c.createStatement();
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : ",").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  private String state(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
    return e.getSQLState();
  }

  @Test
  void dropSchemaCascade_dropsItsObjectsAndWhatDependsOnThemElsewhere_inOneLoggedTransaction() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("schemas");
    try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement()) {
      st.execute("create schema gone");
      st.execute("create table gone.p(id int primary key)");
      st.execute("create table gone.c(id int primary key, pid int references gone.p(id))");
      st.execute("create table outside(id int primary key, pid int references gone.p(id))");
      st.execute("create view gone.v as select * from gone.c");
      st.execute("create view outside_v as select * from gone.v");
      st.execute("create sequence gone.q");
      st.execute("insert into gone.p values (1)");
      st.execute("insert into outside values (1, 1)");
      SQLException e = assertThrows(SQLException.class, () -> st.execute("drop schema gone"));
      assertEquals("90107", e.getSQLState());
      st.execute("drop schema gone cascade");
    }
    try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement()) {
      try (ResultSet rs = st.executeQuery("select schema_name from information_schema.schemata order by 1")) {
        List<String> names = new ArrayList<>();
        while (rs.next()) {
          names.add(rs.getString(1));
        }
        assertTrue(!names.contains("GONE"), names.toString());
      }
      try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables"
          + " where table_schema = 'PUBLIC' order by 1")) {
        assertTrue(rs.next());
        assertEquals("OUTSIDE", rs.getString(1));
        assertTrue(!rs.next(), "OUTSIDE_V went with the schema");
      }
      st.execute("insert into outside values (2, 99)"); // its foreign key went too
      st.execute("create schema gone"); // the name is free again
      st.execute("create sequence gone.q");
    }
  }

  @Test
  void uniqueConstraint_refuses23505_andAMultiRowInsertThatFailsHalfwayChangesNothing() throws SQLException {
    s.execute("create table t (id int primary key, code varchar(5) unique)");
    s.execute("insert into t values (1, 'a')");
    assertEquals("23505", state("insert into t values (2, 'b'), (3, 'a')"));
    assertEquals(List.of("1,a"), rows("select * from t order by id"));
    s.execute("insert into t values (2, null), (3, null)"); // NULLs never conflict
    assertEquals(3, rows("select * from t").size());
  }

  @Test
  void foreignKey_refuses23503_forAMissingParentAndForDeletingAReferencedOne() throws SQLException {
    s.execute("create table p (id int primary key)");
    s.execute("create table ch (id int primary key, p int references p(id))");
    s.execute("insert into p values (1)");
    s.execute("insert into ch values (1, 1), (2, null)");
    assertEquals("23503", state("insert into ch values (3, 7)"));
    assertEquals("23503", state("delete from p where id = 1"));
    assertEquals("23503", state("update p set id = 5"));
    assertEquals("90107", state("drop table p"));
    s.execute("delete from ch where p = 1");
    s.execute("delete from p");
    assertEquals(List.of("2,null"), rows("select * from ch"));
  }

  @Test
  void checkConstraint_refuses23513_andNullPasses() throws SQLException {
    s.execute("create table t (a int, b int, constraint positive check (a > 0), check (b < a))");
    s.execute("insert into t values (5, 1), (null, null)");
    assertEquals("23513", state("insert into t values (0, -1)"));
    assertEquals("23513", state("update t set b = 10 where a = 5"));
    assertEquals(List.of("5,1"), rows("select * from t where a is not null"));
  }

  @Test
  void notNull_refuses23502() throws SQLException {
    s.execute("create table t (a int not null, b int)");
    assertEquals("23502", state("insert into t (b) values (1)"));
    assertEquals("23502", state("insert into t values (null, 1)"));
  }

  @Test
  void defaults_fillOmittedColumnsAndDefaultKeyword() throws SQLException {
    s.execute("create table t (id int, name varchar(10) default 'none', n int default 7 not null)");
    s.execute("insert into t (id) values (1)");
    s.execute("insert into t values (2, default, default)");
    s.execute("insert into t (id, name) values (3, 'x')");
    assertEquals(List.of("1,none,7", "2,none,7", "3,x,7"), rows("select * from t order by id"));
  }

  @Test
  void identity_generatesValues_andGeneratedAlwaysRefusesOne() throws SQLException {
    s.execute("create table t (id bigint generated by default as identity (start with 10 increment by 5) primary key, v int)");
    s.execute("insert into t (v) values (1), (2)");
    s.execute("insert into t values (100, 3)");
    s.execute("insert into t (v) values (4)");
    assertEquals(List.of("10,1", "15,2", "100,3", "105,4"), rows("select * from t order by id"));
    s.execute("create table a (id int generated always as identity, v int)");
    s.execute("insert into a (v) values (1)");
    assertEquals("90154", state("insert into a values (5, 2)"));
    assertEquals("90154", state("update a set id = 3"));
    assertEquals(List.of("1,1"), rows("select * from a"));
  }

  @Test
  void alterTable_addsDropsAndRenamesColumnsAndConstraints() throws SQLException {
    s.execute("create table t (id int primary key, a int)");
    s.execute("insert into t values (1, 10), (2, 20)");
    s.execute("alter table t add column b varchar(3) default 'x' not null");
    assertEquals(List.of("1,10,x", "2,20,x"), rows("select * from t order by id"));
    s.execute("alter table t rename column a to aa");
    s.execute("alter table t add constraint big check (aa > 5)");
    assertEquals("23513", state("alter table t add constraint huge check (aa > 15)"));
    assertEquals("23513", state("insert into t values (3, 1, 'y')"));
    s.execute("alter table t drop constraint big");
    s.execute("insert into t values (3, 1, 'y')");
    assertEquals("23505", state("alter table t add constraint ub unique (b)"));
    s.execute("alter table t add constraint ub unique (id, b)");
    assertEquals(List.of("1,10,x", "2,20,x", "3,1,y"), rows("select * from t order by id"));
    assertTrue(state("alter table t drop column id").startsWith("9")); // used by the primary key
    s.execute("alter table t drop column aa");
    s.execute("alter table t rename to u");
    assertEquals(List.of("1,x", "2,x", "3,y"), rows("select * from u order by id"));
    assertEquals("42S02", state("select * from t"));
    assertEquals("42S22", state("select aa from u"));
  }

  @Test
  void uniqueConstraintAddedLater_isRefusedWhenRowsDuplicate() throws SQLException {
    s.execute("create table t (a int)");
    s.execute("insert into t values (1), (1)");
    assertEquals("23505", state("alter table t add unique (a)"));
    assertEquals("23505", state("create unique index ux on t (a)"));
    s.execute("create index ix on t (a)");
    assertEquals("42S11", state("create index ix on t (a)"));
    s.execute("drop index ix");
    assertEquals("42S12", state("drop index ix"));
  }

  @Test
  void views_expandWhereUsedAndSchemasHoldObjects() throws SQLException {
    s.execute("create schema app");
    s.execute("create table app.t (a int, b int)");
    s.execute("insert into app.t values (1, 2), (3, 4)");
    s.execute("create view app.v (x, total) as select a, a + b from app.t where a > 1");
    assertEquals(List.of("3,7"), rows("select * from app.v"));
    s.execute("create view w as select count(*) as n from app.v");
    assertEquals(List.of("1"), rows("select n from w"));
    assertEquals("90107", state("drop schema app"));
    s.execute("drop view w");
    s.execute("drop view app.v");
    s.execute("drop table app.t");
    s.execute("drop schema app");
    assertEquals("90079", state("create table app.t (a int)"));
  }

  @Test
  void schemaObjects_surviveReopen() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement()) {
      st.execute("create schema app");
      st.execute("create table app.p (id int primary key, code int unique)");
      st.execute("create table app.c (id int generated by default as identity, p int references app.p, "
          + "v int default 3 check (v > 0))");
      st.execute("create index cv on app.c (v)");
      st.execute("create view app.pv as select id from app.p");
      st.execute("insert into app.p values (1, 10)");
      st.execute("insert into app.c (p) values (1)");
    }
    try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement()) {
      st.execute("insert into app.c (p) values (1)");
      try (ResultSet rs = st.executeQuery("select id, p, v from app.c order by id")) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
        assertEquals(3, rs.getInt(3));
      }
      SQLException e = assertThrows(SQLException.class, () -> st.execute("insert into app.c (p) values (9)"));
      assertEquals("23503", e.getSQLState());
      e = assertThrows(SQLException.class, () -> st.execute("insert into app.p values (2, 10)"));
      assertEquals("23505", e.getSQLState());
      e = assertThrows(SQLException.class, () -> st.execute("insert into app.c (p, v) values (1, 0)"));
      assertEquals("23513", e.getSQLState());
      try (ResultSet rs = st.executeQuery("select * from app.pv")) {
        assertTrue(rs.next());
      }
    }
  }

  @Test
  void dropTableCascade_dropsDependentViewsAndForeignKeysInOneLoggedTransaction() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("cascade");
    try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement()) {
      st.execute("create table p (id int primary key)");
      st.execute("create table c (id int primary key, pid int references p(id))");
      st.execute("create view pv as select id from p");
      st.execute("create view pvv as select count(*) as n from pv");
      st.execute("insert into p values (1)");
      st.execute("insert into c values (1, 1)");
      SQLException e = assertThrows(SQLException.class, () -> st.execute("drop table p"));
      assertEquals("90107", e.getSQLState());
      e = assertThrows(SQLException.class, () -> st.execute("drop view pv"));
      assertEquals("90107", e.getSQLState());
      st.execute("drop table p cascade");
    }
    try (Connection f = DriverManager.getConnection(url); Statement st = f.createStatement()) {
      for (String gone : List.of("select * from p", "select * from pv", "select * from pvv")) {
        SQLException e = assertThrows(SQLException.class, () -> st.executeQuery(gone));
        assertEquals("42S02", e.getSQLState(), gone);
      }
      st.execute("insert into c values (2, 99)"); // the foreign key went with its parent
      try (ResultSet rs = st.executeQuery("select count(*) from c")) {
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  @Test
  void copy_binaryFormat_parsesAndReportsNotSupported() {
    assertEquals("0A000", state("copy t (a, b) from 'x.csv' with (format binary, header true, delimiter ';')"));
  }

  @Test
  void informationSchemaAndDatabaseMetaData_describeTheSameObjects() throws SQLException {
    s.execute("create table p (id int primary key, code int constraint uc unique)");
    s.execute("create table ch (id int generated always as identity, p int, n int default 1 check (n > 0), "
        + "constraint fk_p foreign key (p) references p(id))");
    s.execute("create index chn on ch (n)");
    s.execute("create view pv as select id from p");
    assertEquals(List.of("CH,BASE TABLE", "P,BASE TABLE", "PV,VIEW"),
        rows("select table_name, table_type from information_schema.tables where table_schema = 'PUBLIC' order by 1"));
    assertEquals(List.of("ID,NO,YES,null", "P,YES,NO,null", "N,YES,NO,1"),
        rows("select column_name, is_nullable, is_identity, column_default from information_schema.columns "
            + "where table_name = 'CH' order by ordinal_position"));
    assertEquals(List.of("CK_CH,CHECK", "FK_P,FOREIGN KEY", "PK_P,PRIMARY KEY", "UC,UNIQUE"),
        rows("select constraint_name, constraint_type from information_schema.table_constraints order by 1"));
    assertEquals(List.of("FK_P,PK_P"),
        rows("select constraint_name, unique_constraint_name from information_schema.referential_constraints"));
    assertEquals(List.of("CHN,INDEX", "PK_P,PRIMARY KEY", "UC,UNIQUE INDEX"),
        rows("select index_name, index_type_name from information_schema.indexes where index_name not like 'FK%' order by 1"));
    java.sql.DatabaseMetaData md = c.getMetaData();
    try (ResultSet rs = md.getImportedKeys(null, "PUBLIC", "CH")) {
      assertTrue(rs.next());
      assertEquals("P", rs.getString("PKTABLE_NAME"));
      assertEquals("ID", rs.getString("PKCOLUMN_NAME"));
      assertEquals("P", rs.getString("FKCOLUMN_NAME"));
      assertEquals("FK_P", rs.getString("FK_NAME"));
      assertEquals("PK_P", rs.getString("PK_NAME"));
    }
    try (ResultSet rs = md.getExportedKeys(null, "PUBLIC", "P")) {
      assertTrue(rs.next());
      assertEquals("CH", rs.getString("FKTABLE_NAME"));
    }
    List<String> indexes = new ArrayList<>();
    try (ResultSet rs = md.getIndexInfo(null, "PUBLIC", "P", false, true)) {
      while (rs.next()) {
        indexes.add(rs.getString("INDEX_NAME") + ":" + rs.getBoolean("NON_UNIQUE"));
      }
    }
    assertEquals(List.of("PK_P:false", "UC:false"), indexes);
    assertEquals("90078", state("create schema information_schema"));
  }

  @Test
  void createTableAsQuery_copiesTypesAndRows() throws SQLException {
    s.execute("create table t (a int, b varchar(5))");
    s.execute("insert into t values (1, 'x'), (2, 'y')");
    s.execute("create table u as select a * 10 as a10, b from t where a > 1");
    assertEquals(List.of("20,y"), rows("select * from u"));
    s.execute("create table w (x, y) as select a, b from t");
    assertEquals(List.of("1,x", "2,y"), rows("select x, y from w order by x"));
    assertEquals("42S01", state("create table u as select 1 as x"));
  }

  @Test
  void merge_updatesMatchedRowsAndInsertsTheOthers() throws SQLException {
    s.execute("create table t (id int primary key, v varchar(5), n int default 0)");
    s.execute("insert into t values (1, 'a', 1), (2, 'b', 2)");
    s.execute("create table src (id int, v varchar(5))");
    s.execute("insert into src values (2, 'B'), (3, 'C')");
    int count = s.executeUpdate("merge into t using src on t.id = src.id "
        + "when matched then update set v = src.v, n = t.n + 10 "
        + "when not matched then insert (id, v) values (src.id, src.v)");
    assertEquals(2, count);
    assertEquals(List.of("1,a,1", "2,B,12", "3,C,0"), rows("select * from t order by id"));
    s.execute("merge into t using (values (1, 'x')) as s2 (id, v) on t.id = s2.id when matched then update set v = s2.v");
    assertEquals(List.of("1,x,1"), rows("select * from t where id = 1"));
    s.execute("insert into src values (2, 'again')");
    assertEquals("21000", state("merge into t using src on t.id = src.id when matched then update set v = src.v"));
    assertEquals(List.of("2,B,12"), rows("select * from t where id = 2"));
  }

  @Test
  void text_isAnUnboundedVarchar_andAnUnknownTypeIsAnSqlException() throws SQLException {
    s.execute("create table t (a text, b text)");
    s.execute("insert into t values ('" + "x".repeat(5000) + "', 'y')");
    assertEquals(List.of("5000,y"), rows("select char_length(a), b from t"));
    assertTrue(state("create table u (a nosuchtype)").startsWith("42"));
  }
}
