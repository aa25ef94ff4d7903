package org.vsldb.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What a result column is: its label, where it comes from, and its SQL type.
 *
 * @param label the column label (the alias, or the column name)
 * @param columnName the underlying column's name, or the label for an expression
 * @param schemaName the schema of the underlying table, or ""
 * @param tableName the underlying table, or ""
 * @param type the SQL type name
 * @param precision the declared precision or length, or 0
 * @param scale the declared scale, or 0
 * @param nullable whether the column may hold NULL
 */
public record ColumnMeta(
    String label,
    String columnName,
    String schemaName,
    String tableName,
    SqlTypeName type,
    int precision,
    int scale,
    boolean nullable) {

  /** A column described by a Calcite type, with an optional origin {@code [.., schema, table, column]}. */
  public static ColumnMeta of(String label, RelDataType t, java.util.List<String> origin) {
    int n = origin == null ? 0 : origin.size();
    String column = n >= 1 ? origin.get(n - 1) : label;
    String table = n >= 2 ? origin.get(n - 2) : "";
    String schema = n >= 3 ? origin.get(n - 3) : "";
    SqlTypeName tn = t.getSqlTypeName();
    int precision = t.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : t.getPrecision();
    int scale = t.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : t.getScale();
    return new ColumnMeta(label, column, schema, table, tn, precision, scale, t.isNullable());
  }

  /** The {@link java.sql.Types} code of the column. */
  public int jdbcType() {
    return switch (type) {
      // An instant, like H2's TIMESTAMP WITH TIME ZONE; getObject returns an OffsetDateTime.
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
      case TIME_WITH_LOCAL_TIME_ZONE -> java.sql.Types.TIME;
      case FLOAT -> java.sql.Types.DOUBLE;
      case UUID -> java.sql.Types.BINARY; // as H2
      case SYMBOL, ANY, MAP, MULTISET, ROW, OTHER -> java.sql.Types.OTHER;
      default -> type.getJdbcOrdinal();
    };
  }

  /** The database-specific type name, as DatabaseMetaData and ResultSetMetaData report it. */
  public String typeName() {
    return switch (type) {
      case FLOAT -> "DOUBLE";
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP WITH LOCAL TIME ZONE";
      default -> type.getName();
    };
  }
}
