package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every row of PRODUCT.md section 5 that SQL can trigger, each with the SQLState it must carry
 * and a check that the connection stays usable afterwards. (08001, 08003, XX000 and 58030 are
 * asserted by the connection, recovery and fault-injection tests; 42501 belongs to COPY.)
 */
class SqlStateTest {
  private Connection c;
  private Statement s;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    s = c.createStatement();
    s.execute("create table p (id int primary key, code varchar(3) unique, n int check (n >= 0), d date)");
    s.execute("create table ch (id int primary key, p int references p(id))");
    s.execute("insert into p values (1, 'a', 1, date '2024-01-01')");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private SQLException fails(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    return e;
  }

  private void assertState(String state, String sql) throws SQLException {
    SQLException e = fails(sql);
    assertEquals(state, e.getSQLState(), e.getMessage());
    try (var rs = s.executeQuery("select count(*) from p")) { // still usable, data intact
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  @Test
  void syntaxError_is42000_withLineAndColumn() throws SQLException {
    SQLException e = fails("select *\nfrom p wher id = 1");
    assertTrue(e.getSQLState().startsWith("4200"), e.getSQLState());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(fails("selec 1").getSQLState().startsWith("4200"));
  }

  @Test
  void tableAlreadyExists_is42S01() throws SQLException {
    assertState("42S01", "create table p (x int)");
  }

  @Test
  void tableOrViewNotFound_is42S02() throws SQLException {
    assertState("42S02", "select * from nope");
    assertState("42S02", "drop table nope");
    assertState("90037", "drop view nope"); // H2 names a missing view in DROP VIEW with 90037
  }

  @Test
  void columnNotFound_is42S22() throws SQLException {
    assertState("42S22", "select nope from p");
    assertState("42S22", "create index ix on p (nope)");
  }

  @Test
  void unknownFunction_is90022_namingItWithLineAndColumn_whileAKnownOneWithWrongArgumentsIs42000()
      throws SQLException {
    assertState("90022", "select nosuch(id) from p");
    SQLException e = fails("select id,\n  nosuch_fn(id, 'x') from p");
    assertEquals("90022", e.getSQLState());
    assertTrue(e.getMessage().contains("NOSUCH_FN") && e.getMessage().contains("line 2, column 3"), e.getMessage());
    assertState("90022", "call nosuch(1)");
    assertState("42000", "select abs(id, id) from p");
    assertState("42000", "select mod(id) from p");
  }

  @Test
  void notNullViolated_is23502() throws SQLException {
    assertState("23502", "insert into p (code) values ('z')");
  }

  @Test
  void uniqueOrPrimaryKeyViolated_is23505() throws SQLException {
    assertState("23505", "insert into p values (1, 'b', 1, null)");
    assertState("23505", "insert into p values (2, 'a', 1, null)");
  }

  @Test
  void foreignKeyViolated_is23503() throws SQLException {
    assertState("23503", "insert into ch values (1, 42)");
    s.execute("insert into ch values (1, 1)");
    assertState("23503", "delete from p");
  }

  @Test
  void checkViolated_is23513() throws SQLException {
    assertState("23513", "insert into p values (2, 'b', -1, null)");
  }

  @Test
  void valueTooLong_is22001() throws SQLException {
    assertState("22001", "insert into p values (2, 'abcd', 1, null)");
  }

  @Test
  void numericValueOutOfRange_is22003() throws SQLException {
    assertState("22003", "select 2147483647 + id from p");
    assertState("22003", "insert into p values (2147483648, 'b', 1, null)");
  }

  @Test
  void divisionByZero_is22012() throws SQLException {
    assertState("22012", "select n / 0 from p");
  }

  @Test
  void invalidCharacterValueForCast_is22018() throws SQLException {
    assertState("22018", "select cast('abc' as int) from p");
  }

  @Test
  void invalidDatetimeFormat_is22007() throws SQLException {
    assertState("22007", "select cast('2024-13-45' as date) from p");
  }

  @Test
  void featureNotSupported_is0A000_namingTheFeature() throws SQLException {
    SQLException e = fails("alter table p alter column n set data type bigint");
    assertInstanceOf(SQLFeatureNotSupportedException.class, e);
    assertEquals("0A000", e.getSQLState());
    assertTrue(e.getMessage().contains("TYPE"), e.getMessage());
  }

  @Test
  void statementsTheGrammarKnowsButVslDoesNotCarryOut_are0A000_notSyntaxErrors() throws SQLException {
    for (String[] c : new String[][] {
        {"create temporary table tmp (id int)", "CREATE TEMPORARY TABLE"},
        {"create local temporary table tmp (id int)", "CREATE TEMPORARY TABLE"},
        {"create user bob password 'x'", "CREATE USER"},
        {"select * from p for update nowait", "NOWAIT"},
        {"comment on table p is 'people'", "COMMENT ON"}}) {
      SQLException e = fails(c[0]);
      assertInstanceOf(SQLFeatureNotSupportedException.class, e, c[0]);
      assertEquals("0A000", e.getSQLState(), c[0]);
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      assertState("0A000", c[0]); // and the connection and data stay as they were
    }
  }

  @Test
  void readOnlyConnection_is25006() throws SQLException {
    c.setReadOnly(true);
    assertState("25006", "insert into p values (2, 'b', 1, null)");
    c.setReadOnly(false);
  }
}
