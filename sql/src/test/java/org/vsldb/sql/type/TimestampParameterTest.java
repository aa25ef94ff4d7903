package org.vsldb.sql.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.TimeZone;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * A {@link Timestamp} parameter is stored as its wall-clock time in the JVM's default zone at the
 * moment it is converted, whatever path the conversion takes (whole-minute offsets from 1973,
 * calendar fields before), exactly as {@link Timestamp#toLocalDateTime()} reads it.
 */
class TimestampParameterTest {
  private static final String[] ZONES = {"UTC", "Europe/Amsterdam", "America/New_York", "Asia/Kathmandu",
      "Australia/Lord_Howe", "Africa/Monrovia", "Pacific/Chatham", "America/St_Johns"};

  @Test
  void storedMillis_areTheWallClockTimeInTheDefaultZone_inEveryZoneAndEra() throws Exception {
    TimeZone saved = TimeZone.getDefault();
    Random rnd = new Random(3);
    try {
      for (String zone : ZONES) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        for (int i = 0; i < 2_000; i++) {
          // 1850 to 2100, with DST edges and the 1972-1973 change of Monrovia's offset among them
          long millis = -3_786_825_600_000L + (long) (rnd.nextDouble() * 7_888_608_000_000L);
          Timestamp t = new Timestamp(millis);
          long expected = t.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
          assertEquals(expected, Values.toInternal(t, SqlTypeName.TIMESTAMP), zone + " " + t);
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
