package org.vsldb.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.error.ErrorCode;

/** The types Calcite's validator inferred for a prepared statement's {@code ?} parameters. */
final class VslParameterMetaData implements ParameterMetaData {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    PlannerPreload.await();
  }

  private final List<SqlTypeName> types;

  VslParameterMetaData(List<SqlTypeName> types) {
    this.types = types;
  }

  private ColumnMeta param(int i) throws SQLException {
    if (i < 1 || i > types.size()) {
      throw ErrorCode.INVALID_PARAMETER.exception(i, "parameter index (1.." + types.size() + ")");
    }
    return new ColumnMeta("?" + i, "?" + i, "", "", types.get(i - 1), 0, 0, true);
  }

  @Override
  public int getParameterCount() {
    return types.size();
  }

  @Override
  public int isNullable(int i) throws SQLException {
    param(i);
    return parameterNullableUnknown;
  }

  /** The parameter described as a one-column result, to share ResultSetMetaData's type facts. */
  private VslResultSetMetaData asColumn(int i) throws SQLException {
    return new VslResultSetMetaData(List.of(param(i)));
  }

  @Override
  public boolean isSigned(int i) throws SQLException {
    return asColumn(i).isSigned(1);
  }

  @Override
  public int getPrecision(int i) throws SQLException {
    return param(i).precision();
  }

  @Override
  public int getScale(int i) throws SQLException {
    return param(i).scale();
  }

  @Override
  public int getParameterType(int i) throws SQLException {
    return param(i).jdbcType();
  }

  @Override
  public String getParameterTypeName(int i) throws SQLException {
    return param(i).typeName();
  }

  @Override
  public String getParameterClassName(int i) throws SQLException {
    return asColumn(i).getColumnClassName(1);
  }

  @Override
  public int getParameterMode(int i) throws SQLException {
    param(i);
    return parameterModeIn;
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
