package org.vsldb.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.Table;

/**
 * Describes the columns of a result: labels, origins and SQL types. With the catalog, a column
 * taken straight from a table also reports whether it is an identity column.
 */
final class VslResultSetMetaData implements ResultSetMetaData {
  private final List<ColumnMeta> columns;
  private final Catalog catalog;

  VslResultSetMetaData(List<ColumnMeta> columns) {
    this(columns, null);
  }

  /** Columns whose origins are looked up in {@code catalog} (null: none are). */
  VslResultSetMetaData(List<ColumnMeta> columns, Catalog catalog) {
    this.columns = columns;
    this.catalog = catalog;
  }

  private ColumnMeta col(int i) throws SQLException {
    if (i < 1 || i > columns.size()) {
      throw ErrorCode.INVALID_PARAMETER.exception(i, "column index (1.." + columns.size() + ")");
    }
    return columns.get(i - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int i) throws SQLException {
    ColumnMeta c = col(i);
    if (catalog == null || c.tableName().isEmpty()) {
      return false;
    }
    Table t = catalog.table(c.schemaName(), c.tableName());
    return t != null && t.def().columns().stream()
        .anyMatch(d -> d.name().equals(c.columnName()) && d.isIdentity());
  }

  @Override
  public boolean isCaseSensitive(int i) throws SQLException {
    return switch (col(i).type()) {
      case CHAR, VARCHAR -> true;
      default -> false;
    };
  }

  @Override
  public boolean isSearchable(int i) throws SQLException {
    col(i);
    return true;
  }

  @Override
  public boolean isCurrency(int i) throws SQLException {
    col(i);
    return false;
  }

  @Override
  public int isNullable(int i) throws SQLException {
    return col(i).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int i) throws SQLException {
    return switch (col(i).type()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  @Override
  public int getColumnDisplaySize(int i) throws SQLException {
    ColumnMeta c = col(i);
    return switch (c.type()) {
      case BOOLEAN -> 5;
      case TINYINT -> 4;
      case SMALLINT -> 6;
      case INTEGER -> 11;
      case BIGINT -> 20;
      case REAL -> 15;
      case FLOAT, DOUBLE -> 24;
      case DECIMAL -> c.precision() + 2;
      case DATE -> 10;
      case TIME -> 12;
      case TIMESTAMP -> 23;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 29;
      case UUID -> 36;
      case BINARY, VARBINARY -> c.precision() > 0 && c.precision() < Integer.MAX_VALUE / 2
          ? 2 * c.precision() : Integer.MAX_VALUE;
      default -> c.precision() > 0 ? c.precision() : Integer.MAX_VALUE;
    };
  }

  @Override
  public String getColumnLabel(int i) throws SQLException {
    return col(i).label();
  }

  @Override
  public String getColumnName(int i) throws SQLException {
    return col(i).columnName();
  }

  @Override
  public String getSchemaName(int i) throws SQLException {
    return col(i).schemaName();
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    ColumnMeta c = col(i);
    return switch (c.type()) {
      case BOOLEAN -> 1;
      case TINYINT -> 3;
      case SMALLINT -> 5;
      case INTEGER -> 10;
      case BIGINT -> 19;
      case REAL -> 7;
      case FLOAT, DOUBLE -> 15;
      case DATE -> 10;
      case TIME -> 12;
      case TIMESTAMP -> 23;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 29;
      case UUID -> 16;
      default -> c.precision() > 0 ? c.precision() : Integer.MAX_VALUE;
    };
  }

  @Override
  public int getScale(int i) throws SQLException {
    ColumnMeta c = col(i);
    return switch (c.type()) {
      case DECIMAL -> c.scale();
      case TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 3;
      default -> 0;
    };
  }

  @Override
  public String getTableName(int i) throws SQLException {
    return col(i).tableName();
  }

  @Override
  public String getCatalogName(int i) throws SQLException {
    col(i);
    return "";
  }

  @Override
  public int getColumnType(int i) throws SQLException {
    return col(i).jdbcType();
  }

  @Override
  public String getColumnTypeName(int i) throws SQLException {
    return col(i).typeName();
  }

  @Override
  public boolean isReadOnly(int i) throws SQLException {
    col(i);
    return true;
  }

  @Override
  public boolean isWritable(int i) throws SQLException {
    col(i);
    return false;
  }

  @Override
  public boolean isDefinitelyWritable(int i) throws SQLException {
    col(i);
    return false;
  }

  @Override
  public String getColumnClassName(int i) throws SQLException {
    return switch (col(i).type()) {
      case BOOLEAN -> Boolean.class.getName();
      case TINYINT, SMALLINT, INTEGER -> Integer.class.getName();
      case BIGINT -> Long.class.getName();
      case REAL -> Float.class.getName();
      case FLOAT, DOUBLE -> Double.class.getName();
      case DECIMAL -> java.math.BigDecimal.class.getName();
      case CHAR, VARCHAR -> String.class.getName();
      case DATE -> java.sql.Date.class.getName();
      case TIME -> java.sql.Time.class.getName();
      case TIMESTAMP -> java.sql.Timestamp.class.getName();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> java.time.OffsetDateTime.class.getName();
      case BINARY, VARBINARY -> byte[].class.getName();
      case UUID -> java.util.UUID.class.getName();
      default -> Object.class.getName();
    };
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
