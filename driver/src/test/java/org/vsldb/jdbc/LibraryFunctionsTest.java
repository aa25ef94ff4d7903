package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The functions beyond standard SQL that H2 2.3 lacks, so that the differential scripts cannot
 * check them (docs/SQL.md, "Functions beyond standard SQL"), and the SQLStates of bad arguments.
 * The functions H2 shares are checked against it by {@code scripts/library-functions.sql}.
 */
class LibraryFunctionsTest {
  private Connection c;
  private Statement s;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    s = c.createStatement();
    s.execute("create table t (id int primary key, s varchar(20))");
    s.execute("insert into t values (1, 'a,b,c'), (2, null)");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private Object one(String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getObject(1);
    }
  }

  @Test
  void postgresStringFunctions_workOnColumnsAndPassNullsThrough() throws SQLException {
    assertEquals("c,b,a", one("select reverse(s) from t where id = 1"));
    assertEquals("b", one("select split_part(s, ',', 2) from t where id = 1"));
    assertEquals(3, one("select strpos(s, 'b') from t where id = 1"));
    assertEquals(true, one("select starts_with(s, 'a,') from t where id = 1"));
    assertEquals(false, one("select ends_with(s, 'a') from t where id = 1"));
    assertEquals(null, one("select reverse(s) from t where id = 2"));
    assertEquals(null, one("select split_part(s, ',', 1) from t where id = 2"));
  }

  @Test
  void hashesAndBase64_areHexTextAndBytes() throws SQLException {
    assertEquals("900150983cd24fb0d6963f7d28e17f72", one("select md5('abc')"));
    assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", one("select sha1('abc')"));
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", one("select sha256('abc')"));
    assertEquals("YWJj", one("select to_base64('abc')"));
    assertArrayEquals("abc".getBytes(StandardCharsets.UTF_8), (byte[]) one("select from_base64('YWJj')"));
    assertEquals(null, one("select md5(s) from t where id = 2"));
  }

  @Test
  void toDateAndToTimestamp_parseWithAFormatModel() throws SQLException {
    assertEquals(Date.valueOf("2024-03-15"), one("select to_date('15/03/2024', 'DD/MM/YYYY')"));
    assertEquals(Timestamp.valueOf("2024-03-15 13:04:05"),
        one("select to_timestamp('2024-03-15 13:04:05', 'YYYY-MM-DD HH24:MI:SS')"));
    assertEquals("Friday", one("select dayname(to_date('2024-03-15', 'YYYY-MM-DD'))"));
  }

  private void assertState(String state, String sql) throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(sql).close());
    assertEquals(state, e.getSQLState(), e.getMessage());
    assertEquals(2L, ((Number) one("select count(*) from t")).longValue()); // still usable
  }

  @Test
  void textThatDoesNotMatchTheFormat_is22007() throws SQLException {
    assertState("22007", "select to_date('garbage', 'YYYY-MM-DD')");
  }

  @Test
  void aBadRegularExpression_is22025_asInH2() throws SQLException {
    assertState("22025", "select regexp_like(s, '[') from t");
    assertState("22025", "select regexp_replace(s, '(', 'x') from t");
  }

  @Test
  void aValueARuntimeFunctionRefuses_is22023() throws SQLException {
    assertState("22023", "select chr(id - 2) from t");
  }

  @Test
  void aLibraryFunctionWithTheWrongArguments_isAValidationError() throws SQLException {
    assertState("42000", "select length(s, s) from t");
    assertState("42000", "select lpad(s) from t");
  }
}
