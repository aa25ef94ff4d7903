package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV and text round trips of random schemas and values (NULL, empty strings, quotes, line
 * breaks, delimiters, characters outside the BMP, binary, extreme DECIMALs, NaN and infinities,
 * dates far in the past and future, several session time zones), with and without a header,
 * with other delimiters and NULL markers: {@code COPY TO} then {@code COPY FROM} gives the same
 * rows. Then a malformed line appended to the file fails the load with that line's number and the
 * table is unchanged.
 *
 * <p>Reproducible: round {@code r} uses seed {@code BASE_SEED + r}; set
 * {@code -Dvsl.copy.seed=<seed>} to run one round. A failure names its seed.
 */
class CopyRoundTripTest {
  private static final long BASE_SEED = 0x5eed_c0b7L;
  private static final int ROUNDS = 120;
  private static final String[] ZONES =
      {"UTC", "Europe/Paris", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati", "America/Los_Angeles"};
  private static final String[] PIECES = {"a", "Z", " ", ",", ";", "|", "\"", "'", "\n", "\r", "\r\n", "\t", "\\",
      "\\N", "N", "NULL", "ä", "€", "😀", "𝄞", "\u0000", "x y", "."};

  @TempDir Path dir;

  @Test
  void copyToThenFrom_reproducesRandomRows_andAMalformedLineFailsWithItsNumber() throws Exception {
    String only = System.getProperty("vsl.copy.seed");
    TimeZone saved = TimeZone.getDefault();
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + dir.resolve("db"))) {
      if (only != null) {
        round(c, Long.parseLong(only), 0);
        return;
      }
      for (int r = 0; r < ROUNDS; r++) {
        round(c, BASE_SEED + r, r);
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  /** One column type: its DDL and a random value for it. */
  private record Column(String ddl, int kind, int length, int scale) {}

  private static Column column(Random rnd) {
    int kind = rnd.nextInt(16);
    return switch (kind) {
      case 7 -> {
        int p = 1 + rnd.nextInt(38);
        int s = rnd.nextInt(p + 1);
        yield new Column("DECIMAL(" + p + "," + s + ")", kind, p, s);
      }
      case 8 -> {
        int n = 1 + rnd.nextInt(12);
        yield new Column("CHAR(" + n + ")", kind, n, 0);
      }
      case 9 -> rnd.nextBoolean() ? new Column("VARCHAR", kind, 40, 0)
          : new Column("VARCHAR(" + (1 + rnd.nextInt(30)) + ")", kind, 0, 0);
      case 10 -> {
        int n = 1 + rnd.nextInt(16);
        yield new Column("BINARY(" + n + ")", kind, n, 0);
      }
      case 11 -> new Column("VARBINARY(" + (1 + rnd.nextInt(40)) + ")", kind, 0, 0);
      default -> new Column(new String[] {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL",
          "DOUBLE", "", "", "", "", "", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP WITH LOCAL TIME ZONE"}[kind],
          kind, 0, 0);
    };
  }

  private static int declaredLength(Column col) {
    if (col.length() > 0) {
      return col.length();
    }
    String d = col.ddl();
    return Integer.parseInt(d.substring(d.indexOf('(') + 1, d.indexOf(')')));
  }

  private static Object value(Random rnd, Column col) {
    if (rnd.nextInt(6) == 0) {
      return null;
    }
    return switch (col.kind()) {
      case 0 -> rnd.nextBoolean();
      case 1 -> (byte) pick(rnd, Byte.MIN_VALUE, Byte.MAX_VALUE, rnd.nextInt());
      case 2 -> (short) pick(rnd, Short.MIN_VALUE, Short.MAX_VALUE, rnd.nextInt());
      case 3 -> (int) pick(rnd, Integer.MIN_VALUE, Integer.MAX_VALUE, rnd.nextInt());
      case 4 -> pick(rnd, Long.MIN_VALUE, Long.MAX_VALUE, rnd.nextLong());
      case 5 -> new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0f,
          Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL,
          Float.intBitsToFloat(rnd.nextInt()), rnd.nextFloat()}[rnd.nextInt(11)];
      case 6 -> new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0,
          Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
          Double.longBitsToDouble(rnd.nextLong()), rnd.nextGaussian() * 1e6}[rnd.nextInt(11)];
      case 7 -> decimal(rnd, col.length(), col.scale());
      case 8 -> text(rnd, declaredLength(col));
      case 9 -> text(rnd, declaredLength(col));
      case 10, 11 -> {
        byte[] b = new byte[rnd.nextInt(declaredLength(col) + 1)];
        rnd.nextBytes(b);
        yield b;
      }
      case 12 -> LocalDate.ofEpochDay(epochDay(rnd));
      case 13 -> LocalTime.ofNanoOfDay(rnd.nextInt(86_400_000) * 1_000_000L);
      case 14 -> LocalDateTime.of(LocalDate.ofEpochDay(epochDay(rnd)),
          LocalTime.ofNanoOfDay(rnd.nextInt(86_400_000) * 1_000_000L));
      default -> Instant.ofEpochMilli(
          LocalDate.ofEpochDay(epochDay(rnd)).toEpochDay() * 86_400_000L + rnd.nextInt(86_400_000));
    };
  }

  private static long pick(Random rnd, long min, long max, long random) {
    return switch (rnd.nextInt(5)) {
      case 0 -> min;
      case 1 -> max;
      case 2 -> 0;
      default -> Math.max(min, Math.min(max, random));
    };
  }

  /** Days from year -4000 to 12000, or near the epoch, or a year's edges. */
  private static long epochDay(Random rnd) {
    long min = LocalDate.of(-4000, 1, 1).toEpochDay();
    long max = LocalDate.of(12000, 12, 31).toEpochDay();
    return switch (rnd.nextInt(4)) {
      case 0 -> min + (long) (rnd.nextDouble() * (max - min));
      case 1 -> rnd.nextInt(40_000) - 20_000;
      case 2 -> LocalDate.of(rnd.nextBoolean() ? 9999 : 10000, 12, 31).toEpochDay();
      default -> LocalDate.of(rnd.nextInt(3) - 1, 1, 1).toEpochDay();
    };
  }

  private static BigDecimal decimal(Random rnd, int precision, int scale) {
    BigInteger unscaled = rnd.nextInt(4) == 0
        ? BigInteger.TEN.pow(precision).subtract(BigInteger.ONE) // the largest the column holds
        : new BigInteger(precision * 3, rnd).mod(BigInteger.TEN.pow(precision));
    return new BigDecimal(rnd.nextBoolean() ? unscaled : unscaled.negate(), scale);
  }

  private static String text(Random rnd, int max) {
    StringBuilder b = new StringBuilder();
    int target = rnd.nextInt(max + 1);
    // lengths count UTF-16 code units, as in H2 (a character outside the BMP takes two)
    while (b.length() < target) {
      String p = PIECES[rnd.nextInt(PIECES.length)];
      if (b.length() + p.length() > target) {
        break;
      }
      b.append(p);
    }
    return b.toString();
  }

  private void round(Connection c, long seed, int r) throws Exception {
    Random rnd = new Random(seed);
    TimeZone.setDefault(TimeZone.getTimeZone(ZONES[rnd.nextInt(ZONES.length)]));
    int n = 1 + rnd.nextInt(8);
    List<Column> cols = new ArrayList<>();
    StringBuilder ddl = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Column col = column(rnd);
      cols.add(col);
      ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(col.ddl());
    }
    boolean csv = rnd.nextInt(4) != 0;
    List<String> opts = new ArrayList<>();
    opts.add("format " + (csv ? "csv" : "text"));
    boolean header = rnd.nextBoolean();
    opts.add("header " + header);
    char delimiter = csv ? ",;|\t".charAt(rnd.nextInt(4)) : "\t,;|".charAt(rnd.nextInt(4));
    opts.add("delimiter '" + delimiter + "'");
    if (csv) {
      String nul = new String[] {"", "NULL", "\\N", "nil"}[rnd.nextInt(4)];
      opts.add("null '" + nul + "'");
      if (rnd.nextBoolean()) {
        opts.add("quote '''" + "'");
      }
    }
    String with = " with (" + String.join(", ", opts) + ")";
    String where = "seed " + seed + " (round " + r + ", zone " + TimeZone.getDefault().getID() + ", columns "
        + ddl + ", options" + with + ")";
    try (Statement s = c.createStatement()) {
      s.execute("create table src" + r + " (" + ddl + ")");
      s.execute("create table dst" + r + " (" + ddl + ")");
      int rows = rnd.nextInt(40);
      String marks = "?" + ", ?".repeat(n - 1);
      try (PreparedStatement p = c.prepareStatement("insert into src" + r + " values (" + marks + ")")) {
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < n; j++) {
            p.setObject(j + 1, value(rnd, cols.get(j)));
          }
          p.executeUpdate();
        }
      }
      String file = "rt" + r + (csv ? ".csv" : ".txt");
      assertEquals(rows, s.executeUpdate("copy src" + r + " to '" + file + "'" + with), where);
      assertEquals(rows, s.executeUpdate("copy dst" + r + " from '" + file + "'" + with), where);
      List<String> expected = snapshot(s, "src" + r, cols);
      sameRows(expected, snapshot(s, "dst" + r, cols), where);

