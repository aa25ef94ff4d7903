package org.vsldb.tck.types;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * A way to pass a value as a statement parameter, and which types and values it applies to.
 * Each takes the value in its canonical Java form (see {@link TypeCase}) and passes it as the
 * JDBC method it is named after wants it.
 */
record Setter(String name, Applies applies, Call call, java.util.function.UnaryOperator<Object> carries) {
  /** A setter that passes the value as it is (or as a Java object that holds it exactly). */
  Setter(String name, Applies applies, Call call) {
    this(name, applies, call, v -> v);
  }

  /**
   * What a java.sql.Timestamp made from a LocalDateTime holds: the same, unless the time falls in a
   * daylight-saving gap of the JVM's zone, which Timestamp moves past.
   */
  static Object viaTimestamp(Object v) {
    return v instanceof LocalDateTime t ? Timestamp.valueOf(t).toLocalDateTime() : v;
  }

  @FunctionalInterface
  interface Applies {
    boolean to(TypeCase t, Object v);
  }

  @FunctionalInterface
  interface Call {
    void set(PreparedStatement p, TypeCase t, Object v) throws SQLException;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The value as JDBC's text form: what setString passes for a non-string column. */
  static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate() + " " + t.toLocalTime();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toLocalDate() + " " + o.toLocalTime() + o.getOffset();
    }
    return v.toString();
  }

  static Time time(LocalTime t) {
    return new Time(Time.valueOf(t).getTime() + t.getNano() / 1_000_000);
  }

  /** The typed setter JDBC names for the column's Java class (setInt for INTEGER, and so on). */
  private static void typed(PreparedStatement p, TypeCase t, Object v) throws SQLException {
    switch (t.family()) {
      case BOOLEAN -> p.setBoolean(1, (Boolean) v);
      case EXACT -> {
        if (v instanceof Byte b) {
          p.setByte(1, b);
        } else if (v instanceof Short s) {
          p.setShort(1, s);
        } else if (v instanceof Integer i) {
          p.setInt(1, i);
        } else {
          p.setLong(1, (Long) v);
        }
      }
      case APPROXIMATE -> {
        if (v instanceof Float f) {
          p.setFloat(1, f);
        } else {
          p.setDouble(1, (Double) v);
        }
      }
      case DECIMAL -> p.setBigDecimal(1, (BigDecimal) v);
      case TEXT, CLOB -> p.setString(1, (String) v);
      case BINARY, BLOB -> p.setBytes(1, (byte[]) v);
      case DATE -> p.setDate(1, Date.valueOf((LocalDate) v));
      case TIME -> p.setTime(1, time((LocalTime) v));
      case TIMESTAMP -> p.setTimestamp(1, Timestamp.valueOf((LocalDateTime) v));
      case INSTANT -> p.setTimestamp(1, Timestamp.from(((OffsetDateTime) v).toInstant()));
    }
  }

  /** A typed setter given null, where the setter takes an object. */
  private static void typedNull(PreparedStatement p, TypeCase t) throws SQLException {
    switch (t.family()) {
      case DECIMAL -> p.setBigDecimal(1, null);
      case TEXT, CLOB -> p.setString(1, null);
      case BINARY, BLOB -> p.setBytes(1, null);
      case DATE -> p.setDate(1, null);
      case TIME -> p.setTime(1, null);
      case TIMESTAMP, INSTANT -> p.setTimestamp(1, null);
      default -> throw new IllegalArgumentException(t + " has no object-typed setter");
    }
  }

  private static boolean ascii(Object v) {
    return v instanceof String s && s.chars().allMatch(c -> c < 0x80);
  }

  private static byte[] utf8(Object v) {
    return ((String) v).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether a date-time value is from 1900 on: earlier, zone rules give local mean time, on which
   * java.util.TimeZone and java.time disagree, so the Calendar setters are not compared there.
   */
  static boolean modern(Object v) {
    LocalDate d = v instanceof LocalDate ld ? ld : v instanceof LocalDateTime t ? t.toLocalDate()
        : v instanceof OffsetDateTime o ? o.toLocalDate() : LocalDate.EPOCH;
    return v != null && d.getYear() >= 1900;
  }

  /** A calendar in a zone other than the session's (the JVM's), for the setters that take one. */
  static java.util.Calendar tokyo() {
    return java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
  }

  static final List<Setter> ALL = List.of(
      new Setter("setDate(Calendar)", (t, v) -> modern(v) && t.family() == Family.DATE,
          (p, t, v) -> p.setDate(1, new Date(((LocalDate) v).atStartOfDay(tokyo().getTimeZone().toZoneId())
              .toInstant().toEpochMilli()), tokyo())),
      new Setter("setTime(Calendar)", (t, v) -> modern(v) && t.family() == Family.TIME,
          (p, t, v) -> p.setTime(1, new Time(((LocalTime) v).atDate(LocalDate.EPOCH)
              .atZone(tokyo().getTimeZone().toZoneId()).toInstant().toEpochMilli()), tokyo())),
      new Setter("setTimestamp(Calendar)", (t, v) -> modern(v) && t.family() == Family.TIMESTAMP,
          (p, t, v) -> p.setTimestamp(1, Timestamp.from(((LocalDateTime) v)
              .atZone(tokyo().getTimeZone().toZoneId()).toInstant()), tokyo())),
      new Setter("setTimestamp(Calendar) of an instant", (t, v) -> modern(v) && t.family() == Family.INSTANT,
          (p, t, v) -> p.setTimestamp(1, Timestamp.from(((OffsetDateTime) v).toInstant()), tokyo())),
      new Setter("setObject", (t, v) -> true, (p, t, v) -> p.setObject(1, v)),
      new Setter("setObject(targetType)", (t, v) -> true, (p, t, v) -> p.setObject(1, v, t.jdbcType())),
      new Setter("setNull", (t, v) -> v == null, (p, t, v) -> p.setNull(1, t.jdbcType())),
      new Setter("typed setter", (t, v) -> v != null, Setter::typed, Setter::viaTimestamp),
      new Setter("typed setter(null)", (t, v) -> v == null && !(t.family() == Family.BOOLEAN
          || t.family() == Family.EXACT || t.family() == Family.APPROXIMATE), (p, t, v) -> typedNull(p, t)),
      new Setter("setString", (t, v) -> v != null && !t.family().binary(), (p, t, v) -> p.setString(1, text(v))),
      new Setter("setObject(Timestamp)", (t, v) -> v != null && t.family() == Family.TIMESTAMP,
          (p, t, v) -> p.setObject(1, Timestamp.valueOf((LocalDateTime) v)), Setter::viaTimestamp),
      new Setter("setObject(java.sql.Date)", (t, v) -> v != null && t.family() == Family.DATE,
          (p, t, v) -> p.setObject(1, Date.valueOf((LocalDate) v))),
      new Setter("setObject(java.sql.Time)", (t, v) -> v != null && t.family() == Family.TIME,
          (p, t, v) -> p.setObject(1, time((LocalTime) v))),
      new Setter("setObject(Instant)", (t, v) -> v != null && t.family() == Family.INSTANT,
          (p, t, v) -> p.setObject(1, ((OffsetDateTime) v).toInstant())),
      new Setter("setObject(ZonedDateTime)", (t, v) -> v != null && t.family() == Family.INSTANT,
          (p, t, v) -> p.setObject(1, ((OffsetDateTime) v).toZonedDateTime())),
      new Setter("setObject(LocalDateTime)", (t, v) -> v != null && t.family() == Family.DATE,
          (p, t, v) -> p.setObject(1, ((LocalDate) v).atStartOfDay())),
      new Setter("setCharacterStream", (t, v) -> v != null && t.family().text(),
          (p, t, v) -> p.setCharacterStream(1, new StringReader((String) v))),
      new Setter("setCharacterStream(length)", (t, v) -> v != null && t.family().text(),
          (p, t, v) -> p.setCharacterStream(1, new StringReader((String) v), ((String) v).length())),
      new Setter("setAsciiStream", (t, v) -> ascii(v) && t.family().text(),
          (p, t, v) -> p.setAsciiStream(1, new ByteArrayInputStream(utf8(v)))),
      new Setter("setAsciiStream(length)", (t, v) -> ascii(v) && t.family().text(),
          (p, t, v) -> p.setAsciiStream(1, new ByteArrayInputStream(utf8(v)), utf8(v).length)),
      new Setter("setBinaryStream", (t, v) -> v != null && t.family().binary(),
          (p, t, v) -> p.setBinaryStream(1, new ByteArrayInputStream((byte[]) v))),
      new Setter("setBinaryStream(length)", (t, v) -> v != null && t.family().binary(),
          (p, t, v) -> p.setBinaryStream(1, new ByteArrayInputStream((byte[]) v), (long) ((byte[]) v).length)),
      new Setter("setClob", (t, v) -> v != null && t.family().text(),
          (p, t, v) -> p.setClob(1, new SerialClob(((String) v).toCharArray()))),
      new Setter("setClob(Reader)", (t, v) -> v != null && t.family() == Family.CLOB,
          (p, t, v) -> p.setClob(1, new StringReader((String) v))),
      new Setter("setBlob", (t, v) -> v != null && t.family().binary(),
          (p, t, v) -> p.setBlob(1, new SerialBlob((byte[]) v))),
      new Setter("setBlob(InputStream)", (t, v) -> v != null && t.family() == Family.BLOB,
          (p, t, v) -> p.setBlob(1, new ByteArrayInputStream((byte[]) v))));
}
