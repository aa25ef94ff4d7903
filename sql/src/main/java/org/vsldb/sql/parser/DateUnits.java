package org.vsldb.sql.parser;

import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The unit of H2's {@code DATEADD('day', ...)} and {@code DATEDIFF('day', ...)}, given as a string. */
public final class DateUnits {
  private DateUnits() {}

  /**
   * The unit {@code name} names, in any case: a time unit (DAY, MONTH, ...) or else a time
   * frame name, which the validator accepts or refuses as it does for {@code TIMESTAMPADD}.
   */
  public static SqlIntervalQualifier qualifier(String name, SqlParserPos pos) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    for (TimeUnit unit : TimeUnit.values()) {
      if (unit.name().equals(upper)) {
        return new SqlIntervalQualifier(unit, null, pos);
      }
    }
    return new SqlIntervalQualifier(upper, pos);
  }
}
