package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIMESTAMP WITH LOCAL TIME ZONE columns hold instants: whatever a value's offset when it is set,
 * the same instant comes back, as an {@link OffsetDateTime} at the session zone's offset.
 */
class TimestampWithLocalTimeZoneTest {
  private static final Instant AT = Instant.parse("2024-03-31T01:30:00.125Z");

  @TempDir Path tmp;
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
    c.createStatement().execute("create table t(id int primary key, ts timestamp with local time zone)");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void insert(int id, Object value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into t values (?, ?)")) {
      ps.setInt(1, id);
      ps.setObject(2, value);
      ps.executeUpdate();
    }
  }

  private ResultSet row(int id) throws SQLException {
    ResultSet rs = c.createStatement().executeQuery("select ts from t where id = " + id);
    assertTrue(rs.next());
    return rs;
  }

  @Test
  void instant_roundTripsThroughSetObjectAndGetObject() throws SQLException {
    insert(1, AT);
    assertEquals(AT, row(1).getObject(1, Instant.class));
  }

  @Test
  void offsetDateTime_storesItsInstant_whateverItsOffset() throws SQLException {
    insert(1, AT.atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
    insert(2, AT.atOffset(ZoneOffset.ofHours(-8)));
    insert(3, AT.atZone(ZoneId.of("Europe/Paris")));
    for (int id = 1; id <= 3; id++) {
      assertEquals(AT, row(id).getObject(1, OffsetDateTime.class).toInstant(), "row " + id);
    }
  }

  @Test
  void getObject_isAnOffsetDateTimeAtTheSessionZonesOffset() throws SQLException {
    insert(1, AT);
    ResultSet rs = row(1);
    Object o = rs.getObject(1);
    assertEquals(OffsetDateTime.ofInstant(AT, ZoneId.systemDefault()), o);
    ResultSetMetaData md = rs.getMetaData();
    assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, md.getColumnType(1));
    assertEquals("TIMESTAMP WITH LOCAL TIME ZONE", md.getColumnTypeName(1));
    assertEquals(OffsetDateTime.class.getName(), md.getColumnClassName(1));
  }

  @Test
  void timestamp_roundTripsItsInstant_withOrWithoutACalendar() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into t values (1, ?)")) {
      ps.setTimestamp(1, Timestamp.from(AT));
      ps.executeUpdate();
    }
    ResultSet rs = row(1);
    assertEquals(AT, rs.getTimestamp(1).toInstant());
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    assertEquals(AT, rs.getTimestamp(1, tokyo).toInstant(), "an instant needs no calendar");
  }

  @Test
  void setTimestampWithACalendar_storesTheTimestampsInstant_asTheCalendarNamesNoWallClock() throws SQLException {
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    try (PreparedStatement ps = c.prepareStatement("insert into t values (1, ?)")) {
      ps.setTimestamp(1, Timestamp.from(AT), tokyo);
      ps.executeUpdate();
    }
    assertEquals(AT, row(1).getObject(1, java.time.Instant.class));
  }

  @Test
  void localDateTime_isAWallClockTimeInTheSessionZone() throws SQLException {
    LocalDateTime local = LocalDateTime.of(2024, 7, 1, 12, 0, 0);
    insert(1, local);
    ResultSet rs = row(1);
    assertEquals(local.atZone(ZoneId.systemDefault()).toInstant(), rs.getObject(1, Instant.class));
    assertEquals(local, rs.getObject(1, LocalDateTime.class));
    assertEquals(local.atZone(ZoneId.systemDefault()), rs.getObject(1, ZonedDateTime.class));
  }

  @Test
  void text_withAnOffset_namesItsInstant() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("insert into t values (1, ?)")) {
      ps.setString(1, "2024-03-31 07:00:00.125+05:30");
      ps.executeUpdate();
    }
    assertEquals(AT, row(1).getObject(1, Instant.class));
  }

  @Test
  void getString_writesTheSessionZonesWallClockAndOffset() throws SQLException {
    insert(1, AT);
    OffsetDateTime local = OffsetDateTime.ofInstant(AT, ZoneId.systemDefault());
    String s = row(1).getString(1);
    assertTrue(s.startsWith(local.toLocalDate() + " " + local.toLocalTime().toString().substring(0, 8) + ".125"), s);
    assertTrue(s.matches(".*[+-]\\d\\d(:\\d\\d)?"), s);
  }

  @Test
  void comparisonsAndOrder_followTheInstants() throws SQLException {
    insert(1, AT);
    insert(2, AT.plusMillis(1).atOffset(ZoneOffset.ofHours(14)));
    insert(3, AT.minusSeconds(60).atOffset(ZoneOffset.ofHours(-12)));
    insert(4, null);
    ResultSet rs = c.createStatement().executeQuery("select id from t order by ts");
    StringBuilder ids = new StringBuilder();
    while (rs.next()) {
      ids.append(rs.getInt(1));
    }
    assertEquals("4312", ids.toString());
    try (PreparedStatement ps = c.prepareStatement("select id from t where ts > ? order by id")) {
      ps.setObject(1, AT);
      rs = ps.executeQuery();
      assertTrue(rs.next());
      assertEquals(2, rs.getInt(1));
    }
  }

  @Test
  void timestampValuesInSql_areWallClockTimesInTheSessionZone_toTheMillisecond() throws SQLException {
    insert(1, LocalDateTime.of(2024, 7, 1, 12, 0, 0, 250_000_000));
    ResultSet rs = c.createStatement().executeQuery(
        "select id from t where ts > timestamp '2024-07-01 12:00:00.100'"
            + " and ts < timestamp '2024-07-01 12:00:00.300'");
    assertTrue(rs.next(), "compared as instants in the session zone");
    rs = c.createStatement().executeQuery("select cast(ts as timestamp) from t");
    assertTrue(rs.next());
    assertEquals(LocalDateTime.of(2024, 7, 1, 12, 0, 0, 250_000_000), rs.getObject(1, LocalDateTime.class));
    c.createStatement().execute("create table l(p timestamp)");
    c.createStatement().execute("insert into l values (timestamp '2024-07-01 12:00:00.250')");
    c.createStatement().execute("insert into t select 2, p from l");
    assertEquals(row(1).getObject(1, Instant.class), row(2).getObject(1, Instant.class));
  }

  @Test
  void textInSql_withAnOffsetOrZoneNamesItsInstant_withoutOneIsInTheSessionZone_asAParameter() throws SQLException {
    c.createStatement().execute("insert into t values (1, '2024-07-01 12:00:00 UTC')");
    assertEquals(Instant.parse("2024-07-01T12:00:00Z"), row(1).getObject(1, Instant.class));
    c.createStatement().execute("insert into t values (2, '2024-07-01 12:00:00')");
    assertEquals(LocalDateTime.of(2024, 7, 1, 12, 0).atZone(ZoneId.systemDefault()).toInstant(),
        row(2).getObject(1, Instant.class));
    c.createStatement().execute("insert into t values (3, '2024-07-01 14:00:00.5+02')");
    c.createStatement().execute("insert into t values (4, cast('2024-07-01T12:00:00.500Z' as timestamp with local time zone))");
    assertEquals(Instant.parse("2024-07-01T12:00:00.5Z"), row(3).getObject(1, Instant.class));
    assertEquals(Instant.parse("2024-07-01T12:00:00.5Z"), row(4).getObject(1, Instant.class));
    try (PreparedStatement ps = c.prepareStatement("insert into t values (5, ?)")) {
      ps.setString(1, "2024-07-01 12:00:00");
      ps.executeUpdate();
    }
    assertEquals(row(2).getObject(1, Instant.class), row(5).getObject(1, Instant.class));
    SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
        () -> c.createStatement().execute("insert into t values (6, '2024-07-01 noon')"));
    assertEquals("22007", e.getSQLState());
    assertTrue(e.getMessage().contains("2024-07-01 noon"), e.getMessage());
    assertEquals(1, c.createStatement().executeUpdate("delete from t where id = 5"), "the connection stays usable");
  }

  @Test
  void instants_surviveCloseAndReopenOfAFileDatabase() throws SQLException {
    String url = "jdbc:vsl:" + tmp.resolve("db");
    try (Connection f = DriverManager.getConnection(url)) {
      f.createStatement().execute("create table t(id int primary key, ts timestamp with local time zone)");
      try (PreparedStatement ps = f.prepareStatement("insert into t values (?, ?)")) {
        ps.setInt(1, 1);
        ps.setObject(2, AT);
        ps.executeUpdate();
        ps.setInt(1, 2);
        ps.setObject(2, null);
        ps.executeUpdate();
      }
    }
    try (Connection f = DriverManager.getConnection(url)) {
      ResultSet rs = f.createStatement().executeQuery("select ts from t order by id");
      assertTrue(rs.next());
      assertEquals(AT, rs.getObject(1, Instant.class));
      assertTrue(rs.next());
      assertNull(rs.getObject(1));
      ResultSet info = f.createStatement().executeQuery(
          "select data_type from information_schema.columns where table_name = 'T' and column_name = 'TS'");
      assertTrue(info.next());
      assertEquals("TIMESTAMP(3) WITH LOCAL TIME ZONE", info.getString(1));
    }
  }
}
