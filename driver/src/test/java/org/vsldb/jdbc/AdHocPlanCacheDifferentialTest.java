package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs many ad-hoc statements with varied literals twice: as written, where the digest cache may
 * run them as parameters of a shared plan, and with a comment appended, which keeps a statement
 * out of the digest so that it is planned from its own text. Results, update counts, errors and
 * ResultSetMetaData must be the same.
 */
class AdHocPlanCacheDifferentialTest {
  private static final String EXACT = " /* planned from its text */";
  private final Random random = new Random(8);
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:");
    try (Statement s = c.createStatement()) {
      s.execute("create table t(id int primary key, small smallint, big bigint, amount decimal(10, 2),"
          + " ratio double, name varchar(20), code char(5), city varchar(10), maybe int, d date,"
          + " ts timestamp(3), tm time, tz timestamp with local time zone)");
      s.execute("create table u(k int primary key, tid int, v int)");
      for (int i = 0; i < 60; i++) {
        s.execute("insert into t values (" + i + ", " + (i * 7 % 50 - 25) + ", " + (i * 100_000_000L) + ", "
            + (i * 3) + "." + (i % 4 * 25) + ", " + (i / 8.0) + ", " + quote(name(i)) + ", 'c" + (i % 9)
            + "', 'city" + (i % 5) + "', " + (i % 3 == 0 ? "null" : String.valueOf(i % 7))
            + ", DATE '2020-01-01' + INTERVAL '" + i + "' DAY"
            + ", TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '" + (i * 7_919L % 200_000) + "' SECOND"
            + (i % 4 == 0 ? "" : " + INTERVAL '0." + (i * 37 % 1000) + "' SECOND")
            + ", TIME '00:00:00' + INTERVAL '" + (i * 1_447) + "' SECOND"
            + ", TIMESTAMP '2020-01-01 06:00:00' + INTERVAL '" + (i * 5) + "' HOUR)");
        s.execute("insert into u values (" + i + ", " + (i * 13 % 60) + ", " + (i % 11) + ")");
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private static String name(int i) {
    return switch (i % 6) {
      case 0 -> "n" + i;
      case 1 -> "n" + i + " ";
      case 2 -> "";
      case 3 -> "it's " + i;
      case 4 -> "N" + i;
      default -> "é" + i;
    };
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  private int anInt() {
    return random.nextInt(70) - 5;
  }

  private String aDecimal() {
    return (random.nextInt(200) - 10) + "." + (random.nextInt(4) * 25);
  }

  private String aDate() {
    return "DATE '" + java.time.LocalDate.of(2019, 12, 25).plusDays(random.nextInt(75)) + "'";
  }

  /** A timestamp within the table's, with none to three digits of a second. */
  private String aTimestamp() {
    java.time.LocalDateTime t = java.time.LocalDateTime.of(2020, 1, 1, 0, 0)
        .plusSeconds(random.nextInt(200_000)).plusNanos(random.nextInt(1000) * 1_000_000L);
    String text = t.toLocalDate() + " " + t.toLocalTime().withNano(0);
    if (t.toLocalTime().toSecondOfDay() == 0) {
      text += ":00"; // LocalTime prints midnight as 00:00
    }
    int digits = random.nextInt(4);
    if (digits > 0) {
      text += "." + String.format("%03d", t.getNano() / 1_000_000).substring(0, digits);
    }
    return "TIMESTAMP '" + text + "'";
  }

  private String aTime() {
    java.time.LocalTime t = java.time.LocalTime.ofSecondOfDay(random.nextInt(86_400));
    return "TIME '" + String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
        + (random.nextBoolean() ? "" : "." + random.nextInt(10)) + "'";
  }

  private String aString() {
    return quote(random.nextInt(4) == 0 ? "x" + random.nextInt(3) : name(random.nextInt(60)));
  }

  private final List<Function<AdHocPlanCacheDifferentialTest, String>> queries = List.of(
      x -> "select name from t where id = " + x.anInt(),
      x -> "SELECT * FROM t WHERE id = " + x.anInt(),
      x -> "select id, name from t where id in (" + x.anInt() + ", " + x.anInt() + ", " + x.anInt() + ") order by id",
      x -> "select id from t where id between " + x.anInt() + " and " + x.anInt() + " order by id",
      x -> "select id from t where " + x.anInt() + " = id",
      x -> "select id from t where id = -" + x.random.nextInt(5),
      x -> "select id from t where id = " + x.aDecimal(),
      x -> "select id from t where id = " + (3_000_000_000L + x.random.nextInt(3)),
      x -> "select id, amount from t where amount >= " + x.aDecimal() + " and amount < " + x.aDecimal() + " order by id",
      x -> "select id from t where ratio < " + x.aDecimal() + " order by id",
      x -> "select id from t where big > " + (x.random.nextInt(60) * 100_000_000L) + " order by id",
      x -> "select id from t where big = " + x.anInt() + " order by id",
      x -> "select id from t where small = " + (x.random.nextInt(3) == 0 ? 40000 + x.anInt() : x.anInt() - 25) + " order by id",
      x -> "select id from t where maybe = " + x.random.nextInt(8) + " order by id",
      x -> "select id from t where maybe <> " + x.random.nextInt(8) + " order by id",
      x -> "select id from t where name = " + x.aString() + " order by id",
      x -> "select id from t where name < " + x.aString() + " order by id",
      x -> "select id from t where name in (" + x.aString() + ", " + x.aString() + ") order by id",
      x -> "select id from t where code = " + quote("c" + x.random.nextInt(10) + (x.random.nextBoolean() ? " " : "")) + " order by id",
      x -> "select id from t where id = " + quote(String.valueOf(x.anInt())),
      x -> "select id from t where id = " + x.anInt() + " or name = " + x.aString() + " order by id",
      x -> "select id * 2, name || '!', 1 + id, 'k' from t where id < " + x.anInt() + " order by id",
      x -> "select count(*), sum(amount), avg(ratio) from t where id >= " + x.anInt(),
      x -> "select city, count(*) from t where id < " + x.anInt() + " group by city having count(*) > "
          + x.random.nextInt(6) + " order by 1",
      x -> "select t.id, u.v from t join u on u.tid = t.id and u.v > " + x.random.nextInt(11)
          + " where t.id < " + x.anInt() + " order by 1, 2",
      x -> "select name from t where id = (select max(tid) from u where v < " + x.random.nextInt(12) + ")",
      x -> "select id from t where id in (select tid from u where v = " + x.random.nextInt(11) + ") order by id",
      x -> "select s.id from (select id, name from t where id > " + x.anInt() + ") s where s.id < " + x.anInt() + " order by 1",
      x -> "select id from t where mod(id, " + (x.random.nextInt(5) + 1) + ") = " + x.random.nextInt(3) + " order by id",
      x -> "select id from t where d > DATE '2020-01-15' and id < " + x.anInt() + " order by id",
      x -> "select id, d from t where d = " + x.aDate(),
      x -> "select id from t where d between " + x.aDate() + " and " + x.aDate() + " order by id",
      x -> "select id from t where d in (" + x.aDate() + ", " + x.aDate() + ") order by id",
      x -> "select id, ts from t where ts >= " + x.aTimestamp() + " order by id",
      x -> "select id from t where ts = " + x.aTimestamp() + " or ts < " + x.aTimestamp() + " order by id",
      x -> "select id, tm from t where tm < " + x.aTime() + " order by id",
      x -> "select id from t where d < " + x.aTimestamp() + " order by id",
      x -> "select id from t where ts > " + x.aDate() + " order by id",
      x -> "select id from t where tz > " + x.aTimestamp() + " order by id",
      x -> "select id from t where d = DATE '2020-02-3" + x.random.nextInt(2) + "'",
      x -> "select id from t where d = DATE '2020-1-" + (x.random.nextInt(9) + 1) + "' order by id",
      x -> "select id from t where d + 1 = " + x.aDate(),
      x -> "select id from t where case when id < " + x.anInt() + " then 1 else 0 end = 1 order by id",
      x -> "select id from t where id = " + x.anInt() + " limit " + x.random.nextInt(3),
      x -> "select id from t where id / " + x.random.nextInt(3) + " = 1",
      x -> "select id from t where name = " + x.random.nextInt(3),
      x -> "select id from t where nosuch = " + x.anInt());

  @Test
  void queries_withVariedLiterals_haveTheSameRowsMetadataAndErrorsWithAndWithoutTheDigestCache()
      throws SQLException {
    int compared = 0;
    for (int round = 0; round < 12; round++) {
      for (Function<AdHocPlanCacheDifferentialTest, String> q : queries) {
        String sql = q.apply(this);
        assertEquals(outcome(sql + EXACT), outcome(sql), sql);
        compared++;
      }
    }
    assertEquals(12 * queries.size(), compared);
    // Most templates share a plan per type class of their literals; the rest plan from their text.
    int shared = ((VslConnection) c).engine().sharedAdHocPlans();
    assertTrue(shared >= 20, "shared plans: " + shared);
  }

  @Test
  void dateTimeAndTimestampLiterals_ofNewValues_reuseOnePlanPerTypeAndPrecision() throws SQLException {
    VslConnection v = (VslConnection) c;
    int before = v.engine().sharedAdHocPlans();
    for (int i = 0; i < 25; i++) {
      String sql = "select id from t where d = " + aDate() + " and tm < TIME '12:00:00'"
          + " and ts < TIMESTAMP '2020-01-03 00:00:00." + (100 + i) + "' order by id";
      assertEquals(outcome(sql + EXACT), outcome(sql), sql);
    }
    assertEquals(before + 1, v.engine().sharedAdHocPlans());
  }

  private final List<Function<AdHocPlanCacheDifferentialTest, String>> changes = List.of(
      x -> "update t set name = 'changed' where id = " + x.anInt(),
      x -> "update t set amount = amount + 1 where amount < " + x.aDecimal(),
      x -> "update t set ratio = 0.5 where name = " + x.aString(),
      x -> "update t set name = 'old' where d < " + x.aDate() + " and ts > " + x.aTimestamp(),
      x -> "delete from t where tm between " + x.aTime() + " and " + x.aTime(),
      x -> "delete from t where id between " + x.anInt() + " and " + x.anInt(),
      x -> "delete from u where v = " + x.random.nextInt(11) + " and tid > " + x.anInt());

  @Test
  void updatesAndDeletes_withVariedLiterals_changeTheSameRowsWithAndWithoutTheDigestCache()
      throws SQLException {
    c.setAutoCommit(false);
    for (int round = 0; round < 10; round++) {
      for (Function<AdHocPlanCacheDifferentialTest, String> change : changes) {
        String sql = change.apply(this);
        List<String> exact = changeOutcome(sql + EXACT);
        assertEquals(exact, changeOutcome(sql), sql);
      }
    }
    int shared = ((VslConnection) c).engine().sharedAdHocPlans();
    assertTrue(shared >= changes.size(), "shared plans: " + shared);
  }

  /** The update count and the tables after {@code sql}, which is then rolled back. */
  private List<String> changeOutcome(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      out.add("count " + s.executeUpdate(sql));
      out.addAll(outcome("select * from t order by id"));
      out.addAll(outcome("select * from u order by k"));
    } finally {
      c.rollback();
    }
    return out;
  }

  /** The column metadata and rows of {@code sql}, or its error's SQLState and message. */
  private List<String> outcome(String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnLabel(i) + " " + md.getColumnName(i) + " " + md.getColumnType(i) + " "
            + md.getColumnTypeName(i) + "(" + md.getPrecision(i) + ", " + md.getScale(i) + ") "
            + md.isNullable(i) + " " + md.getColumnClassName(i) + " " + md.getTableName(i));
      }
      while (rs.next()) {
        StringBuilder row = new StringBuilder("row");
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.append(" | ").append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v);
        }
        out.add(row.toString());
      }
    } catch (SQLException e) {
      out.add("error " + e.getSQLState() + " " + e.getMessage());
    }
    return out;
  }
}
