package org.vsldb.sql.copy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.type.Instants;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.table.Bytes;

/**
 * The text of each value in a COPY file, written and read losslessly (docs/SQL.md, "COPY"):
 * numbers as Java prints them ({@code NaN}, {@code Infinity}, {@code -Infinity} for floats,
 * DECIMAL in plain notation with its scale), {@code true}/{@code false}, dates and times in ISO
 * 8601 ({@code 2024-01-02}, {@code 03:04:05.678}, {@code 2024-01-02 03:04:05.678}; years outside
 * 0000-9999 with a sign, as {@code +10000-01-01}), TIMESTAMP WITH LOCAL TIME ZONE with the
 * session zone's offset ({@code 2024-01-02 03:04:05.678+02:00}), and binary strings as
 * {@code \x} and lowercase hex digits, as PostgreSQL writes {@code bytea}.
 *
 * <p>Values are in the runtime representation ({@link Values}); binary values may be
 * {@link Bytes} (stored) or {@link ByteString} (computed by a query).
 */
final class ValueText {
  private static final HexFormat HEX = HexFormat.of();

  private ValueText() {}

  /** The text of a non-null value of type {@code type}. */
  static String format(Object v, SqlTypeName type) {
    switch (type) {
      case DATE:
        return DateTimeText.date(new StringBuilder(10), ((Number) v).intValue()).toString();
      case TIME:
        return DateTimeText.time(new StringBuilder(12), ((Number) v).intValue()).toString();
      case TIMESTAMP:
        return DateTimeText.timestamp(new StringBuilder(23), ((Number) v).longValue()).toString();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
        long millis = ((Number) v).longValue();
        ZoneOffset offset = Instants.sessionZone().getRules().getOffset(Instants.instant(millis));
        StringBuilder b = DateTimeText.timestamp(new StringBuilder(29), millis + offset.getTotalSeconds() * 1000L);
        return b.append(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId()).toString();
      }
      case DECIMAL:
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
      case BINARY:
      case VARBINARY:
        return "\\x" + HEX.formatHex(bytes(v));
      default:
        return v.toString();
    }
  }

  private static byte[] bytes(Object v) {
    if (v instanceof Bytes b) {
      return b.toByteArray();
    }
    if (v instanceof ByteString b) {
      return b.getBytes();
    }
    return (byte[]) v;
  }

  /**
   * The value of type {@code type} that {@code s} writes (never null).
   *
   * @throws SQLException 22018 for a bad number, boolean or binary string, 22007 for a bad date or
   *     time, 22003 for an integer out of its type's range
   */
  static Object parse(String s, SqlTypeName type) throws SQLException {
    try {
      return switch (type) {
        case BOOLEAN -> bool(s);
        case TINYINT -> (byte) integer(s, Byte.MIN_VALUE, Byte.MAX_VALUE, type);
        case SMALLINT -> (short) integer(s, Short.MIN_VALUE, Short.MAX_VALUE, type);
        case INTEGER -> (int) integer(s, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
        case BIGINT -> integer(s, Long.MIN_VALUE, Long.MAX_VALUE, type);
        case REAL -> Float.parseFloat(floatText(s));
        case FLOAT, DOUBLE -> Double.parseDouble(floatText(s));
        case DECIMAL -> new BigDecimal(s.strip());
        case DATE -> (int) epochDay(s.strip());
        case TIME -> millisOfDay(s.strip());
        case TIMESTAMP -> localMillis(s.strip(), type);
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> instantMillis(s.strip());
        case BINARY, VARBINARY -> binary(s);
        case UUID -> org.vsldb.sql.type.UuidValues.parse(s.strip());
        default -> s;
      };
    } catch (NumberFormatException e) {
      throw ErrorCode.INVALID_CAST.exception(e, "'" + shown(s) + "' to " + type);
    } catch (DateTimeException e) {
      throw ErrorCode.INVALID_DATETIME.exception(e, "'" + shown(s) + "' for " + type);
    }
  }

  private static String shown(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }

  private static Boolean bool(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
      case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
      default -> throw new NumberFormatException("not a boolean");
    };
  }

  private static long integer(String s, long min, long max, SqlTypeName type) throws SQLException {
    long v = Long.parseLong(s.strip());
    if (v < min || v > max) {
      throw ErrorCode.NUMERIC_OUT_OF_RANGE.exception(s + " for " + type);
    }
    return v;
  }

  /** PostgreSQL's spellings of the special values, as Java reads them. */
  private static String floatText(String s) {
    String t = s.strip();
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "nan" -> "NaN";
      case "inf", "infinity", "+inf", "+infinity" -> "Infinity";
      case "-inf", "-infinity" -> "-Infinity";
      default -> t;
    };
  }

  /** Where the time of a date-time text starts: after the 'T' or space that ends the date. */
  private static int timeStart(String s) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'T' || c == 't' || c == ' ') {
        return i;
      }
    }
    return -1;
  }

  private static long localMillis(String s, SqlTypeName type) {
    int t = timeStart(s);
    return t < 0
        ? epochDay(s) * 86_400_000L
        : epochDay(s.substring(0, t)) * 86_400_000L + millisOfDay(s.substring(t + 1).strip());
  }

  /** An ISO date's day number: {@code yyyy-MM-dd} read directly, other forms by {@link LocalDate}. */
  private static long epochDay(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 2);
      int d = digits(s, 8, 2);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 28) {
        return LocalDate.of(y, m, d).toEpochDay();
      }
    }
    return LocalDate.parse(s).toEpochDay(); // signed or long years, month ends, and the errors
  }

  /**
   * An ISO time's milliseconds: {@code HH:mm:ss} and {@code HH:mm:ss.SSS} read directly, other
   * forms by {@link LocalTime} (digits beyond the millisecond are cut).
   */
  private static int millisOfDay(String s) {
    int n = s.length();
    if ((n == 8 || n == 12) && s.charAt(2) == ':' && s.charAt(5) == ':' && (n == 8 || s.charAt(8) == '.')) {
      int h = digits(s, 0, 2);
      int m = digits(s, 3, 2);
      int sec = digits(s, 6, 2);
      int ms = n == 12 ? digits(s, 9, 3) : 0;
      if (h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 60 && ms >= 0) {
        return ((h * 60 + m) * 60 + sec) * 1000 + ms;
      }
    }
    return (int) (LocalTime.parse(s).toNanoOfDay() / 1_000_000);
  }

  /** The number the {@code count} ASCII digits at {@code from} write, or -1. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * A TIMESTAMP WITH LOCAL TIME ZONE: a date and time with an offset ({@code Z}, {@code +02},
   * {@code +02:00}, {@code +0200}, {@code +00:09:21}), a zone ({@code UTC}, {@code Europe/Paris}),
   * or neither (the session zone).
   */
  private static long instantMillis(String s) {
    int t = timeStart(s);
    if (t < 0) {
      return Instants.toEpochMillis(s);
    }
    String rest = s.substring(t + 1);
    int z = 0;
    while (z < rest.length() && (Character.isDigit(rest.charAt(z)) || rest.charAt(z) == ':' || rest.charAt(z) == '.')) {
      z++;
    }
    String zone = rest.substring(z).strip();
    long local = epochDay(s.substring(0, t)) * 86_400_000L + millisOfDay(rest.substring(0, z));
    if (zone.isEmpty()) {
      return Values.localDateTime(local).atZone(Instants.sessionZone()).toInstant().toEpochMilli();
    }
    if (zone.charAt(0) == '+' || zone.charAt(0) == '-' || zone.equalsIgnoreCase("z")) {
      return local - ZoneOffset.of(zone.toUpperCase(Locale.ROOT)).getTotalSeconds() * 1000L;
    }
    return Values.localDateTime(local).atZone(java.time.ZoneId.of(zone)).toInstant().toEpochMilli();
  }

  private static Bytes binary(String s) {
    if (!s.startsWith("\\x")) {
      throw new NumberFormatException("a binary value is written \\x and hex digits");
    }
    try {
      return Bytes.wrap(HEX.parseHex(s, 2, s.length()));
    } catch (IllegalArgumentException e) {
      throw new NumberFormatException("a binary value is written \\x and an even number of hex digits");
    }
  }
}
