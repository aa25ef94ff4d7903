package org.vsldb.sql.plan;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The canonical text of a DATE, TIME or TIMESTAMP literal that {@link AdHocDigest} may replace by
 * a parameter: {@code yyyy-MM-dd}, {@code HH:mm:ss} and {@code yyyy-MM-dd HH:mm:ss}, each time
 * with an optional fraction of one to three digits, a valid date of the years 1600 to 9999 and a
 * time of 00:00:00 to 23:59:59.999. Anything else (other widths, spaces, an offset, more digits
 * of a second, the Julian calendar's years before 1600) reads as null, and the literal stays in
 * the text, where Calcite reads it (and reports its errors) as before.
 */
final class Datetimes {
  private Datetimes() {}

  /** The date {@code s} names, or null when it is not canonical. */
  static LocalDate date(String s) {
    return s.length() == 10 ? date(s, 0) : null;
  }

  /** The time of day {@code s} names, or null when it is not canonical. */
  static LocalTime time(String s) {
    return time(s, 0);
  }

  /** The date and time {@code s} names, or null when it is not canonical. */
  static LocalDateTime timestamp(String s) {
    if (s.length() < 19 || s.charAt(10) != ' ') {
      return null;
    }
    LocalDate d = date(s, 0);
    LocalTime t = d == null ? null : time(s, 11);
    return t == null ? null : LocalDateTime.of(d, t);
  }

  /** The digits after the point of a canonical TIME or TIMESTAMP text: its precision. */
  static int fractionDigits(String s) {
    int point = s.lastIndexOf('.');
    return point < 0 ? 0 : s.length() - point - 1;
  }

  private static LocalDate date(String s, int at) {
    if (s.length() < at + 10 || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-') {
      return null;
    }
    int y = digits(s, at, 4);
    int m = digits(s, at + 5, 2);
    int d = digits(s, at + 8, 2);
    if (y < 1600 || m < 0 || d < 0) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static LocalTime time(String s, int at) {
    int len = s.length() - at;
    if (len != 8 && (len < 10 || len > 12) || s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':') {
      return null;
    }
    int h = digits(s, at, 2);
    int m = digits(s, at + 3, 2);
    int sec = digits(s, at + 6, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) {
      return null;
    }
    int nanos = 0;
    if (len > 8) {
      if (s.charAt(at + 8) != '.') {
        return null;
      }
      int f = digits(s, at + 9, len - 9);
      if (f < 0) {
        return null;
      }
      nanos = f * (len == 10 ? 100_000_000 : len == 11 ? 10_000_000 : 1_000_000);
    }
    return LocalTime.of(h, m, sec, nanos);
  }

  /** The value of {@code count} decimal digits at {@code at}, or -1 if any is not a digit. */
  private static int digits(String s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
