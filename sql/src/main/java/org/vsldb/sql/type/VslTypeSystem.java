package org.vsldb.sql.type;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * vsl's type rules where Calcite's defaults differ from H2 (see {@code docs/SQL.md}, "Types"):
 * SUM of a TINYINT, SMALLINT or INTEGER is a BIGINT, AVG of an integer is a DOUBLE, DECIMAL
 * holds 38 digits and rounds half-up, TIMESTAMP keeps milliseconds, strings and byte strings may
 * be declared up to {@link #MAX_LENGTH} long, and a CASE or UNION of
 * strings of different lengths is a VARCHAR, not a blank-padded CHAR.
 */
public final class VslTypeSystem extends RelDataTypeSystemImpl {
  /** The one instance. */
  public static final RelDataTypeSystem INSTANCE = new VslTypeSystem();

  /** The largest DECIMAL precision and scale. */
  public static final int MAX_DECIMAL = 38;

  /**
   * The longest declared length of a string or binary type, H2's limit. Calcite's default, 65536,
   * would silently shorten a longer declaration such as {@code VARBINARY(100000)}.
   */
  public static final int MAX_LENGTH = 1_000_000_000;

  /**
   * TIMESTAMP and TIME precision: milliseconds, the runtime's resolution; also of TIMESTAMP WITH
   * TIME ZONE, which vsl makes the instant type (see {@code TimeZoneTypes}).
   */
  public static final int DATETIME_PRECISION = 3;

  private VslTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case DECIMAL -> MAX_DECIMAL;
      case TIME, TIMESTAMP, TIME_WITH_LOCAL_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> DATETIME_PRECISION;
      case CHAR, VARCHAR, BINARY, VARBINARY -> MAX_LENGTH;
      default -> super.getMaxPrecision(typeName);
    };
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return switch (typeName) {
      case TIME, TIMESTAMP, TIME_WITH_LOCAL_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ -> DATETIME_PRECISION;
      default -> super.getDefaultPrecision(typeName);
    };
  }

  @Override
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
    RelDataType t =
        switch (argumentType.getSqlTypeName()) {
          case TINYINT, SMALLINT, INTEGER -> f.createSqlType(SqlTypeName.BIGINT);
          // As H2: ten more digits than the argument. The planner feeds BIGINT arguments to the
          // sum as DECIMAL (org.vsldb.sql.plan.DecimalAggregates).
          case BIGINT -> f.createSqlType(SqlTypeName.DECIMAL, 29, 0);
          case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL,
              Math.min(MAX_DECIMAL, argumentType.getPrecision() + 10), argumentType.getScale());
          default -> null;
        };
    return t == null
        ? super.deriveSumType(f, argumentType)
        : f.createTypeWithNullability(t, argumentType.isNullable());
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
    return switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT -> f.createTypeWithNullability(
          f.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
      default -> super.deriveAvgAggType(f, argumentType);
    };
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
