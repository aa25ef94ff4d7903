package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** setObject with a target type, and values that do not fit a parameter's type. */
class ParameterConversionTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
    c.createStatement().execute("create table t(s varchar(20), d date, ts timestamp, n decimal(10,3), b varbinary(8))");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private interface Binding {
    void bind(PreparedStatement p) throws SQLException;
  }

  private ResultSet store(String column, Binding binding) throws SQLException {
    c.createStatement().execute("delete from t");
    try (PreparedStatement p = c.prepareStatement("insert into t(" + column + ") values (?)")) {
      binding.bind(p);
      p.executeUpdate();
    }
    ResultSet rs = c.createStatement().executeQuery("select " + column + " from t");
    assertTrue(rs.next());
    return rs;
  }

  private static void assertState(String sqlState, Executable e) {
    SQLException x = assertThrows(SQLException.class, e);
    assertEquals(sqlState, x.getSQLState(), x.getMessage());
  }

  @Test
  void aNumber_boundToADateOrTimestamp_fails22018() throws SQLException {
    PreparedStatement p = c.prepareStatement("insert into t(d, ts) values (?, ?)");
    assertState("22018", () -> p.setInt(1, 42));
    assertState("22018", () -> p.setLong(2, 42L));
    assertState("22018", () -> p.setObject(1, "42", Types.INTEGER));
  }

  @Test
  void setObject_withATargetType_convertsFirst() throws SQLException {
    assertEquals("42", store("s", p -> p.setObject(1, 42, Types.VARCHAR)).getString(1));
    assertEquals("TRUE", store("s", p -> p.setObject(1, "yes", JDBCType.BOOLEAN)).getString(1));
    assertEquals(new BigDecimal("2.000"), store("n", p -> p.setObject(1, 1.7, Types.INTEGER)).getBigDecimal(1));
    assertEquals(new BigDecimal("1.260"), store("n", p -> p.setObject(1, new BigDecimal("1.255"), Types.DECIMAL, 2))
        .getBigDecimal(1));
    assertEquals("2024-02-29", store("d", p -> p.setObject(1, "2024-02-29", JDBCType.DATE, 0)).getString(1));
  }

  @Test
  void setObject_ofAStream_withATargetTypeAndLength_readsThatMany() throws SQLException {
    byte[] four = {1, 2, 3, 4};
    assertArrayEquals(new byte[] {1, 2},
        store("b", p -> p.setObject(1, new ByteArrayInputStream(four), Types.BLOB, 2)).getBytes(1));
  }

  @Test
  void setObject_withATargetTypeVslLacks_fails0A000_andWithNoTypeCode22023() throws SQLException {
    PreparedStatement p = c.prepareStatement("insert into t(s) values (?)");
    assertState("0A000", () -> p.setObject(1, "x", Types.ARRAY));
    assertState("0A000", () -> p.setObject(1, "x", JDBCType.SQLXML));
    assertState("22023", () -> p.setObject(1, "x", 9999));
    assertState("22018", () -> p.setObject(1, "abc", Types.INTEGER));
  }
}
