package org.vsldb.tck.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deliberate differences between vsl and H2 that {@link TypeRoundTripTest} allows, each with
 * what vsl must give instead and why. docs/SQL.md ("Known differences") lists the same.
 */
final class KnownDifferences {
  private KnownDifferences() {}

  private static final Set<String> FLOATS = Set.of("REAL", "DOUBLE");
  private static final Set<String> WHOLE_NUMBER_GETTERS = Set.of("getByte", "getShort", "getInt", "getLong",
      "getObject(Byte.class)", "getObject(Short.class)", "getObject(Integer.class)", "getObject(Long.class)");
  private static final Set<String> JAVA_SQL_DATE_GETTERS = Set.of("getObject", "getDate", "getTimestamp",
      "getObject(Date.class)", "getObject(Timestamp.class)", "getString", "getObject(String.class)",
      "getObject(LocalDate.class)", "getObject(LocalDateTime.class)", "getObject(OffsetDateTime.class)",
      "getObject(Instant.class)", "getTime", "getObject(LocalTime.class)", "getObject(Time.class)");
  private static final Set<String> CALENDAR_GETTERS = Set.of("getDate(Calendar)", "getTime(Calendar)",
      "getTimestamp(Calendar)");
  private static final Pattern ASCII_HEX = Pattern.compile("InputStream:([0-7][0-9a-f])*( wasNull=false)");
  private static final DateTimeFormatter VSL_INSTANT = new DateTimeFormatterBuilder()
      .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart().appendFraction(
          java.time.temporal.ChronoField.MILLI_OF_SECOND, 1, 3, true).optionalEnd()
      .appendOffset("+HH:mm", "+00").toFormatter();

  private static boolean negativeZero(Object v) {
    return v instanceof Number n && Double.doubleToRawLongBits(n.doubleValue()) == Long.MIN_VALUE;
  }

  /** Dates before 1900, where java.util's calendar and zones disagree with java.time's. */
  private static boolean beforeStandardTime(Object v) {
    LocalDate d = v instanceof LocalDate ld ? ld : v instanceof LocalDateTime t ? t.toLocalDate() : null;
    return d != null && d.getYear() < 1900;
  }

  /** Whether vsl's outcome shows the stored date, or the stored time of day. */
  private static boolean showsStoredFields(Object v, String out) {
    String time = v instanceof LocalDateTime t ? t.toLocalTime().toString() : "-";
    return out.contains(day(v)) || out.contains(day(v).replace("0001", "1")) || out.contains(time + ":00")
        || out.contains("LocalTime:" + time);
  }

  private static String day(Object v) {
    return (v instanceof LocalDateTime t ? t.toLocalDate() : (LocalDate) v).toString();
  }

  /** Whether vsl's text of an instant names the stored instant. */
  private static boolean sameInstant(Object v, String out) {
    String text = out.replaceFirst("^String:", "").replaceFirst(" wasNull=false$", "");
    return OffsetDateTime.parse(text, VSL_INSTANT).toInstant().equals(((OffsetDateTime) v).toInstant());
  }

  /** Whether {@code v} is a wall-clock time the session zone skips (a daylight-saving gap). */
  private static boolean inGap(Object v) {
    return v instanceof LocalDateTime t
        && TypeRoundTripTest.ZONE.toZoneId().getRules().getValidOffsets(t).isEmpty();
  }

