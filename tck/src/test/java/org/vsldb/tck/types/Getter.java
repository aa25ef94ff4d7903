package org.vsldb.tck.types;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A way to read column 1 of a result set, and the type families it applies to (JDBC 4.3 table
 * B-6, less the cells H2 and vsl both refuse for every value). {@link #read} gives what the getter
 * returned, with {@code wasNull()} after it, as comparable text; or the SQLState it failed with.
 */
record Getter(String name, Set<Family> families, Call call) {
  @FunctionalInterface
  interface Call {
    Object get(ResultSet rs) throws SQLException;
  }

  @Override
  public String toString() {
    return name;
  }

  /** What the getter gives on the current row. */
  String read(ResultSet rs, Family family) {
    try {
      Object v = call.get(rs);
      return show(v, family) + " wasNull=" + rs.wasNull();
    } catch (SQLException e) {
      return "error " + e.getSQLState();
    }
  }

  /**
   * A value as text that names its class: bytes and streams by their content, java.sql.Time with
   * its milliseconds, and an OffsetDateTime of an instant column by its instant.
   */
  static String show(Object v, Family family) throws SQLException {
    if (v == null) {
      return "null";
    }
    try {
      if (v instanceof byte[] b) {
        return "byte[]:" + hex(b);
      }
      if (v instanceof InputStream in) {
        return "InputStream:" + hex(in.readAllBytes());
      }
      if (v instanceof Reader r) {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = r.read()) >= 0; ) {
          sb.append((char) c);
        }
        return "Reader:" + sb;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (v instanceof Blob b) {
      return "Blob:" + hex(b.getBytes(1, (int) b.length()));
    }
    if (v instanceof Clob c) {
      return "Clob:" + c.getSubString(1, (int) c.length());
    }
    if (v instanceof Time t) {
      return "Time:" + new Timestamp(t.getTime());
    }
    if (v instanceof OffsetDateTime o && family == Family.INSTANT) {
      return "OffsetDateTime@" + o.toInstant();
    }
    return v.getClass().getSimpleName() + ":" + v;
  }

  private static String hex(byte[] b) {
    return b.length > 64 ? b.length + " bytes, hash " + java.util.Arrays.hashCode(b) : HexFormat.of().formatHex(b);
  }

  private static final Set<Family> ALL_FAMILIES = EnumSet.allOf(Family.class);
  private static final Set<Family> NUMBERS = EnumSet.of(Family.BOOLEAN, Family.EXACT, Family.APPROXIMATE,
      Family.DECIMAL, Family.TEXT);
  private static final Set<Family> TEXTS = EnumSet.of(Family.TEXT, Family.CLOB);
  private static final Set<Family> BINARIES = EnumSet.of(Family.BINARY, Family.BLOB);
  private static final Set<Family> DAY = EnumSet.of(Family.DATE, Family.TIMESTAMP, Family.INSTANT);
  private static final Set<Family> CLOCK = EnumSet.of(Family.TIME, Family.TIMESTAMP, Family.INSTANT);
  private static final Set<Family> MOMENTS = EnumSet.of(Family.DATE, Family.TIME, Family.TIMESTAMP, Family.INSTANT);

  private static Getter as(Class<?> c, Set<Family> families) {
    return new Getter("getObject(" + c.getSimpleName() + ".class)", families, rs -> rs.getObject(1, c));
  }

  static final List<Getter> ALL = all();

  private static List<Getter> all() {
    List<Getter> g = new ArrayList<>(List.of(
        new Getter("getString", ALL_FAMILIES, rs -> rs.getString(1)),
        new Getter("getObject", ALL_FAMILIES, rs -> rs.getObject(1)),
        new Getter("getBoolean", NUMBERS, rs -> rs.getBoolean(1)),
        new Getter("getByte", NUMBERS, rs -> rs.getByte(1)),
        new Getter("getShort", NUMBERS, rs -> rs.getShort(1)),
        new Getter("getInt", NUMBERS, rs -> rs.getInt(1)),
        new Getter("getLong", NUMBERS, rs -> rs.getLong(1)),
        new Getter("getFloat", NUMBERS, rs -> rs.getFloat(1)),
        new Getter("getDouble", NUMBERS, rs -> rs.getDouble(1)),
        new Getter("getBigDecimal", NUMBERS, rs -> rs.getBigDecimal(1)),
        new Getter("getBytes", EnumSet.of(Family.BINARY, Family.BLOB, Family.TEXT, Family.CLOB), rs -> rs.getBytes(1)),
        new Getter("getDate", DAY, rs -> rs.getDate(1)),
        new Getter("getTime", CLOCK, rs -> rs.getTime(1)),
        new Getter("getTimestamp", MOMENTS, rs -> rs.getTimestamp(1)),
        new Getter("getDate(Calendar)", DAY, rs -> rs.getDate(1, Setter.tokyo())),
        new Getter("getTime(Calendar)", CLOCK, rs -> rs.getTime(1, Setter.tokyo())),
        new Getter("getTimestamp(Calendar)", MOMENTS, rs -> rs.getTimestamp(1, Setter.tokyo())),
        new Getter("getCharacterStream", TEXTS, rs -> rs.getCharacterStream(1)),
        new Getter("getAsciiStream", TEXTS, rs -> rs.getAsciiStream(1)),
        new Getter("getClob", TEXTS, rs -> rs.getClob(1)),
        new Getter("getBinaryStream", BINARIES, rs -> rs.getBinaryStream(1)),
        new Getter("getBlob", BINARIES, rs -> rs.getBlob(1)),
        as(String.class, ALL_FAMILIES),
        as(Boolean.class, NUMBERS),
        as(Byte.class, NUMBERS),
        as(Short.class, NUMBERS),
        as(Integer.class, NUMBERS),
        as(Long.class, NUMBERS),
        as(Float.class, NUMBERS),
        as(Double.class, NUMBERS),
        as(BigDecimal.class, NUMBERS),
        as(byte[].class, EnumSet.of(Family.BINARY, Family.BLOB)),
        as(UUID.class, EnumSet.of(Family.BINARY, Family.TEXT)),
        as(LocalDate.class, DAY),
        as(LocalTime.class, CLOCK),
        as(LocalDateTime.class, DAY),
        as(OffsetDateTime.class, EnumSet.of(Family.TIMESTAMP, Family.INSTANT)),
        as(Instant.class, EnumSet.of(Family.TIMESTAMP, Family.INSTANT)),
        as(java.sql.Date.class, DAY),
        as(Time.class, CLOCK),
        as(Timestamp.class, MOMENTS)));
    return List.copyOf(g);
  }

  boolean appliesTo(TypeCase t) {
    return families.contains(t.family());
  }
}
