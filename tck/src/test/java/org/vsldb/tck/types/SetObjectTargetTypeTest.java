package org.vsldb.tck.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code setObject(i, x, targetSqlType[, scale])} converts {@code x} to the target type before it
 * reaches a column of another type, in vsl as in H2 2.3.232: what {@code getString} then reads,
 * or the SQLState class of the failure, is the same in both; except that vsl applies the scale
 * of a DECIMAL or NUMERIC target, which H2 ignores.
 */
class SetObjectTargetTypeTest {
  private static Connection vsl;
  private static Connection h2;
  private static final List<String> COLUMNS = List.of("VARCHAR(40)", "INTEGER", "DECIMAL(10,2)", "DOUBLE",
      "BOOLEAN", "DATE", "TIMESTAMP(3)");

  @BeforeAll
  static void open() throws SQLException {
    vsl = DriverManager.getConnection("jdbc:vsl:mem:");
    h2 = DriverManager.getConnection("jdbc:h2:mem:target;DB_CLOSE_DELAY=0");
    for (Connection c : List.of(vsl, h2)) {
      try (Statement s = c.createStatement()) {
        for (int i = 0; i < COLUMNS.size(); i++) {
          String type = c == vsl ? COLUMNS.get(i).replace("TIMESTAMP(3)", "TIMESTAMP") : COLUMNS.get(i);
          s.execute("create table c" + i + "(v " + type + ")");
        }
      }
    }
  }

  @AfterAll
  static void close() throws SQLException {
    vsl.close();
    h2.close();
  }

  static Stream<Arguments> cases() {
    Object[][] values = {
        {"42", Types.INTEGER, -1},
        {1.7, Types.INTEGER, -1},
        {-2.5, Types.BIGINT, -1},
        {"abc", Types.INTEGER, -1},
        {true, Types.VARCHAR, -1},
        {42, Types.BOOLEAN, -1},
        {"yes", Types.BOOLEAN, -1},
        {LocalDate.of(2024, 2, 29), Types.VARCHAR, -1},
        {"2024-02-29", Types.DATE, -1},
        {LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), Types.DATE, -1},
        {"2024-02-29 12:34:56.789", Types.TIMESTAMP, -1},
        {new BigDecimal("1.255"), Types.DECIMAL, 2},
        {new BigDecimal("1.255"), Types.NUMERIC, 1},
        {"3.5", Types.DOUBLE, -1},
        {7, Types.DOUBLE, -1},
        {java.time.LocalTime.of(12, 34), Types.VARCHAR, -1},
        {LocalDateTime.of(2024, 2, 29, 12, 34, 56, 780_000_000), Types.VARCHAR, -1},
        {java.time.OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, java.time.ZoneOffset.ofHoursMinutes(5, 30)),
            Types.VARCHAR, -1}};
    Stream.Builder<Arguments> b = Stream.builder();
    for (Object[] v : values) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        b.add(Arguments.of(v[0].getClass().getSimpleName() + " " + v[0], java.sql.JDBCType.valueOf((Integer) v[1]),
            v[2], COLUMNS.get(i), v[0], i));
      }
    }
    return b.build();
  }

  private static String store(Connection c, int table, Object x, int type, int scale) {
    try {
      c.createStatement().execute("delete from c" + table);
      try (PreparedStatement p = c.prepareStatement("insert into c" + table + " values (?)")) {
        if (scale >= 0) {
          p.setObject(1, x, type, scale);
        } else {
          p.setObject(1, x, type);
        }
        p.executeUpdate();
      }
      try (ResultSet rs = c.createStatement().executeQuery("select v from c" + table)) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      return "error " + e.getSQLState();
    }
  }

  @ParameterizedTest(name = "{0} as {1} (scale {2}) into {3}")
  @MethodSource("cases")
  void value_asTargetType_intoColumn_readsBackAsInH2(String label, java.sql.JDBCType target, int scale,
      String column, Object x, int table) {
    String mine = store(vsl, table, x, target.getVendorTypeNumber(), scale);
    // A recorded difference: vsl rounds a DECIMAL or NUMERIC target to the scale given, as the
    // javadoc of setObject says ("the number of digits after the decimal point"); H2 ignores the
    // scale. So vsl must give what H2 gives for the value rounded first.
    Object h2Value = scale >= 0 ? ((BigDecimal) x).setScale(scale, java.math.RoundingMode.HALF_UP) : x;
    String theirs = store(h2, table, h2Value, target.getVendorTypeNumber(), -1);
    if (mine.startsWith("error") && theirs.startsWith("error")) {
      assertEquals(theirs.substring(0, 8), mine.substring(0, 8), "both fail with a data exception");
    } else {
      assertEquals(theirs, mine);
    }
  }
}
