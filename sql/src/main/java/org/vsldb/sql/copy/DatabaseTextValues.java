package org.vsldb.sql.copy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HexFormat;
import org.vsldb.storage.table.Bytes;
import org.vsldb.storage.table.ColumnType;

/**
 * The literal text of a stored value in {@code database.txt} ({@code docs/FORMATS.md}, "The text
 * copy", table "Values"): SQL literals that a person can read and that parse back to exactly the
 * stored value. The reading side is {@link DatabaseTextLexer#literal}.
 */
final class DatabaseTextValues {
  private static final HexFormat HEX = HexFormat.of();

  private DatabaseTextValues() {}

  /** Appends the literal of {@code v} (in the store's representation for {@code type}). */
  static void append(StringBuilder out, ColumnType type, Object v) {
    if (v == null) {
      out.append("NULL");
      return;
    }
    switch (type) {
      case BOOLEAN -> out.append((Boolean) v ? "TRUE" : "FALSE");
      case TINYINT, SMALLINT, INTEGER, BIGINT -> out.append(((Number) v).longValue());
      case REAL -> approximate(out, ((Float) v).doubleValue(), Float.toString((Float) v), "REAL");
      case DOUBLE -> approximate(out, (Double) v, Double.toString((Double) v), "DOUBLE");
      case DECIMAL -> out.append(((BigDecimal) v).toPlainString());
      case CHAR, VARCHAR -> string(out, (String) v);
      case BINARY, VARBINARY -> out.append("X'").append(HEX.formatHex(((Bytes) v).toByteArray())).append('\'');
      case DATE -> date(out.append("DATE '"), (Integer) v).append('\'');
      case TIME -> time(out.append("TIME '"), (Integer) v).append('\'');
      case TIMESTAMP -> timestamp(out.append("TIMESTAMP '"), (Long) v).append('\'');
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          timestamp(out.append("TIMESTAMP WITH LOCAL TIME ZONE '"), (Long) v).append('\'');
    }
  }

  private static void approximate(StringBuilder out, double d, String text, String sqlType) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("CAST('").append(text).append("' AS ").append(sqlType).append(')');
    } else {
      out.append(text);
    }
  }

  /**
   * A character string: {@code 'text'} with quotes doubled, or, when it holds characters an editor
   * would hide or a UTF-8 file cannot carry (control characters, line and paragraph separators,
   * unpaired surrogates), {@code U&'text'} with those written as {@code \XXXX} and backslashes
   * doubled.
   */
  static void string(StringBuilder out, String s) {
    boolean escape = false;
    for (int i = 0; i < s.length() && !escape; i++) {
      escape = needsEscape(s, i);
    }
    out.append(escape ? "U&'" : "'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        out.append("''");
      } else if (escape && c == '\\') {
        out.append("\\\\");
      } else if (escape && needsEscape(s, i)) {
        out.append('\\').append(HEX.toHexDigits(c).toUpperCase());
      } else {
        out.append(c);
      }
    }
    out.append('\'');
  }

  private static boolean needsEscape(String s, int i) {
    char c = s.charAt(i);
    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** Appends {@code HH:mm:ss} or {@code HH:mm:ss.SSS} of milliseconds since midnight. */
  static StringBuilder time(StringBuilder out, int millisOfDay) {
    int seconds = millisOfDay / 1000;
    two(out, seconds / 3600).append(':');
    two(out, seconds / 60 % 60).append(':');
    two(out, seconds % 60);
    int millis = millisOfDay % 1000;
    if (millis != 0) {
      out.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
          .append((char) ('0' + millis % 10));
    }
    return out;
  }

  /** Appends {@code yyyy-MM-dd HH:mm:ss[.SSS]} of milliseconds since 1970-01-01T00:00 read as UTC. */
  static StringBuilder timestamp(StringBuilder out, long millis) {
    date(out, Math.floorDiv(millis, MILLIS_PER_DAY)).append(' ');
    return time(out, (int) Math.floorMod(millis, MILLIS_PER_DAY));
  }

  /** Appends ISO {@code yyyy-MM-dd} (years outside 0000-9999 as {@link LocalDate#toString} does). */
  static StringBuilder date(StringBuilder out, long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    int y = d.getYear();
    if (y < 0 || y > 9999) {
      return out.append(d);
    }
    two(two(out, y / 100), y % 100).append('-');
    two(out, d.getMonthValue()).append('-');
    return two(out, d.getDayOfMonth());
  }

  private static StringBuilder two(StringBuilder out, int v) {
    return out.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