      // A malformed line at the end: one field too many, or (CSV) a quote never closed.
      Path path = dir.resolve("db").resolve(file);
      String content = Files.readString(path, StandardCharsets.UTF_8);
      long line = 1; // line breaks are \n, \r\n and \r, also inside quoted values
      for (int i = 0; i < content.length(); i++) {
        char ch = content.charAt(i);
        if (ch == '\n' || (ch == '\r' && (i + 1 == content.length() || content.charAt(i + 1) != '\n'))) {
          line++;
        }
      }
      boolean openQuote = csv && rnd.nextBoolean();
      String bad = openQuote ? (with.contains("quote ''''") ? "'" : "\"") + "never closed"
          : String.valueOf(delimiter).repeat(n);
      Files.writeString(path, content + bad + "\n", StandardCharsets.UTF_8);
      SQLException e = assertThrows(SQLException.class,
          () -> s.executeUpdate("copy dst" + r + " from '" + file + "'" + with), where);
      assertEquals("22P04", e.getSQLState(), where + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("line " + line + ":"), where + ": " + e.getMessage());
      sameRows(expected, snapshot(s, "dst" + r, cols), where + ", after the failed load");
      s.execute("drop table src" + r);
      s.execute("drop table dst" + r);
    }
  }

  /** Fails naming the rows only one side has, with control characters escaped. */
  private static void sameRows(List<String> expected, List<String> actual, String where) {
    if (expected.equals(actual)) {
      return;
    }
    List<String> missing = new ArrayList<>(expected);
    actual.forEach(missing::remove);
    List<String> extra = new ArrayList<>(actual);
    expected.forEach(extra::remove);
    throw new AssertionError(where + ": rows lost " + escape(missing.toString()) + ", rows gained "
        + escape(extra.toString()));
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp > 0x7e) {
        b.append(String.format("\\u{%x}", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }

  /** The table's rows, each value in a form that shows every bit of it, sorted. */
  private static List<String> snapshot(Statement s, String table, List<Column> cols) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select * from " + table)) {
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= cols.size(); i++) {
          Object v = rs.getObject(i);
          b.append(i > 1 ? " | " : "");
          if (v == null) {
            b.append("NULL");
            continue;
          }
          switch (cols.get(i - 1).kind()) {
            case 10, 11 -> b.append("X'").append(HexFormat.of().formatHex(rs.getBytes(i))).append('\'');
            case 12, 13, 14 -> b.append(rs.getString(i));
            case 15 -> b.append(((OffsetDateTime) v).toInstant());
            case 8, 9 -> b.append('[').append(v).append(']');
            default -> b.append(v);
          }
        }
        out.add(b.toString());
      }
    }
    out.sort(null);
    return out;
  }
}
