package org.vsldb.jdbc.types;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.type.Values;

/**
 * {@code setObject(i, x, targetSqlType[, scaleOrLength])}: the value is converted to the target
 * JDBC type before it is bound, as JDBC specifies, so that it then converts to the parameter's
 * type from there. A stream or reader is read, {@code scaleOrLength} giving its length; a
 * DECIMAL or NUMERIC target takes {@code scaleOrLength} as its scale (rounded half up).
 */
public final class TargetTypes {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    org.vsldb.jdbc.PlannerPreload.await();
  }

  private TargetTypes() {}

  /** The SQL type a JDBC type code converts to, or null for a value passed as it is. */
  private static SqlTypeName sqlType(int jdbcType) throws SQLException {
    return switch (jdbcType) {
      case Types.BIT, Types.BOOLEAN -> SqlTypeName.BOOLEAN;
      case Types.TINYINT -> SqlTypeName.TINYINT;
      case Types.SMALLINT -> SqlTypeName.SMALLINT;
      case Types.INTEGER -> SqlTypeName.INTEGER;
      case Types.BIGINT -> SqlTypeName.BIGINT;
      case Types.REAL -> SqlTypeName.REAL;
      case Types.FLOAT, Types.DOUBLE -> SqlTypeName.DOUBLE;
      case Types.DECIMAL, Types.NUMERIC -> SqlTypeName.DECIMAL;
      case Types.CHAR, Types.NCHAR, Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR,
          Types.CLOB, Types.NCLOB -> SqlTypeName.VARCHAR;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> SqlTypeName.VARBINARY;
      case Types.DATE -> SqlTypeName.DATE;
      case Types.TIME -> SqlTypeName.TIME;
      case Types.TIMESTAMP -> SqlTypeName.TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
      case Types.JAVA_OBJECT, Types.OTHER, Types.NULL -> null;
      case Types.ARRAY, Types.STRUCT, Types.REF, Types.REF_CURSOR, Types.DATALINK, Types.ROWID, Types.SQLXML,
          Types.DISTINCT, Types.TIME_WITH_TIMEZONE ->
          throw ErrorCode.unsupported("parameters of JDBC type " + java.sql.JDBCType.valueOf(jdbcType));
      default -> throw ErrorCode.INVALID_PARAMETER.exception(jdbcType, "target SQL type (a java.sql.Types code)");
    };
  }

  /**
   * {@code x} as a value of {@code targetSqlType}.
   *
   * @param scaleOrLength the scale of a DECIMAL target, the length of a stream, or -1
   * @throws SQLException 22018 or 22007 when {@code x} does not convert, 0A000 for a type vsl lacks
   */
  public static Object convert(Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    SqlTypeName t = sqlType(targetSqlType);
    if (x instanceof InputStream in) {
      x = Lobs.bytes(in, scaleOrLength);
    } else if (x instanceof Reader r) {
      x = Lobs.text(r, scaleOrLength);
    } else {
      x = Lobs.materialize(x);
    }
    if (x == null || t == null) {
      return x;
    }
    if (t == SqlTypeName.VARCHAR && x instanceof byte[]) {
      throw ErrorCode.INVALID_CAST.exception("a byte[] to a character string");
    }
    Object internal = Values.toInternal(x, t);
    if (t == SqlTypeName.DECIMAL && scaleOrLength >= 0) {
      internal = ((BigDecimal) internal).setScale(scaleOrLength, RoundingMode.HALF_UP);
    }
    // Dates and times as java.time values, which hold any wall-clock time (a java.sql.Timestamp
    // cannot hold one in a daylight-saving gap of the JVM's zone).
    return switch (t) {
      case DATE -> Values.localDate((Integer) internal);
      case TIME -> Values.localTime((Integer) internal);
      case TIMESTAMP -> Values.localDateTime((Long) internal);
      case VARCHAR -> internal;
      default -> JdbcValues.toObject(internal, new ColumnMeta("", "", "", "", t, 0, 0, true));
    };
  }

  /**
   * Checks a value bound to a parameter of type {@code type}: a number is no date or time (the
   * store keeps those as numbers, but a program's number never means one).
   *
   * @throws SQLException 22018 for a number bound to a DATE, TIME or TIMESTAMP parameter
   */
  public static void checkParameter(Object v, SqlTypeName type) throws SQLException {
    if (v instanceof Number && type != null) {
      switch (type) {
        case DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> throw ErrorCode.INVALID_CAST.exception(
            v + " (" + v.getClass().getSimpleName() + ") to " + type + ": a number is no date or time");
        default -> { }
      }
    }
  }
}
