package org.vsldb.sql.copy;

import java.time.LocalDate;

/**
 * ISO 8601 text of stored dates and times, appended digit by digit (the writers of COPY and of
 * the text copy format millions of them): {@code yyyy-MM-dd}, {@code HH:mm:ss[.SSS]} and
 * {@code yyyy-MM-dd HH:mm:ss[.SSS]}. Years outside 0000-9999 are written as
 * {@link LocalDate#toString} does, with a sign.
 */
final class DateTimeText {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private DateTimeText() {}

  /** Appends the date {@code epochDay} days after 1970-01-01. */
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

  /** Appends the time of day {@code millisOfDay} milliseconds after midnight. */
  static StringBuilder time(StringBuilder out, int millisOfDay) {
    int ms = Math.floorMod(millisOfDay, (int) MILLIS_PER_DAY);
    two(out, ms / 3_600_000).append(':');
    two(out, ms / 60_000 % 60).append(':');
    two(out, ms / 1000 % 60);
    int frac = ms % 1000;
    if (frac != 0) {
      out.append('.').append((char) ('0' + frac / 100)).append((char) ('0' + frac / 10 % 10))
          .append((char) ('0' + frac % 10));
    }
    return out;
  }

  /** Appends the date and time {@code millis} milliseconds after 1970-01-01T00:00 (as UTC). */
  static StringBuilder timestamp(StringBuilder out, long millis) {
    date(out, Math.floorDiv(millis, MILLIS_PER_DAY)).append(' ');
    return time(out, (int) Math.floorMod(millis, MILLIS_PER_DAY));
  }

  private static StringBuilder two(StringBuilder out, int n) {
    return out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }
}
