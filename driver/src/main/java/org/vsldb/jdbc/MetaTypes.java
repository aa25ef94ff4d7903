package org.vsldb.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.type.VslTypeSystem;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;

/** The JDBC facts about vsl's column types: {@link DatabaseMetaData#getTypeInfo()} and per-column sizes. */
final class MetaTypes {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    PlannerPreload.await();
  }

  private MetaTypes() {}

  /** The longest string or binary value a column may be declared to hold. */
  static final int MAX_LENGTH = VslTypeSystem.MAX_LENGTH;

  /**
   * JDBC facts about one column type.
   *
   * @param columnSize COLUMN_SIZE of a column: its length, precision or display size
   * @param decimalDigits DECIMAL_DIGITS: the scale, or null where it does not apply
   * @param radix NUM_PREC_RADIX of numbers, null for other types
   * @param charOctetLength CHAR_OCTET_LENGTH: the most bytes of a character column (UTF-8)
   * @param maxPrecision PRECISION of the type in getTypeInfo
   * @param maxScale MAXIMUM_SCALE of the type in getTypeInfo
   */
  record TypeInfo(String name, int jdbcType, Integer columnSize, Integer decimalDigits, Integer radix,
      Integer charOctetLength, int maxPrecision, int maxScale) {

    static TypeInfo of(ColumnDef c) {
      return of(c.type(), c.precision(), c.scale());
    }

    /** A query column's facts: a view's or an {@code INFORMATION_SCHEMA} table's. */
    static TypeInfo of(ColumnMeta c) {
      int p = c.precision() == 0 ? -1 : c.precision();
      ColumnType t = switch (c.type()) {
        case FLOAT -> ColumnType.DOUBLE;
        case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, CHAR, VARCHAR, DATE, TIME,
            TIMESTAMP, BINARY, VARBINARY, TIMESTAMP_WITH_LOCAL_TIME_ZONE, UUID -> ColumnType.valueOf(c.type().name());
        default -> null;
      };
      if (t == null) {
        return new TypeInfo(c.typeName(), c.jdbcType(), p < 0 ? null : p, null, null, null, p, 0);
      }
      return of(t, p, c.scale());
    }

    static TypeInfo of(ColumnType type, int p, int scale) {
      return switch (type) {
        case BOOLEAN -> new TypeInfo("BOOLEAN", Types.BOOLEAN, 1, null, null, null, 1, 0);
        case TINYINT -> new TypeInfo("TINYINT", Types.TINYINT, 3, 0, 10, null, 3, 0);
        case SMALLINT -> new TypeInfo("SMALLINT", Types.SMALLINT, 5, 0, 10, null, 5, 0);
        case INTEGER -> new TypeInfo("INTEGER", Types.INTEGER, 10, 0, 10, null, 10, 0);
        case BIGINT -> new TypeInfo("BIGINT", Types.BIGINT, 19, 0, 10, null, 19, 0);
        case REAL -> new TypeInfo("REAL", Types.REAL, 24, null, 2, null, 24, 0);
        case DOUBLE -> new TypeInfo("DOUBLE", Types.DOUBLE, 53, null, 2, null, 53, 0);
        case DECIMAL -> new TypeInfo("DECIMAL", Types.DECIMAL, p < 0 ? 19 : p, Math.max(0, scale), 10, null,
            38, 38);
        case CHAR -> new TypeInfo("CHAR", Types.CHAR, p < 0 ? 1 : p, null, null, octets(p < 0 ? 1 : p),
            MAX_LENGTH, 0);
        case VARCHAR -> new TypeInfo("VARCHAR", Types.VARCHAR, p < 0 ? MAX_LENGTH : p, null, null,
            octets(p < 0 ? MAX_LENGTH : p), MAX_LENGTH, 0);
        case DATE -> new TypeInfo("DATE", Types.DATE, 10, null, null, null, 10, 0);
        case TIME -> new TypeInfo("TIME", Types.TIME, 12, 3, null, null, 12, 3);
        case TIMESTAMP -> new TypeInfo("TIMESTAMP", Types.TIMESTAMP, 23, 3, null, null, 23, 3);
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> new TypeInfo("TIMESTAMP WITH LOCAL TIME ZONE",
            Types.TIMESTAMP_WITH_TIMEZONE, 29, 3, null, null, 29, 3);
        case BINARY -> new TypeInfo("BINARY", Types.BINARY, p < 0 ? 1 : p, null, null, null, MAX_LENGTH, 0);
        case VARBINARY -> new TypeInfo("VARBINARY", Types.VARBINARY, p < 0 ? MAX_LENGTH : p, null, null, null,
            MAX_LENGTH, 0);
        // as in H2: JDBC type BINARY, 16 bytes
        case UUID -> new TypeInfo("UUID", Types.BINARY, 16, null, null, null, 16, 0);
      };
    }

    /** A character column's most bytes: four per character in UTF-8. */
    private static int octets(int chars) {
      return (int) Math.min(Integer.MAX_VALUE, 4L * chars);
    }
  }

  static final String[] TYPE_INFO_COLUMNS = {
    "TYPE_NAME", "DATA_TYPE:INTEGER", "PRECISION:INTEGER", "LITERAL_PREFIX", "LITERAL_SUFFIX",
    "CREATE_PARAMS", "NULLABLE:SMALLINT", "CASE_SENSITIVE:BOOLEAN", "SEARCHABLE:SMALLINT",
    "UNSIGNED_ATTRIBUTE:BOOLEAN", "FIXED_PREC_SCALE:BOOLEAN", "AUTO_INCREMENT:BOOLEAN",
    "LOCAL_TYPE_NAME", "MINIMUM_SCALE:SMALLINT", "MAXIMUM_SCALE:SMALLINT", "SQL_DATA_TYPE:INTEGER",
    "SQL_DATETIME_SUB:INTEGER", "NUM_PREC_RADIX:INTEGER"
  };

  /** Every type a column may be declared with, ordered by DATA_TYPE, the closest match first. */
  static ResultSet typeInfo() {
    List<Object[]> rows = new ArrayList<>();
    for (ColumnType ct : ColumnType.values()) {
      TypeInfo ti = TypeInfo.of(ct, -1, -1);
      boolean chars = ct.isCharacter();
      boolean integer = ct == ColumnType.TINYINT || ct == ColumnType.SMALLINT || ct == ColumnType.INTEGER
          || ct == ColumnType.BIGINT;
      String createParams = chars || ct.isBinary() ? "LENGTH"
          : ct == ColumnType.DECIMAL ? "PRECISION,SCALE" : null;
      String prefix = chars ? "'" : switch (ct) {
        case DATE -> "DATE '";
        case TIME -> "TIME '";
        case TIMESTAMP -> "TIMESTAMP '";
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP WITH LOCAL TIME ZONE '";
        case BINARY, VARBINARY -> "X'";
        case UUID -> "'"; // text converts to a UUID, as in H2
        default -> null;
      };
      rows.add(row(ti.name(), ti.jdbcType(), ti.maxPrecision(), prefix, createParams, chars,
          ct.isBinary() ? DatabaseMetaData.typePredBasic : DatabaseMetaData.typeSearchable, integer,
          ti.maxScale(), ti.radix()));
    }
    // The documented equivalents: columns declared so are VARCHAR and VARBINARY, but tools that
    // look a name up by JDBC type find these.
    rows.add(row("CLOB", Types.CLOB, MAX_LENGTH, "'", "LENGTH", true, DatabaseMetaData.typeSearchable, false, 0,
        null));
    rows.add(row("BLOB", Types.BLOB, MAX_LENGTH, "X'", "LENGTH", false, DatabaseMetaData.typePredBasic, false,
        0, null));
    rows.sort(Comparator.comparing(r -> (Integer) r[1]));
    return MetaResults.of(null, MetaResults.columns(TYPE_INFO_COLUMNS), rows);
  }

  private static Object[] row(String name, int jdbcType, int precision, String prefix, String createParams,
      boolean caseSensitive, int searchable, boolean autoIncrement, int maxScale, Integer radix) {
    return new Object[] {
      name, jdbcType, precision, prefix, prefix == null ? null : "'", createParams,
      (short) DatabaseMetaData.typeNullable, caseSensitive, (short) searchable, false, false, autoIncrement,
      name, (short) 0, (short) maxScale, null, null, radix
    };
  }
}
