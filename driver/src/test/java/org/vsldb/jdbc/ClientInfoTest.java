package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.ClientInfoStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection client info, and DatabaseMetaData.getClientInfoProperties agreeing with it. */
class ClientInfoTest {
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private List<String> listedNames() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getClientInfoProperties()) {
      while (rs.next()) {
        names.add(rs.getString("NAME"));
        assertEquals(256, rs.getInt("MAX_LEN"));
        assertNull(rs.getString("DEFAULT_VALUE"));
      }
    }
    return names;
  }

  @Test
  void everyListedProperty_canBeSetReadAndCleared() throws SQLException {
    List<String> names = listedNames();
    assertEquals(List.of("ApplicationName", "ClientHostname", "ClientUser"), names);
    for (String n : names) {
      assertNull(c.getClientInfo(n));
      c.setClientInfo(n, "value of " + n);
      assertEquals("value of " + n, c.getClientInfo(n));
      assertEquals("value of " + n, c.getClientInfo().getProperty(n));
    }
    c.setClientInfo("ApplicationName", null);
    assertNull(c.getClientInfo("ApplicationName"));
    assertEquals(2, c.getClientInfo().size());
  }

  @Test
  void setClientInfo_ofAnUnlistedName_fails22023_namingItAndTheValidOnes() {
    SQLClientInfoException e = assertThrows(SQLClientInfoException.class,
        () -> c.setClientInfo("Color", "blue"));
    assertEquals("22023", e.getSQLState());
    assertEquals(ClientInfoStatus.REASON_UNKNOWN_PROPERTY, e.getFailedProperties().get("Color"));
    assertEquals(true, e.getMessage().contains("Color") && e.getMessage().contains("ApplicationName"));
  }

  @Test
  void setClientInfo_ofAValueLongerThanMaxLen_fails22023() {
    SQLClientInfoException e = assertThrows(SQLClientInfoException.class,
        () -> c.setClientInfo("ClientUser", "x".repeat(257)));
    assertEquals("22023", e.getSQLState());
    assertEquals(ClientInfoStatus.REASON_VALUE_INVALID, e.getFailedProperties().get("ClientUser"));
  }

  @Test
  void setClientInfoProperties_replacesAll_orChangesNothingWhenOneIsBad() throws SQLException {
    c.setClientInfo("ClientUser", "ada");
    Properties p = new Properties();
    p.setProperty("ApplicationName", "app");
    c.setClientInfo(p);
    assertEquals("app", c.getClientInfo("ApplicationName"));
    assertNull(c.getClientInfo("ClientUser"));
    Properties bad = new Properties();
    bad.setProperty("ClientUser", "bob");
    bad.setProperty("Nope", "x");
    SQLClientInfoException e = assertThrows(SQLClientInfoException.class, () -> c.setClientInfo(bad));
    assertEquals(1, e.getFailedProperties().size());
    assertEquals("app", c.getClientInfo("ApplicationName"));
    assertNull(c.getClientInfo("ClientUser"));
  }

  @Test
  void clientInfo_onAClosedConnection_fails08003() throws SQLException {
    c.close();
    SQLClientInfoException e = assertThrows(SQLClientInfoException.class,
        () -> c.setClientInfo("ClientUser", "x"));
    assertEquals("08003", e.getSQLState());
    assertEquals("08003", assertThrows(SQLException.class, () -> c.getClientInfo("ClientUser")).getSQLState());
  }
}
