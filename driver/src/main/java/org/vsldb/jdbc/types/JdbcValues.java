package org.vsldb.jdbc.types;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.type.Instants;
import org.vsldb.sql.type.Values;

/**
 * Converts result values from the runtime representation (see {@link Values}) to what the JDBC
 * getters return, per column type.
 */
public final class JdbcValues {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    org.vsldb.jdbc.PlannerPreload.await();
  }

  private JdbcValues() {}

  /** The value {@code ResultSet.getObject} returns for a column. */
  public static Object toObject(Object v, ColumnMeta c) {
    if (v == null) {
      return null;
    }
    return switch (c.type()) {
      case DATE -> java.sql.Date.valueOf(Values.localDate(((Number) v).intValue()));
      case TIME, TIME_WITH_LOCAL_TIME_ZONE -> time(((Number) v).intValue(), null);
      case TIMESTAMP -> java.sql.Timestamp.valueOf(Values.localDateTime(((Number) v).longValue()));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instants.offsetDateTime(((Number) v).longValue());
      case BINARY, VARBINARY -> binary(v);
      case DECIMAL -> decimal(v, c);
      case CHAR, VARCHAR -> v.toString();
      // JDBC 4.3 table B-3, as H2: TINYINT and SMALLINT are read as Integer.
      case TINYINT, SMALLINT, INTEGER -> v instanceof Integer ? v : ((Number) v).intValue();
      case BIGINT -> v instanceof Long ? v : ((Number) v).longValue();
      case DOUBLE, FLOAT -> v instanceof Double ? v : ((Number) v).doubleValue();
      case REAL -> v instanceof Float ? v : ((Number) v).floatValue();
      default -> v;
    };
  }

  private static BigDecimal decimal(Object v, ColumnMeta c) {
    BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    if (c.scale() > 0 && d.scale() != c.scale()) {
      d = d.setScale(c.scale(), RoundingMode.HALF_UP);
    }
    return d;
  }

  private static java.sql.Time time(int millis, Calendar cal) {
    LocalTime t = Values.localTime(millis);
    if (cal == null) {
      java.sql.Time r = java.sql.Time.valueOf(t);
      r.setTime(r.getTime() + millis % 1000);
      return r;
    }
    return new java.sql.Time(
        LocalDate.EPOCH.atTime(t).atZone(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  /** The string {@code getString} returns. */
  public static String toString(Object v, ColumnMeta c) {
    if (v == null) {
      return null;
    }
    return switch (c.type()) {
      case DATE -> Values.localDate(((Number) v).intValue()).toString();
      case TIME, TIME_WITH_LOCAL_TIME_ZONE -> formatTime(Values.localTime(((Number) v).intValue()));
      case TIMESTAMP -> {
        LocalDateTime t = Values.localDateTime(((Number) v).longValue());
        yield t.toLocalDate() + " " + formatTime(t.toLocalTime());
      }
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
        OffsetDateTime t = Instants.offsetDateTime(((Number) v).longValue());
        yield t.toLocalDate() + " " + formatTime(t.toLocalTime()) + formatOffset(t.getOffset());
      }
      // Bytes decode as UTF-8, as in H2 and in CAST(... AS VARCHAR).
      case BINARY, VARBINARY -> new String(binary(v), StandardCharsets.UTF_8);
      case DECIMAL -> decimal(v, c).toPlainString();
      case BOOLEAN -> v.toString().toUpperCase(java.util.Locale.ROOT);
      default -> v.toString();
    };
  }

  /** An offset as H2 writes it: +02, -05:30, +00 for UTC. */
  private static String formatOffset(ZoneOffset o) {
    int secs = o.getTotalSeconds();
    int abs = Math.abs(secs);
    String s = String.format("%s%02d", secs < 0 ? "-" : "+", abs / 3600);
    return abs % 3600 == 0 ? s : s + String.format(":%02d", abs % 3600 / 60);
  }

  /** A binary column's runtime value (a ByteString) as a fresh byte array. */
  private static byte[] binary(Object v) {
    return v instanceof ByteString b ? b.getBytes() : ((byte[]) v).clone();
  }

  /**
   * The bytes {@code getBytes} returns: a copy of a binary value, or the UTF-8 bytes of a character
   * string (as H2 gives for CHARACTER VARYING and CLOB).
   *
   * @throws SQLException 22018 for a value of another type
   */
  public static byte[] toBytes(Object v, ColumnMeta c) throws SQLException {
    if (v instanceof ByteString b) {
      return b.getBytes();
    }
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    if (v instanceof java.util.UUID u) {
      return org.vsldb.sql.type.BinaryValues.uuidBytes(u); // as H2: its 16 bytes
    }
    throw ErrorCode.INVALID_CAST.exception("value of column " + c.label() + " (" + c.typeName() + ") to byte[]");
  }

  /**
   * A date/time column's value as an instant: TIMESTAMP WITH LOCAL TIME ZONE is one; other values
   * are wall-clock times in the session's zone.
   */
  public static Instant toInstant(Object v, ColumnMeta c) throws SQLException {
    if (c.type() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return Instants.instant(((Number) v).longValue());
    }
    return toLocalDateTime(v, c).atZone(Instants.sessionZone()).toInstant();
  }

  private static String formatTime(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int ms = t.getNano() / 1_000_000;
    return ms == 0 ? s : s + String.format(".%03d", ms).replaceAll("0+$", "");
  }

  /** A number for the numeric getters, or an exception naming the value. */
  public static Number toNumber(Object v, ColumnMeta c) throws SQLException {
    if (v instanceof Number n) {
      return n;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw ErrorCode.INVALID_CAST.exception(e, "'" + v + "' of column " + c.label() + " to a number");
    }
  }

  /**
   * A value as a whole number within {@code min..max}, rounded as H2 rounds: a decimal half away
   * from zero, a floating-point number half up ({@link Math#round(double)}); so as vsl rounds a
   * parameter for an integer column.
   *
   * @throws SQLException 22003 outside the range, 22018 for text that is no number
   */
  public static long toLong(Object v, ColumnMeta c, long min, long max) throws SQLException {
    Number n = toNumber(v, c);
    long r;
    if (n instanceof BigDecimal d) {
      try {
        r = d.setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (ArithmeticException e) {
        throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(e, d.toPlainString());
      }
    } else if (n instanceof Double || n instanceof Float) {
      double rounded = Math.floor(n.doubleValue() + 0.5);
      if (Double.isNaN(rounded) || rounded < min || rounded > max) {
        throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(n);
      }
      r = (long) rounded;
    } else {
      r = n.longValue();
    }
    if (r < min || r > max) {
      throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(r);
    }
    return r;
  }

  /**
   * A value as a BigDecimal: a DECIMAL at its column's scale, a float by its shortest decimal text.
   *
   * @throws SQLException 22018 for NaN, an infinity, or text that is no number
   */
  public static BigDecimal toBigDecimal(Object v, ColumnMeta c) throws SQLException {
    Number n = toNumber(v, c);
    if (n instanceof BigDecimal d) {
      return c.type() == org.apache.calcite.sql.type.SqlTypeName.DECIMAL ? decimal(d, c) : d;
    }
    if (n instanceof Double || n instanceof Float) {
      if (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
        throw ErrorCode.INVALID_CAST.exception(n + " of column " + c.label() + " to a BigDecimal");
      }
      return new BigDecimal(n.toString());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  public static boolean toBoolean(Object v, ColumnMeta c) throws SQLException {
    try {
      return Values.toBoolean(v);
    } catch (NumberFormatException e) {
      throw ErrorCode.INVALID_CAST.exception(e, "'" + v + "' of column " + c.label() + " to BOOLEAN");
    }
  }

  /** A date/time column's value as a local date-time (DATE at midnight, TIME on 1970-01-01). */
  public static LocalDateTime toLocalDateTime(Object v, ColumnMeta c) throws SQLException {
    return switch (c.type()) {
      case DATE -> Values.localDate(((Number) v).intValue()).atStartOfDay();
      case TIME, TIME_WITH_LOCAL_TIME_ZONE -> LocalDate.EPOCH.atTime(Values.localTime(((Number) v).intValue()));
      case TIMESTAMP -> Values.localDateTime(((Number) v).longValue());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instants.offsetDateTime(((Number) v).longValue())
          .atZoneSameInstant(Instants.sessionZone()).toLocalDateTime();
      case CHAR, VARCHAR -> {
        String s = v.toString().trim().replace(' ', 'T');
        try {
          yield s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
          throw ErrorCode.INVALID_DATETIME.exception(e, "'" + v + "'");
        }
      }
      default -> throw ErrorCode.INVALID_CAST.exception(
          "value of column " + c.label() + " (" + c.typeName() + ") to a date/time");
    };
  }

  public static java.sql.Date toDate(Object v, ColumnMeta c, Calendar cal) throws SQLException {
    LocalDate d = toLocalDateTime(v, c).toLocalDate();
    if (cal == null) {
      return java.sql.Date.valueOf(d);
    }
    return new java.sql.Date(d.atStartOfDay(cal.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  public static java.sql.Time toTime(Object v, ColumnMeta c, Calendar cal) throws SQLException {
    LocalTime t = toLocalDateTime(v, c).toLocalTime();
    return time((int) (t.toNanoOfDay() / 1_000_000), cal);
  }

  public static java.sql.Timestamp toTimestamp(Object v, ColumnMeta c, Calendar cal)
      throws SQLException {
    if (c.type() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
      return java.sql.Timestamp.from(toInstant(v, c)); // an instant needs no calendar
    }
    LocalDateTime t = toLocalDateTime(v, c);
    if (cal == null) {
      return java.sql.Timestamp.valueOf(t);
    }
    return java.sql.Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
  }

  /**
   * A value as a UUID: 16 bytes of a binary column, most significant first (as H2 converts
   * binary to UUID), or the text of a character column in the form {@link java.util.UUID#toString}.
   *
   * @throws SQLException 22018 for another length, other text, or a column of another type
   */
  public static java.util.UUID uuid(Object v, ColumnMeta c) throws SQLException {
    if (v instanceof java.util.UUID u) {
      return u;
    }
    if (v instanceof ByteString || v instanceof byte[]) {
      byte[] b = binary(v);
      if (b.length != 16) {
        throw ErrorCode.INVALID_CAST.exception(
            "of " + b.length + " bytes in column " + c.label() + " to a UUID (it needs 16 bytes)");
      }
      return org.vsldb.storage.io.ValueCodec.uuid(b, 0);
    }
    if (v instanceof String s && s.trim().length() == 36) {
      try {
        return java.util.UUID.fromString(s.trim());
      } catch (IllegalArgumentException e) {
        throw ErrorCode.INVALID_CAST.exception(e, "'" + s + "' of column " + c.label() + " to a UUID");
      }
    }
    throw ErrorCode.INVALID_CAST.exception("'" + v + "' of column " + c.label() + " (" + c.typeName()
        + ") to a UUID");
  }

  /** {@code getObject(i, type)}. */
  @SuppressWarnings("unchecked")
  public static <T> T toType(Object v, ColumnMeta c, Class<T> type) throws SQLException {
    if (v == null) {
      return null;
    }
    Object r;
    if (type == String.class) {
      r = toString(v, c);
    } else if (type == Integer.class) {
      r = (int) toLong(v, c, Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (type == Long.class) {
      r = toLong(v, c, Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (type == Short.class) {
      r = (short) toLong(v, c, Short.MIN_VALUE, Short.MAX_VALUE);
    } else if (type == Byte.class) {
      r = (byte) toLong(v, c, Byte.MIN_VALUE, Byte.MAX_VALUE);
    } else if (type == Double.class) {
      r = toNumber(v, c).doubleValue();
    } else if (type == Float.class) {
      r = toNumber(v, c).floatValue();
    } else if (type == BigDecimal.class) {
      r = toBigDecimal(v, c);
    } else if (type == Boolean.class) {
      r = toBoolean(v, c);
    } else if (type == LocalDate.class) {
      r = toLocalDateTime(v, c).toLocalDate();
    } else if (type == LocalTime.class) {
      r = toLocalDateTime(v, c).toLocalTime();
    } else if (type == LocalDateTime.class) {
      r = toLocalDateTime(v, c);
    } else if (type == OffsetDateTime.class) {
      r = toInstant(v, c).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    } else if (type == ZonedDateTime.class) {
      r = toInstant(v, c).atZone(ZoneId.systemDefault());
    } else if (type == OffsetTime.class) {
      r = toLocalDateTime(v, c).atZone(ZoneId.systemDefault()).toOffsetDateTime().toOffsetTime();
    } else if (type == Instant.class) {
      r = toInstant(v, c);
    } else if (type == byte[].class) {
      r = toBytes(v, c);
    } else if (type == java.sql.Date.class) {
      r = toDate(v, c, null);
    } else if (type == java.sql.Time.class) {
      r = toTime(v, c, null);
    } else if (type == java.sql.Timestamp.class) {
      r = toTimestamp(v, c, null);
    } else if (type == java.util.UUID.class) {
      r = uuid(v, c);
    } else if (type == java.sql.Blob.class) {
      r = new MemoryBlob(toBytes(v, c));
    } else if (type == java.sql.Clob.class) {
      r = new MemoryClob(toString(v, c));
    } else if (type == Object.class) {
      r = toObject(v, c);
    } else {
      Object o = toObject(v, c);
      if (type.isInstance(o)) {
        r = o;
      } else {
        throw ErrorCode.INVALID_CAST.exception(
            "value of column " + c.label() + " (" + c.typeName() + ") to " + type.getName());
      }
    }
    return (T) r;
  }
}