  static final List<Difference> ALL = List.of(
      new Difference(Set.of("TIMESTAMP"), Set.of("getObject(OffsetDateTime.class)", "getObject(Instant.class)"),
          KnownDifferences::inGap,
          (v, out) -> {
            java.time.ZonedDateTime z = ((LocalDateTime) v).atZone(TypeRoundTripTest.ZONE.toZoneId());
            return out.contains(z.toInstant().toString()) || out.contains(z.toOffsetDateTime().toString());
          },
          "A TIMESTAMP in a daylight-saving gap of the session zone, read as an instant: vsl applies"
              + " java.time's rule (later by the length of the gap, 02:30 becomes 03:30); H2 keeps the"
              + " offset from before the gap"),
      new Difference(FLOATS, Set.of("getString", "getObject", "getFloat", "getDouble", "getObject(String.class)",
          "getObject(Float.class)", "getObject(Double.class)"), KnownDifferences::negativeZero,
          (v, out) -> out.contains("-0.0"),
          "vsl keeps the sign of a negative zero, as Java and IEEE 754 do; H2 stores it as 0.0"),
      new Difference(FLOATS, WHOLE_NUMBER_GETTERS, v -> v instanceof Double d && d.isNaN(),
          (v, out) -> out.equals("error 22003"),
          "NaN is no whole number: vsl fails with 22003; H2 gives 0"),
      new Difference(FLOATS, Set.of("getBoolean", "getObject(Boolean.class)"), v -> v instanceof Double d && d.isNaN(),
          (v, out) -> out.startsWith("Boolean:true"),
          "NaN is not zero, so vsl reads it as true, as every other non-zero number; H2 gives false"),
      new Difference(Set.of("CHAR(5)", "VARCHAR(40)", "CLOB"), Set.of("getAsciiStream"),
          v -> v instanceof String s && s.chars().anyMatch(c -> c >= 0x80),
          (v, out) -> ASCII_HEX.matcher(out).matches() || out.matches("InputStream:\\d+ bytes.*"),
          "getAsciiStream gives ASCII, as JDBC defines it: vsl writes '?' for a character outside ASCII,"
              + " as Java's US-ASCII encoder does; H2 gives the UTF-8 bytes"),
      new Difference(Set.of("DATE", "TIMESTAMP"), CALENDAR_GETTERS, KnownDifferences::beforeStandardTime,
          (v, out) -> out.matches("(Date|Time|Timestamp):.* wasNull=false"),
          "Dates before 1900 read with a Calendar: vsl takes the stored date and time in the calendar's"
              + " zone by java.time's rules (local mean time before standard zones); H2 computes with the"
              + " calendar's fields, which are Julian before 1582-10-15"),
      new Difference(Set.of("DATE", "TIMESTAMP"), JAVA_SQL_DATE_GETTERS, KnownDifferences::beforeStandardTime,
          KnownDifferences::showsStoredFields,
          "Dates before 1900: vsl converts java.sql.Date, Time and Timestamp by their fields (year, month,"
              + " day, time of day: Date.valueOf(LocalDate), toLocalDate()), so each reads back as stored;"
              + " H2 converts them by their milliseconds, which the Julian calendar of java.util.Date"
              + " (before 1582-10-15) and the local mean time of old zone rules shift"),
      new Difference(Set.of("TIME"), Set.of("getTimestamp", "getObject(Timestamp.class)", "getTimestamp(Calendar)"),
          v -> v != null, (v, out) -> out.startsWith("Timestamp:1970-01-01 ") || out.startsWith("Timestamp:1969-12-31 "),
          "A TIME read as a Timestamp is on 1970-01-01, the date JDBC gives java.sql.Time; H2 uses the"
              + " current date, as its CAST(TIME AS TIMESTAMP) does"),
      new Difference(Set.of("TIMESTAMP WITH LOCAL TIME ZONE"), Set.of("getString", "getObject(String.class)"),
          v -> v != null, KnownDifferences::sameInstant,
          "A TIMESTAMP WITH LOCAL TIME ZONE is an instant, shown at the session zone's offset; H2's"
              + " TIMESTAMP WITH TIME ZONE keeps the offset it was given. Both name the same instant"),
      new Difference(Set.of("TIMESTAMP WITH LOCAL TIME ZONE"), Getter.ALL.stream().map(Getter::name)
          .collect(java.util.stream.Collectors.toSet()), Set.of("setTimestamp(Calendar) of an instant"), v -> v != null,
          (v, out) -> !out.startsWith("error"),
          "setTimestamp(i, t, calendar) into a TIMESTAMP WITH LOCAL TIME ZONE stores t's instant, which"
              + " needs no calendar (as getTimestamp(i, calendar) reads it; the round-trip test checks the"
              + " instant); H2 takes t's wall-clock time in the calendar's zone as one in the session's"
              + " zone, moving the instant by the difference of the zones"),
      new Difference(Set.of("CLOB"), Set.of("getObject"), v -> v != null,
          (v, out) -> out.startsWith("String:"),
          "vsl stores CLOB as VARCHAR, so getObject gives a String; H2 gives a java.sql.Clob"),
      new Difference(Set.of("BLOB"), Set.of("getObject"), v -> v != null,
          (v, out) -> out.startsWith("byte[]:"),
          "vsl stores BLOB as VARBINARY, so getObject gives a byte[]; H2 gives a java.sql.Blob"));

  /** The record for a getter on a column type and value, or null. */
  static Difference find(TypeCase t, Getter g, Setter s, Object value) {
    for (Difference d : ALL) {
      if (d.appliesTo(t, g, s, value)) {
        return d;
      }
    }
    return null;
  }
}
