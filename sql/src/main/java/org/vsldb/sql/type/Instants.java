package org.vsldb.sql.type;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import org.apache.calcite.linq4j.function.Strict;

/**
 * TIMESTAMP WITH LOCAL TIME ZONE values: instants, kept as a {@code Long} of milliseconds since
 * 1970-01-01T00:00Z, as Calcite's runtime keeps them. A value without a zone or offset (a
 * {@link LocalDateTime}, or text without an offset) is a wall-clock time in the session's time
 * zone, which is the JVM's default zone.
 */
public final class Instants {
  private Instants() {}

  /**
   * Text as H2, ISO 8601 and Calcite write it: a date, optionally a time, then optionally an
   * offset ({@code +05:30}, {@code Z}) or a zone ({@code UTC}, {@code Europe/Paris}).
   */
  private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().appendOffset("+HH:mm", "Z").optionalEnd()
      .optionalStart().appendLiteral(' ').appendZoneRegionId().optionalEnd()
      .optionalEnd()
      .toFormatter();

  /** The session's time zone. */
  public static ZoneId sessionZone() {
    return ZoneId.systemDefault();
  }

  /**
   * A value as milliseconds since the epoch: instants and values with an offset or zone as they
   * are, {@link java.util.Date} (and so {@link java.sql.Timestamp}) by its instant, local values
   * and text without an offset in the session's zone.
   *
   * @throws java.time.format.DateTimeParseException for text that is no timestamp
   */
  public static long toEpochMillis(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (v instanceof OffsetDateTime o) {
      return o.toInstant().toEpochMilli();
    }
    if (v instanceof ZonedDateTime z) {
      return z.toInstant().toEpochMilli();
    }
    if (v instanceof java.util.Date d) {
      return d.getTime();
    }
    if (v instanceof LocalDateTime t) {
      return t.atZone(sessionZone()).toInstant().toEpochMilli();
    }
    if (v instanceof LocalDate d) {
      return d.atStartOfDay(sessionZone()).toInstant().toEpochMilli();
    }
    TemporalAccessor t = TEXT.parseBest(v.toString().trim(), ZonedDateTime::from, OffsetDateTime::from,
        LocalDateTime::from, LocalDate::from);
    return toEpochMillis(t);
  }

  /**
   * Text as the TIMESTAMP WITH LOCAL TIME ZONE runtime value it names (see {@link #toEpochMillis}:
   * an offset or zone as given, none the session zone). Called by the code Calcite generates for a
   * cast from text (see {@code LocalTimeZoneCasts}).
   *
   * @throws IllegalArgumentException for text that is no timestamp, naming it
   */
  @Strict
  public static long textToInstant(String text) {
    try {
      return toEpochMillis(text);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("Invalid TIMESTAMP WITH LOCAL TIME ZONE value '" + text + "'", e);
    }
  }

  /** A runtime value as an {@link Instant}. */
  public static Instant instant(long millis) {
    return Instant.ofEpochMilli(millis);
  }

  /** A runtime value as an {@link OffsetDateTime} at the session zone's offset for that instant. */
  public static OffsetDateTime offsetDateTime(long millis) {
    return OffsetDateTime.ofInstant(instant(millis), sessionZone());
  }

  /**
   * A TIMESTAMP runtime value as the instant it names in the session zone. Called by the code
   * Calcite generates for a cast (see {@code LocalTimeZoneCasts}).
   */
  @Strict
  public static long localToInstant(long localMillis) {
    return Values.localDateTime(localMillis).atZone(sessionZone()).toInstant().toEpochMilli();
  }

  /** An instant as the session zone's wall-clock TIMESTAMP runtime value; called by generated code. */
  @Strict
  public static long instantToLocal(long instantMillis) {
    return instantMillis + sessionZone().getRules().getOffset(instant(instantMillis)).getTotalSeconds() * 1000L;
  }
}
