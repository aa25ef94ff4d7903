package org.vsldb.tck.types;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * A column type of PRODUCT.md 3.1 as the round-trip tests use it: its DDL in vsl and the nearest
 * H2 type, its JDBC type code, the Java class {@code getObject(i, Class)} reads it back as, and
 * edge values (NULL always among them). {@link #stored} is the value a column keeps for a given
 * one: CHAR pads with spaces and BINARY with zero bytes.
 *
 * @param name the column type, as the test names show it
 * @param vslType the type in vsl's DDL
 * @param h2Type the type in H2's DDL: the same, or the nearest (TIME(3) and TIMESTAMP(3) keep
 *     milliseconds as vsl does; TIMESTAMP(3) WITH TIME ZONE stands for TIMESTAMP WITH LOCAL TIME
 *     ZONE, compared by instant)
 */
record TypeCase(String name, String vslType, String h2Type, int jdbcType, Family family,
    Class<?> javaClass, int length, List<Object> values) {

  /** The value the column keeps when {@code v} is stored. */
  Object stored(Object v) {
    if (v == null || length == 0) {
      return v;
    }
    if (v instanceof String s && vslType.startsWith("CHAR(")) {
      return s + " ".repeat(Math.max(0, length - s.codePointCount(0, s.length())));
    }
    if (v instanceof byte[] b && vslType.startsWith("BINARY(")) {
      return Arrays.copyOf(b, Math.max(b.length, length));
    }
    return v;
  }

  @Override
  public String toString() {
    return name;
  }

  private static TypeCase of(String name, int jdbcType, Family f, Class<?> c, Object... values) {
    return new TypeCase(name, name, name, jdbcType, f, c, 0, withNull(values));
  }

  private static List<Object> withNull(Object... values) {
    Object[] all = Arrays.copyOf(values, values.length + 1);
    return Arrays.asList(all);
  }

  static final String UUID_TEXT = "01234567-89ab-cdef-0123-456789abcdef";
  static final String ASTRAL = "\uD83D\uDE00 \uD834\uDD1E";
  static final String LONG_TEXT = "x\u00e9\uD83D\uDE00".repeat(40_000);

  private static byte[] bytes(int... b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = (byte) b[i];
    }
    return r;
  }

  private static byte[] sequence(int n) {
    byte[] r = new byte[n];
    for (int i = 0; i < n; i++) {
      r[i] = (byte) (i * 31);
    }
    return r;
  }

  /** Every column type of PRODUCT.md 3.1. */
  static final List<TypeCase> ALL = List.of(
      of("BOOLEAN", Types.BOOLEAN, Family.BOOLEAN, Boolean.class, true, false),
      of("TINYINT", Types.TINYINT, Family.EXACT, Byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0),
      of("SMALLINT", Types.SMALLINT, Family.EXACT, Short.class, Short.MIN_VALUE, Short.MAX_VALUE, (short) 1),
      of("INTEGER", Types.INTEGER, Family.EXACT, Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1),
      of("BIGINT", Types.BIGINT, Family.EXACT, Long.class, Long.MIN_VALUE, Long.MAX_VALUE, -1L),
      of("REAL", Types.REAL, Family.APPROXIMATE, Float.class, 1.5f, -Float.MAX_VALUE, Float.MIN_VALUE,
          1.1f, 0.0f, -0.5f, Float.NEGATIVE_INFINITY),
      of("DOUBLE", Types.DOUBLE, Family.APPROXIMATE, Double.class, -1.25, Double.MAX_VALUE, Double.MIN_VALUE,
          0.1, 0.0, -2.5, 2.5, Double.NaN, Double.POSITIVE_INFINITY, -0.0),
      of("DECIMAL(38,10)", Types.DECIMAL, Family.DECIMAL, BigDecimal.class,
          new BigDecimal("1234567890123456789012345678.0123456789"), new BigDecimal("-0.0000000001"),
          new BigDecimal("0E-10"), new BigDecimal("-9999999999999999999999999999.9999999999")),
      of("DECIMAL(5,2)", Types.DECIMAL, Family.DECIMAL, BigDecimal.class,
          new BigDecimal("123.45"), new BigDecimal("-999.99"), new BigDecimal("0.50")),
      new TypeCase("CHAR(5)", "CHAR(5)", "CHAR(5)", Types.CHAR, Family.TEXT, String.class, 5,
          withNull("ab", "", "abcde", "\u00e9t\u00e9")),
      of("VARCHAR(40)", Types.VARCHAR, Family.TEXT, String.class, "", "hello", ASTRAL,
          "quote ' and \" and \\ and \n", UUID_TEXT, "12", "true", "2024-02-29"),
      new TypeCase("BINARY(4)", "BINARY(4)", "BINARY(4)", Types.BINARY, Family.BINARY, byte[].class, 4,
          withNull(bytes(1, 2), bytes(0xff, 0, 0x80, 0x7f), new byte[0])),
      of("VARBINARY(16)", Types.VARBINARY, Family.BINARY, byte[].class, new byte[0], bytes(0),
          bytes(0xff, 0xfe), sequence(16), "h\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
      of("DATE", Types.DATE, Family.DATE, LocalDate.class, LocalDate.of(1970, 1, 1), LocalDate.of(2024, 2, 29),
          LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1582, 10, 20), LocalDate.of(1969, 12, 31)),
      new TypeCase("TIME", "TIME", "TIME(3)", Types.TIME, Family.TIME, LocalTime.class, 0,
          withNull(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_000_000), LocalTime.of(12, 34, 56, 789_000_000))),
      new TypeCase("TIMESTAMP", "TIMESTAMP", "TIMESTAMP(3)", Types.TIMESTAMP, Family.TIMESTAMP,
          LocalDateTime.class, 0, withNull(LocalDateTime.of(1970, 1, 1, 0, 0),
              LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000), LocalDateTime.of(1, 1, 1, 0, 0),
              LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 1_000_000),
              LocalDateTime.of(2024, 3, 10, 2, 30), LocalDateTime.of(2024, 11, 3, 1, 30))),
      new TypeCase("TIMESTAMP WITH LOCAL TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE",
          "TIMESTAMP(3) WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE, Family.INSTANT, OffsetDateTime.class, 0,
          withNull(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000, ZoneOffset.ofHoursMinutes(5, 30)),
              OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
              OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.ofHours(-8)),
              OffsetDateTime.of(1900, 6, 15, 12, 0, 0, 1_000_000, ZoneOffset.UTC),
              OffsetDateTime.of(2024, 3, 10, 7, 30, 0, 0, ZoneOffset.UTC))),
      of("CLOB", Types.CLOB, Family.CLOB, String.class, "", "short", ASTRAL, LONG_TEXT),
      of("BLOB", Types.BLOB, Family.BLOB, byte[].class, new byte[0], bytes(0xff, 0, 1), sequence(100_000)));
}
