package org.vsldb.jdbc;

import java.sql.Types;
import java.util.Set;

/**
 * Which JDBC types {@code {fn CONVERT(value, type)}} (a CAST) converts between, for
 * {@link java.sql.DatabaseMetaData#supportsConvert(int, int)}: a type to itself; any type to and
 * from text; numbers to numbers; and dates, times and timestamps among themselves.
 */
final class Conversions {
  private Conversions() {}

  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.CLOB);
  private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
      Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC, Types.FLOAT);
  private static final Set<Integer> DATETIMES = Set.of(Types.DATE, Types.TIME, Types.TIMESTAMP,
      Types.TIMESTAMP_WITH_TIMEZONE);
  private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.BLOB);

  static boolean supported(int from, int to) {
    if (!known(from) || !known(to)) {
      return false;
    }
    return from == to || TEXT.contains(from) || TEXT.contains(to)
        || NUMBERS.contains(from) && NUMBERS.contains(to)
        || DATETIMES.contains(from) && DATETIMES.contains(to)
        || BINARY.contains(from) && BINARY.contains(to);
  }

  private static boolean known(int type) {
    return type == Types.BOOLEAN || TEXT.contains(type) || NUMBERS.contains(type) || DATETIMES.contains(type)
        || BINARY.contains(type);
  }
}
