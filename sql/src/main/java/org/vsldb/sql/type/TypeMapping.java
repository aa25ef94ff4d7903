package org.vsldb.sql.type;

import java.sql.SQLException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;

/** Translates between the store's column types and Calcite's SQL types. */
public final class TypeMapping {
  private TypeMapping() {}

  /** The Calcite type of a stored column. */
  public static RelDataType toRelType(RelDataTypeFactory f, ColumnDef c) {
    SqlTypeName n = sqlTypeName(c.type());
    RelDataType t;
    if (n.allowsPrecScale(true, true) && c.precision() >= 0 && c.scale() >= 0) {
      t = f.createSqlType(n, c.precision(), c.scale());
    } else if (n.allowsPrecNoScale() && c.precision() >= 0) {
      t = f.createSqlType(n, c.precision());
    } else {
      t = f.createSqlType(n);
    }
    return f.createTypeWithNullability(t, c.nullable());
  }

  /** The SQL type name of a column type. */
  public static SqlTypeName sqlTypeName(ColumnType t) {
    return switch (t) {
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      case TINYINT -> SqlTypeName.TINYINT;
      case SMALLINT -> SqlTypeName.SMALLINT;
      case INTEGER -> SqlTypeName.INTEGER;
      case BIGINT -> SqlTypeName.BIGINT;
      case REAL -> SqlTypeName.REAL;
      case DOUBLE -> SqlTypeName.DOUBLE;
      case DECIMAL -> SqlTypeName.DECIMAL;
      case CHAR -> SqlTypeName.CHAR;
      case VARCHAR -> SqlTypeName.VARCHAR;
      case DATE -> SqlTypeName.DATE;
      case TIME -> SqlTypeName.TIME;
      case TIMESTAMP -> SqlTypeName.TIMESTAMP;
      case BINARY -> SqlTypeName.BINARY;
      case VARBINARY -> SqlTypeName.VARBINARY;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
      case UUID -> SqlTypeName.UUID;
    };
  }

  /**
   * The column definition for a declared Calcite type.
   *
   * @throws SQLException 0A000 for a type the store does not keep yet
   */
  public static ColumnDef toColumnDef(String name, RelDataType t) throws SQLException {
    ColumnType ct =
        switch (t.getSqlTypeName()) {
          case BOOLEAN -> ColumnType.BOOLEAN;
          case TINYINT -> ColumnType.TINYINT;
          case SMALLINT -> ColumnType.SMALLINT;
          case INTEGER -> ColumnType.INTEGER;
          case BIGINT -> ColumnType.BIGINT;
          case REAL -> ColumnType.REAL;
          case FLOAT, DOUBLE -> ColumnType.DOUBLE;
          case DECIMAL -> ColumnType.DECIMAL;
          case CHAR -> ColumnType.CHAR;
          case VARCHAR -> ColumnType.VARCHAR;
          case DATE -> ColumnType.DATE;
          case TIME -> ColumnType.TIME;
          case TIMESTAMP -> ColumnType.TIMESTAMP;
          case BINARY -> ColumnType.BINARY;
          case VARBINARY -> ColumnType.VARBINARY;
          case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ColumnType.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
          case UUID -> ColumnType.UUID;
          default -> null;
        };
    if (ct == null) {
      throw ErrorCode.unsupported("column type " + t.getFullTypeString() + " (column " + name + ")");
    }
    int precision = t.getSqlTypeName().allowsPrec() ? t.getPrecision() : -1;
    int scale = t.getSqlTypeName().allowsScale() ? t.getScale() : -1;
    if ((ct == ColumnType.VARCHAR || ct == ColumnType.VARBINARY)
        && precision == RelDataType.PRECISION_NOT_SPECIFIED) {
      precision = -1;
    }
    return new ColumnDef(name, ct, precision, scale, t.isNullable());
  }
}
