package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * COPY DATABASE TO then FROM into an empty database reproduces every table exactly (PRODUCT.md
 * 3.3), for random schemas and random values of every column type, edge values included; and
 * the original, reopened after CHECKPOINT, holds the same rows.
 */
class DatabaseCopyRoundTripTest {
  /** The column types of PRODUCT.md 3.1, as declared. */
  private static final String[] TYPES = {
    "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE", "DECIMAL(38, 10)",
    "DECIMAL(5, 0)", "CHAR(4)", "VARCHAR(40)", "VARCHAR", "BINARY(3)", "VARBINARY(20)", "DATE",
    "TIME", "TIMESTAMP", "TIMESTAMP WITH LOCAL TIME ZONE", "CLOB", "BLOB"
  };

  private static final String[] PIECES = {
    "", "a", "'", "''", "\"", "\\", "\\x", "\n", "\r\n", "\t", "\u0000", "\u0007", "€", "é",
    "\uD83D\uDE00", "\uD800", "\uDC00", "\u2028", "\uFEFF", " ", ";", "--", "/*", "*/", "U&'", "X'"
  };

  @TempDir Path dir;

  /**
   * The seeds of the random cases: fixed ones, so a failure names a seed that reproduces it, plus
   * one new seed per run (set {@code -Dvsl.copy.seed=n} to rerun one).
   */
  static LongStream seeds() {
    String given = System.getProperty("vsl.copy.seed");
    if (given != null) {
      return LongStream.of(Long.parseLong(given));
    }
    return LongStream.concat(LongStream.rangeClosed(1, 40), LongStream.of(System.nanoTime()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomSchemaAndValues_surviveCopyToAndFrom_andCheckpointAndReopen(long seed) throws Exception {
    Random random = new Random(seed);
    Path source = dir.resolve("src-" + UUID.randomUUID());
    String sourceUrl = "jdbc:vsl:" + source;
    List<String> tables = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(sourceUrl)) {
      int tableCount = 1 + random.nextInt(3);
      for (int t = 0; t < tableCount; t++) {
        String table = (t == 1 ? "\"s p\".\"T \"\"" : "T") + t + (t == 1 ? "\"" : "");
        if (t == 1) {
          c.createStatement().execute("create schema \"s p\"");
        }
        tables.add(table);
        fill(c, table, random);
      }
      String copy = source.resolve("database.txt").toString();
      c.createStatement().execute("copy database to 'database.txt'");
      try (Connection d = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID() + ";fileAccess=any")) {
        d.createStatement().execute("copy database from '" + copy.replace("'", "''") + "'");
        for (String table : tables) {
          assertEquals(rows(c, table), rows(d, table), "table " + table + ", seed " + seed);
        }
        assertEquals(rows(c, "information_schema.columns"), rows(d, "information_schema.columns"));
      }
      c.createStatement().execute("checkpoint");
      List<List<String>> before = new ArrayList<>();
      for (String table : tables) {
        before.add(rows(c, table));
      }
      c.createStatement().execute("shutdown");
      try (Connection reopened = DriverManager.getConnection(sourceUrl)) {
        for (int i = 0; i < tables.size(); i++) {
          assertEquals(before.get(i), rows(reopened, tables.get(i)), "reopened " + tables.get(i));
        }
      }
    }
  }

  private static void fill(Connection c, String table, Random random) throws SQLException {
    int n = 1 + random.nextInt(6);
    String[] types = new String[n];
    StringBuilder ddl = new StringBuilder("create table " + table + " (id int primary key");
    for (int i = 0; i < n; i++) {
      types[i] = TYPES[random.nextInt(TYPES.length)];
      ddl.append(", c").append(i).append(' ').append(types[i]);
    }
    c.createStatement().execute(ddl.append(')').toString());
    int rows = random.nextInt(25);
    StringBuilder insert = new StringBuilder("insert into " + table + " values (?");
    insert.append(", ?".repeat(n)).append(')');
    try (PreparedStatement p = c.prepareStatement(insert.toString())) {
      for (int r = 0; r < rows; r++) {
        p.setInt(1, r);
        for (int i = 0; i < n; i++) {
          p.setObject(i + 2, random.nextInt(6) == 0 ? null : value(types[i], random));
        }
        p.executeUpdate();
      }
    }
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static String text(Random random, int maxCodePoints) {
    StringBuilder s = new StringBuilder();
    int pieces = random.nextInt(5);
    for (int i = 0; i < pieces; i++) {
      s.append(pick(random, PIECES));
    }
    String r = s.toString();
    return r.length() <= maxCodePoints ? r : ""; // lengths count UTF-16 code units, as in H2
  }

  private static Object value(String type, Random random) {
    return switch (type) {
      case "BOOLEAN" -> random.nextBoolean();
      case "TINYINT" -> pick(random, new Byte[] {Byte.MIN_VALUE, Byte.MAX_VALUE, 0, (byte) random.nextInt()});
      case "SMALLINT" -> pick(random, new Short[] {Short.MIN_VALUE, Short.MAX_VALUE, (short) random.nextInt()});
      case "INTEGER" -> pick(random, new Integer[] {Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt()});
      case "BIGINT" -> pick(random, new Long[] {Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong()});
      case "REAL" -> pick(random, new Float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
          -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, random.nextFloat() * 1e-20f, (float) random.nextGaussian()});
      case "DOUBLE" -> pick(random, new Double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
          -0.0, Double.MIN_VALUE, Double.MAX_VALUE, random.nextDouble() * 1e300, random.nextGaussian()});
      case "DECIMAL(38, 10)" -> pick(random, new BigDecimal[] {
          new BigDecimal("9999999999999999999999999999.9999999999"),
          new BigDecimal("-9999999999999999999999999999.9999999999"), new BigDecimal("0.0000000001"),
          BigDecimal.valueOf(random.nextLong(), 10)});
      case "DECIMAL(5, 0)" -> pick(random, new BigDecimal[] {new BigDecimal("99999"), new BigDecimal("-99999"),
          BigDecimal.valueOf(random.nextInt(99999))});
      case "CHAR(4)" -> text(random, 4);
      case "VARCHAR(40)", "VARCHAR", "CLOB" -> text(random, 40);
      case "BINARY(3)" -> bytes(random, 3);
      case "VARBINARY(20)", "BLOB" -> bytes(random, random.nextInt(21));
      case "DATE" -> pick(random, new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
          LocalDate.of(1582, 10, 4), LocalDate.of(1970, 1, 1), LocalDate.ofEpochDay(random.nextInt(3_000_000) - 700_000)});
      case "TIME" -> LocalTime.ofNanoOfDay(random.nextInt(86_400_000) * 1_000_000L);
      case "TIMESTAMP" -> pick(random, new LocalDateTime[] {LocalDateTime.of(1, 1, 1, 0, 0),
          LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000),
          LocalDateTime.ofEpochSecond(random.nextLong() % 100_000_000_000L, random.nextInt(1000) * 1_000_000, ZoneOffset.UTC)});
      case "TIMESTAMP WITH LOCAL TIME ZONE" -> OffsetDateTime.ofInstant(
          Instant.ofEpochMilli(random.nextLong() % 100_000_000_000_000L),
          ZoneOffset.ofHours(random.nextInt(25) - 12));
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** Every row as text (exact: binary as hex, floats with their sign of zero), sorted. */
  private static List<String> rows(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.append(md.getColumnName(i)).append('=')
              .append(v instanceof byte[] b ? "x" + HexFormat.of().formatHex(b) : v instanceof BigDecimal d
                  ? d.toPlainString() + "/" + d.scale() : String.valueOf(v))
              .append(v == null ? "" : ":" + v.getClass().getSimpleName()).append(" | ");
        }
        out.add(row.toString());
      }
    }
    out.sort(null);
    return out;
  }

  static String show(List<String> rows) {
    return Arrays.toString(rows.toArray());
  }
}
