package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TIMESTAMP WITH TIME ZONE} is the instant type, {@code TIMESTAMP WITH LOCAL TIME ZONE}, as
 * PostgreSQL's {@code timestamptz} (docs/SQL.md, "Types"): columns, casts and literals of it keep
 * the instant a value names, whatever offset it was written with.
 */
class TimestampWithTimeZoneTest {
  private static final Instant AT = Instant.parse("2024-01-02T01:04:05.250Z");

  @TempDir Path tmp;

  private static List<Instant> instants(Connection c, String query) throws SQLException {
    List<Instant> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(query)) {
      while (rs.next()) {
        out.add(rs.getObject(1, Instant.class));
      }
    }
    return out;
  }

  @Test
  void columnsDeclaredWithTimeZone_keepEachValuesInstant_andReportTheTimeZoneJdbcType() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:")) {
      c.createStatement().execute("create table ev(id bigint primary key, happened timestamp(6) with time zone not null)");
      try (PreparedStatement p = c.prepareStatement("insert into ev values (?, ?)")) {
        p.setLong(1, 1);
        p.setObject(2, AT.atOffset(ZoneOffset.ofHours(2)));
        p.executeUpdate();
        p.setLong(1, 2);
        p.setObject(2, AT.atOffset(ZoneOffset.ofHoursMinutes(-9, -30)), Types.TIMESTAMP_WITH_TIMEZONE);
        p.executeUpdate();
      }
      c.createStatement().execute("insert into ev values (3, '2024-01-02 03:04:05.25+02:00')");
      c.createStatement().execute("insert into ev values (4, timestamp with time zone '2024-01-02 03:04:05.250+02')");
      c.createStatement().execute("insert into ev values (5, timestamp with time zone '2024-01-01 20:04:05.25 America/New_York')");
      assertEquals(List.of(AT, AT, AT, AT, AT), instants(c, "select happened from ev order by id"));
      try (ResultSet rs = c.createStatement().executeQuery("select happened from ev where id = 1")) {
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, rs.getMetaData().getColumnType(1));
        assertTrue(rs.next());
        assertEquals(AT, rs.getObject(1, OffsetDateTime.class).toInstant());
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", "EV", "HAPPENED")) {
        assertTrue(rs.next());
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, rs.getInt("DATA_TYPE"));
      }
    }
  }

  @Test
  void castsComparisonsAndOrder_goByTheInstant_acrossOffsets() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:")) {
      c.createStatement().execute("create table ev(id int primary key, happened timestamp with time zone)");
      c.createStatement().execute("insert into ev values (1, '2024-01-02 10:00:00+09:00'),"
          + " (2, '2024-01-02 00:30:00Z'), (3, '2024-01-01 20:00:00-05:00'), (4, null)");
      // instants: 1 = 01:00Z, 2 = 00:30Z, 3 = 01:00Z
      ResultSet rs = c.createStatement().executeQuery("select id from ev order by happened, id");
      StringBuilder ids = new StringBuilder();
      while (rs.next()) {
        ids.append(rs.getInt(1));
      }
      assertEquals("4213", ids.toString());
      rs = c.createStatement().executeQuery(
          "select count(*) from ev where happened = cast('2024-01-02 02:00:00+01' as timestamp with time zone)");
      assertTrue(rs.next());
      assertEquals(2, rs.getInt(1));
      rs = c.createStatement().executeQuery("select count(*) from ev where happened > '2024-01-02 00:45:00 UTC'");
      assertTrue(rs.next());
      assertEquals(2, rs.getInt(1));
      try (PreparedStatement p = c.prepareStatement("select id from ev where happened < ? order by id")) {
        p.setObject(1, OffsetDateTime.parse("2024-01-02T02:45:00+02:00"));
        rs = p.executeQuery();
        assertTrue(rs.next());
        assertEquals(2, rs.getInt(1));
      }
    }
  }

  @Test
  void textThatIsNoTimestamp_fails22007_namingIt_andTheConnectionStaysUsable() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:")) {
      c.createStatement().execute("create table ev(id int primary key, happened timestamp with time zone)");
      SQLException e = assertThrows(SQLException.class,
          () -> c.createStatement().execute("insert into ev values (1, '2024-13-45 99:00:00+02')"));
      assertEquals("22007", e.getSQLState());
      assertTrue(e.getMessage().contains("2024-13-45"), e.getMessage());
      e = assertThrows(SQLException.class,
          () -> c.createStatement().executeQuery("select timestamp with time zone 'yesterday'"));
      assertEquals("22007", e.getSQLState());
      c.createStatement().execute("insert into ev values (1, '2024-01-02 03:04:05+02')");
      assertEquals(List.of(Instant.parse("2024-01-02T01:04:05Z")), instants(c, "select happened from ev"));
    }
  }

  @Test
  void instants_surviveReopenAndCheckpoint_ofAFileDatabase() throws SQLException {
    String url = "jdbc:vsl:" + tmp.resolve("db");
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create table ev(id int primary key, happened timestamp with time zone)");
      c.createStatement().execute("insert into ev values (1, '2024-01-02 03:04:05.25+02')");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(List.of(AT), instants(c, "select happened from ev"));
      c.createStatement().execute("checkpoint");
      c.createStatement().execute("insert into ev values (2, '2024-01-02 01:04:05.25Z')");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(List.of(AT, AT), instants(c, "select happened from ev order by id"));
    }
  }
}
