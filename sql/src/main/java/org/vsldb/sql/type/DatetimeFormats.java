package org.vsldb.sql.type;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * H2's {@code FORMATDATETIME} and {@code PARSEDATETIME}: run-time values to text and back with a
 * {@link DateTimeFormatter} pattern, an optional locale ({@code 'en'}, {@code 'de-CH'}) and an
 * optional time zone (docs/SQL.md, "Functions beyond standard SQL"). Called by the code Calcite
 * generates (see {@code DatetimeFunctions}); each method takes the run-time representation of one
 * type and is NULL when any argument is.
 */
public final class DatetimeFormats {
  private DatetimeFormats() {}

  /** A DATE (days since 1970-01-01), formatted at midnight. */
  public static String formatDate(Integer days, String pattern, String locale, String zone) {
    return days == null ? null : format(Values.localDate(days).atStartOfDay(), pattern, locale, zone);
  }

  /** A TIME (milliseconds of the day), formatted on 1970-01-01. */
  public static String formatTime(Integer millis, String pattern, String locale, String zone) {
    return millis == null ? null
        : format(LocalDate.EPOCH.atTime(Values.localTime(millis)), pattern, locale, zone);
  }

  /** A TIMESTAMP (a wall-clock time), read in the zone given, else the session's. */
  public static String formatTimestamp(Long millis, String pattern, String locale, String zone) {
    return millis == null ? null : format(Values.localDateTime(millis), pattern, locale, zone);
  }

  /** An instant (TIMESTAMP WITH [LOCAL] TIME ZONE), in the zone given, else the session's. */
  public static String formatInstant(Long millis, String pattern, String locale, String zone) {
    if (millis == null || pattern == null) {
      return null;
    }
    return formatter(pattern, locale).format(Instant.ofEpochMilli(millis).atZone(zone(zone)));
  }

  private static String format(LocalDateTime local, String pattern, String locale, String zone) {
    if (pattern == null) {
      return null;
    }
    return formatter(pattern, locale).format(local.atZone(zone(zone)));
  }

  /**
   * Text read with a pattern, as the instant it names: fields the pattern lacks are those of
   * 1970-01-01 00:00:00, and without an offset or zone in the text the time is in the zone given,
   * else the session's.
   *
   * @throws IllegalArgumentException when the text does not match the pattern, naming both
   */
  public static Long parse(String text, String pattern, String locale, String zone) {
    if (text == null || pattern == null) {
      return null;
    }
    ZoneId z = zone(zone);
    TemporalAccessor t;
    try {
      t = formatter(pattern, locale).parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "Invalid datetime '" + text + "' for the pattern '" + pattern + "': " + e.getMessage(), e);
    }
    LocalDate date = t.query(TemporalQueries.localDate());
    if (date == null) {
      int year = t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR)
          : t.isSupported(ChronoField.YEAR_OF_ERA) ? t.get(ChronoField.YEAR_OF_ERA) : 1970;
      int month = t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1;
      int day = t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1;
      date = LocalDate.of(year, month, day);
    }
    LocalTime time = t.query(TemporalQueries.localTime());
    if (time == null) {
      time = LocalTime.MIDNIGHT;
    }
    ZoneId parsed = t.query(TemporalQueries.zone());
    return ZonedDateTime.of(date, time, parsed != null ? parsed : z).toInstant().toEpochMilli();
  }

  private static DateTimeFormatter formatter(String pattern, String locale) {
    try {
      return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(
          locale == null ? Locale.getDefault(Locale.Category.FORMAT) : Locale.forLanguageTag(locale.replace('_', '-')));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid datetime pattern '" + pattern + "': " + e.getMessage(), e);
    }
  }

  /** The zone named; the session's for none (the argument left out, or NULL). */
  private static ZoneId zone(String zone) {
    if (zone == null) {
      return Instants.sessionZone();
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Invalid datetime time zone '" + zone + "': " + e.getMessage(), e);
    }
  }
}
