package org.vsldb.sql.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.ColumnDef;

/**
 * Conversions between the values JDBC programs pass and read, and the runtime representation that
 * Calcite's generated code and the store use: DATE as an {@code Integer} of days since 1970-01-01,
 * TIME as an {@code Integer} of milliseconds since midnight, TIMESTAMP as a {@code Long} of
 * milliseconds since 1970-01-01T00:00, all without a time zone; TIMESTAMP WITH LOCAL TIME ZONE as a
 * {@code Long} of milliseconds since 1970-01-01T00:00Z ({@link Instants}); BINARY and VARBINARY
 * as {@code ByteString} ({@link BinaryValues}).
 */
public final class Values {
  private Values() {}

  private static final long MS_PER_DAY = 86_400_000L;

  /** Whether {@code v} is already of the runtime class {@link #toInternal} gives values of {@code target}. */
  private static boolean isInternal(Object v, SqlTypeName target) {
    return switch (target) {
      case TINYINT -> v instanceof Byte;
      case SMALLINT -> v instanceof Short;
      case INTEGER -> v instanceof Integer;
      case BIGINT, TIMESTAMP -> v instanceof Long;
      case REAL -> v instanceof Float;
      case FLOAT, DOUBLE -> v instanceof Double;
      case CHAR, VARCHAR -> v instanceof String;
      case UUID -> v instanceof java.util.UUID;
      default -> false;
    };
  }

