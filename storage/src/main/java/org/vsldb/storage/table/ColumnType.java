package org.vsldb.storage.table;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The closed set of column types the store keeps, each with the Java class of its values and the
 * code that names it in the log (see {@code docs/FORMATS.md}, "Values").
 *
 * <p>Values use the representation of the SQL layer's runtime: DATE is an {@link Integer} count of
 * days since 1970-01-01, TIME an {@link Integer} count of milliseconds since midnight, TIMESTAMP a
 * {@link Long} count of milliseconds since 1970-01-01T00:00 (a local date-time, no zone), and
 * TIMESTAMP WITH LOCAL TIME ZONE a {@link Long} count of milliseconds since 1970-01-01T00:00Z (an
 * instant). BINARY and VARBINARY values are {@link Bytes}, UUID values {@link java.util.UUID}.
 */
public enum ColumnType {
  BOOLEAN(1, Boolean.class),
  TINYINT(2, Byte.class),
  SMALLINT(3, Short.class),
  INTEGER(4, Integer.class),
  BIGINT(5, Long.class),
  REAL(6, Float.class),
  DOUBLE(7, Double.class),
  DECIMAL(8, BigDecimal.class),
  CHAR(9, String.class),
  VARCHAR(10, String.class),
  DATE(11, Integer.class),
  TIME(12, Integer.class),
  TIMESTAMP(13, Long.class),
  BINARY(14, Bytes.class),
  VARBINARY(15, Bytes.class),
  TIMESTAMP_WITH_LOCAL_TIME_ZONE(16, Long.class),
  UUID(17, java.util.UUID.class);

  private static final ColumnType[] BY_CODE = new ColumnType[32];

  static {
    for (ColumnType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final Class<?> javaClass;

  ColumnType(int code, Class<?> javaClass) {
    this.code = code;
    this.javaClass = javaClass;
  }

  /** The code that tags a value of this type in the log; never 0, which tags NULL. */
  public int code() {
    return code;
  }

  /** The class of this type's non-null values. */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** Whether values of this type are character strings with a declared length. */
  public boolean isCharacter() {
    return this == CHAR || this == VARCHAR;
  }

  /** Whether values of this type are byte strings with a declared length. */
  public boolean isBinary() {
    return this == BINARY || this == VARBINARY;
  }

  /** The type a log code names, or {@code null} for an unknown code. */
  public static ColumnType fromCode(int code) {
    return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** The type named {@code name} (case-insensitive), or {@code null}. */
  public static ColumnType fromName(String name) {
    return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name)).findFirst().orElse(null);
  }
}