  /**
   * The runtime value of a parameter or literal for an expression of type {@code target}.
   *
   * @throws SQLException 22018 or 22007 when the value cannot be converted
   */
  public static Object toInternal(Object v, SqlTypeName target) throws SQLException {
    if (v == null) {
      return null;
    }
    if (isInternal(v, target)) {
      return v; // already the runtime representation: not boxed again
    }
    try {
      return switch (target) {
        case BOOLEAN -> toBoolean(v);
        case TINYINT -> (byte) exactLong(v, Byte.MIN_VALUE, Byte.MAX_VALUE);
        case SMALLINT -> (short) exactLong(v, Short.MIN_VALUE, Short.MAX_VALUE);
        case INTEGER -> (int) exactLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        case BIGINT -> exactLong(v, Long.MIN_VALUE, Long.MAX_VALUE);
        case REAL -> v instanceof Number n ? n.floatValue()
            : v instanceof Boolean b ? (b ? 1f : 0f) : Float.parseFloat(v.toString().trim());
        case FLOAT, DOUBLE -> v instanceof Number n ? n.doubleValue()
            : v instanceof Boolean b ? (b ? 1d : 0d) : Double.parseDouble(v.toString().trim());
        case DECIMAL -> v instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO) : toBigDecimal(v);
        case CHAR, VARCHAR -> v instanceof byte[] ? v : text(v);
        case DATE -> toDays(v);
        case TIME -> toMillisOfDay(v);
        case TIMESTAMP -> toTimestampMillis(v);
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instants.toEpochMillis(v);
        case BINARY, VARBINARY -> BinaryValues.toByteString(v);
        case UUID -> UuidValues.toUuid(v);
        default -> v;
      };
    } catch (NumberFormatException e) {
      throw ErrorCode.INVALID_CAST.exception(e, "'" + v + "' to " + target);
    } catch (DateTimeParseException e) {
      throw ErrorCode.INVALID_DATETIME.exception(e, "'" + v + "' for " + target);
    }
  }

  /**
   * A value as text, as getString writes its type and H2 converts it: a boolean as TRUE or FALSE,
   * a date-time with a space before the time and the time as HH:mm:ss with milliseconds if any.
   */
  private static String text(Object v) {
    if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (v instanceof LocalTime t) {
      return time(t);
    }
    if (v instanceof LocalDateTime t) {
      return t.toLocalDate() + " " + time(t.toLocalTime());
    }
    if (v instanceof OffsetDateTime o) {
      return o.toLocalDate() + " " + time(o.toLocalTime()) + o.getOffset();
    }
    return v.toString();
  }

  private static String time(LocalTime t) {
    String s = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int ms = t.getNano() / 1_000_000;
    return ms == 0 ? s : s + String.format(".%03d", ms).replaceAll("0+$", "");
  }

  /**
   * A value as a boolean, as H2 converts one: a Boolean; a number (non-zero is true); or the text
   * {@code true}, {@code t}, {@code yes}, {@code y}, {@code false}, {@code f}, {@code no},
   * {@code n} (in any case), or a number.
   *
   * @throws NumberFormatException for anything else
   */
  public static Boolean toBoolean(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() != 0;
    }
    String s = v.toString().trim();
    switch (s.toUpperCase(java.util.Locale.ROOT)) {
      case "TRUE", "T", "YES", "Y" -> {
        return true;
      }
      case "FALSE", "F", "NO", "N" -> {
        return false;
      }
      default -> {
        try {
          return new BigDecimal(s).signum() != 0;
        } catch (NumberFormatException e) {
          throw new NumberFormatException("not a boolean: " + s);
        }
      }
    }
  }

  private static long exactLong(Object v, long min, long max) throws SQLException {
    long r;
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
      r = ((Number) v).longValue();
    } else if (v instanceof Boolean b) {
      r = b ? 1 : 0;
    } else if (v instanceof Double || v instanceof Float) {
      // Half up, as H2 (Math.round), and as the JDBC getters read a float as a whole number.
      double d = Math.floor(((Number) v).doubleValue() + 0.5);
      if (Double.isNaN(d) || d < min || d > max) {
        throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(v);
      }
      r = (long) d;
    } else {
      BigDecimal d = toBigDecimal(v).setScale(0, RoundingMode.HALF_UP);
      if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(v);
      }
      r = d.longValue();
    }
    if (r < min || r > max) {
      throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(v);
    }
    return r;
  }

  private static BigDecimal toBigDecimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Number n) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return new BigDecimal(v.toString().trim());
  }

  private static int toDays(Object v) {
    if (v instanceof java.sql.Date d) {
      return (int) d.toLocalDate().toEpochDay();
    }
    if (v instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (v instanceof java.sql.Timestamp t) {
      return (int) t.toLocalDateTime().toLocalDate().toEpochDay();
    }
    if (v instanceof LocalDateTime t) {
      return (int) t.toLocalDate().toEpochDay();
    }
    if (v instanceof java.util.Date d) {
      return (int) Math.floorDiv(localMillis(d), MS_PER_DAY);
    }
    if (v instanceof Integer i) {
      return i;
    }
    return (int) LocalDate.parse(v.toString().trim()).toEpochDay();
  }

  private static int toMillisOfDay(Object v) {
    if (v instanceof java.sql.Time t) {
      return (int) Math.floorMod(localMillis(t), MS_PER_DAY);
    }
    if (v instanceof LocalTime t) {
      return (int) (t.toNanoOfDay() / 1_000_000);
    }
    if (v instanceof Integer i) {
      return i;
    }
    return (int) (LocalTime.parse(v.toString().trim()).toNanoOfDay() / 1_000_000);
  }

  /**
   * 1900-01-01T00:00Z: from here on java.util.Date's calendar is the proleptic Gregorian one
   * java.time uses, so a Timestamp's local time is its instant plus the zone's offset.
   */
  private static final long GREGORIAN_ONLY = -2_208_988_800_000L;

  /** 1973-01-01T00:00Z: from here on every zone of the tz database is a whole number of minutes from UTC. */
  private static final long WHOLE_MINUTE_OFFSETS = 94_694_400_000L;

  private static long toTimestampMillis(Object v) {
    LocalDateTime ldt;
    if (v instanceof java.sql.Timestamp t) {
      long utc = t.getTime();
      if (utc >= WHOLE_MINUTE_OFFSETS) {
        // Date.getTimezoneOffset reads the default zone without copying it (getDefault() clones
        // it on every call); it counts whole minutes, exact for every tz-database zone from 1973.
        @SuppressWarnings("deprecation")
        int minutesWest = t.getTimezoneOffset();
        return utc - minutesWest * 60_000L;
      }
      if (utc >= GREGORIAN_ONLY) {
        // the wall-clock fields toLocalDateTime() reads, without making them (same zone, same instant)
        return utc + java.util.TimeZone.getDefault().getOffset(utc);
      }
      ldt = t.toLocalDateTime();
    } else if (v instanceof LocalDateTime t) {
      ldt = t;
    } else if (v instanceof java.sql.Date d) {
      ldt = d.toLocalDate().atStartOfDay();
    } else if (v instanceof LocalDate d) {
      ldt = d.atStartOfDay();
    } else if (v instanceof OffsetDateTime o) {
      ldt = o.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
    } else if (v instanceof ZonedDateTime z) {
      ldt = z.withZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
    } else if (v instanceof Instant i) {
      ldt = LocalDateTime.ofInstant(i, java.time.ZoneId.systemDefault());
    } else if (v instanceof java.util.Date d) {
      return localMillis(d);
    } else if (v instanceof Long l) {
      return l;
    } else {
      String s = v.toString().trim().replace(' ', 'T');
      try {
        ldt = s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
      } catch (DateTimeParseException e) {
        // Text with an offset or zone names an instant: its wall-clock time in the session zone, as in H2.
        return Instants.instantToLocal(Instants.toEpochMillis(v.toString()));
      }
    }
    return ldt.toEpochSecond(ZoneOffset.UTC) * 1000 + ldt.getNano() / 1_000_000;
  }

  private static long localMillis(java.util.Date d) {
    Calendar c = Calendar.getInstance();
    c.setTime(d);
    return d.getTime() + c.get(Calendar.ZONE_OFFSET) + c.get(Calendar.DST_OFFSET);
  }

  /** A DATE runtime value as a {@link LocalDate}. */
  public static LocalDate localDate(int days) {
    return LocalDate.ofEpochDay(days);
  }

  /** A TIME runtime value as a {@link LocalTime}. */
  public static LocalTime localTime(int millis) {
    return LocalTime.ofNanoOfDay(Math.floorMod(millis, MS_PER_DAY) * 1_000_000L);
  }

  /** A TIMESTAMP runtime value as a {@link LocalDateTime}. */
  public static LocalDateTime localDateTime(long millis) {
    long secs = Math.floorDiv(millis, 1000L);
    int nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
    return LocalDateTime.ofEpochSecond(secs, nanos, ZoneOffset.UTC);
  }

  /**
   * A value to be stored in {@code column}, converted to the column's representation in the store
   * and checked against its declared length, precision and scale. Binary values become
   * {@link org.vsldb.storage.table.Bytes}; every other type keeps its runtime representation.
   *
   * @throws SQLException 22001 (too long) or 22003 (out of range)
   */
  public static Object forColumn(Object v, ColumnDef column, String table) throws SQLException {
    if (v == null) {
      return null;
    }
    Object r = toInternal(v, TypeMapping.sqlTypeName(column.type()));
    switch (column.type()) {
      case DECIMAL -> {
        BigDecimal d = (BigDecimal) r;
        if (column.scale() >= 0) {
          d = d.setScale(column.scale(), RoundingMode.HALF_UP);
        }
        if (column.precision() > 0 && d.precision() - d.scale() > column.precision() - Math.max(0, column.scale())
            && d.signum() != 0) {
          throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(
              d.toPlainString() + " for column " + table + "." + column.name()
                  + " DECIMAL(" + column.precision() + ", " + column.scale() + ")");
        }
        return d;
      }
      case BINARY, VARBINARY -> {
        return BinaryValues.forColumn(r, column, table);
      }
      case CHAR, VARCHAR -> {
        String s = (String) r;
        int max = column.precision();
        if (max >= 0) {
          int len = s.length(); // UTF-16 code units, as H2 and Calcite count them
          if (len > max) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            throw ErrorCode.VALUE_TOO_LONG.exception(
                table + "." + column.name() + " " + column.type() + "(" + max + ")",
                "'" + shown + "' (" + len + " UTF-16 code units)");
          }
          if (column.type() == org.vsldb.storage.table.ColumnType.CHAR && len < max) {
            s = s + " ".repeat(max - len);
          }
        }
        return s;
      }
      default -> {
        return r;
      }
    }
  }
}
