package org.vsldb.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.jdbc.types.Lobs;
import org.vsldb.jdbc.types.TargetTypes;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.exec.Command;
import org.vsldb.sql.exec.Parameters;

/**
 * A {@link PreparedStatement}: the statement is parsed, planned and compiled once, at prepare
 * time, and run with new parameter values each time. If a schema change makes the plan stale, it
 * is prepared again transparently.
 */
final class VslPreparedStatement extends VslStatement implements PreparedStatement {
  private final String sql;
  private Command command;
  private Object[] params;
  private final List<Object[]> batch = new ArrayList<>();

  VslPreparedStatement(VslConnection connection, String sql, ResultSetOptions options)
      throws SQLException {
    super(connection, options);
    this.sql = sql;
    this.command = prepare(sql);
    this.params = newParams();
  }

  private Object[] newParams() {
    Object[] p = new Object[command.parameterTypes().size()];
    Arrays.fill(p, Parameters.UNSET);
    return p;
  }

  private Command current() throws SQLException {
    if (command.isStale(connection.engine().catalog().version())) {
      Command fresh = prepare(sql);
      if (fresh.parameterTypes().size() != params.length) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "'" + sql + "'", "re-preparing after a schema change (its parameters changed)");
      }
      command = fresh;
    }
    return command;
  }

  /** Sets parameter {@code i} to {@code v}, reading a LOB or stream value into memory first. */
  private void set(int i, Object v) throws SQLException {
    put(i, Lobs.materialize(v));
  }

  /** Sets parameter {@code i} to {@code v}, a value of a typed setter (never a LOB or stream). */
  private void put(int i, Object v) throws SQLException {
    checkOpen();
    if (i < 1 || i > params.length) {
      throw ErrorCode.INVALID_PARAMETER.exception(i, "parameter index (1.." + params.length + ")");
    }
    TargetTypes.checkParameter(v, command.parameterTypes().get(i - 1));
    params[i - 1] = v;
  }

  // PreparedStatement: execution ////////////////////////////////////////////////////////////

  @Override
  public ResultSet executeQuery() throws SQLException {
    Command c = current();
    requireQuery(c, sql);
    run(c, params);
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) executeLargeUpdate();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    Command c = current();
    requireUpdate(c, sql);
    run(c, params);
    return getLargeUpdateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    return run(current(), params);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    batch.add(params.clone());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<Object[]> items = new ArrayList<>(batch);
    batch.clear();
    long[] counts = new long[items.size()];
    for (int i = 0; i < items.size(); i++) {
      try {
        Command c = current();
        requireUpdate(c, sql);
        run(c, items.get(i), i > 0);
        counts[i] = getLargeUpdateCount();
      } catch (SQLException e) {
        throw new BatchUpdateException(
            e.getMessage(), e.getSQLState(), e.getErrorCode(), Arrays.copyOf(counts, i), e);
      }
    }
    return counts;
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return toIntCounts(executeLargeBatch());
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(params, Parameters.UNSET);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    Command c = current();
    return c.columns().isEmpty() ? null
        : new VslResultSetMetaData(c.columns(), connection.engine().catalog());
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new VslParameterMetaData(current().parameterTypes());
  }

  // The SQL-text methods of Statement do not apply to a prepared statement.
  private SQLException textNotAllowed() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "SQL text", "a PreparedStatement (use the methods without SQL text)");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw textNotAllowed();
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw textNotAllowed();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw textNotAllowed();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    throw textNotAllowed();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw textNotAllowed();
  }

  // PreparedStatement: setters /////////////////////////////////////////////////////////////

  @Override
  public void setNull(int i, int sqlType) throws SQLException {
    put(i, null);
  }

  @Override
  public void setNull(int i, int sqlType, String typeName) throws SQLException {
    put(i, null);
  }

  @Override
  public void setBoolean(int i, boolean x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setByte(int i, byte x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setShort(int i, short x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setInt(int i, int x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setLong(int i, long x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setFloat(int i, float x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setDouble(int i, double x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setBigDecimal(int i, BigDecimal x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setString(int i, String x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setNString(int i, String x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setBytes(int i, byte[] x) throws SQLException {
    put(i, x == null ? null : x.clone());
  }

  @Override
  public void setDate(int i, Date x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setTime(int i, Time x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setTimestamp(int i, Timestamp x) throws SQLException {
    put(i, x);
  }

  @Override
  public void setDate(int i, Date x, Calendar cal) throws SQLException {
    put(i, x == null || cal == null ? x
        : java.time.Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate());
  }

  @Override
  public void setTime(int i, Time x, Calendar cal) throws SQLException {
    put(i, x == null || cal == null ? x
        : java.time.Instant.ofEpochMilli(x.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalTime());
  }

  /**
   * A TIMESTAMP parameter takes the wall-clock time {@code x} shows in the calendar's zone; a
   * TIMESTAMP WITH LOCAL TIME ZONE parameter takes {@code x}'s instant, which needs no calendar.
   */
  @Override
  public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
    boolean instant = i >= 1 && i <= params.length
        && command.parameterTypes().get(i - 1) == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    put(i, x == null || cal == null || instant ? x
        : x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDateTime());
  }

  @Override
  public void setObject(int i, Object x) throws SQLException {
    set(i, x);
  }

  /** {@code x} converted to {@code targetSqlType} first, as {@link TargetTypes} describes. */
  @Override
  public void setObject(int i, Object x, int targetSqlType) throws SQLException {
    set(i, TargetTypes.convert(x, targetSqlType, -1));
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    set(i, TargetTypes.convert(x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setObject(int i, Object x, SQLType targetSqlType) throws SQLException {
    setObject(i, x, vendorType(targetSqlType));
  }

  @Override
  public void setObject(int i, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    setObject(i, x, vendorType(targetSqlType), scaleOrLength);
  }

  private static int vendorType(SQLType t) throws SQLException {
    if (!(t instanceof java.sql.JDBCType j)) {
      throw ErrorCode.unsupported("target SQL types other than java.sql.JDBCType: " + t);
    }
    return j.getVendorTypeNumber();
  }

  @Override
  public void setCharacterStream(int i, Reader r, int length) throws SQLException {
    setCharacterStream(i, r, (long) length);
  }

  @Override
  public void setCharacterStream(int i, Reader r, long length) throws SQLException {
    set(i, r == null ? null : Lobs.text(r, length));
  }

  @Override
  public void setCharacterStream(int i, Reader r) throws SQLException {
    setCharacterStream(i, r, -1L);
  }

  @Override
  public void setNCharacterStream(int i, Reader r, long length) throws SQLException {
    setCharacterStream(i, r, length);
  }

  @Override
  public void setNCharacterStream(int i, Reader r) throws SQLException {
    setCharacterStream(i, r, -1L);
  }

  @Override
  public void setAsciiStream(int i, InputStream in, int length) throws SQLException {
    setAsciiStream(i, in, (long) length);
  }

  @Override
  public void setAsciiStream(int i, InputStream in, long length) throws SQLException {
    set(i, in == null ? null : new String(Lobs.bytes(in, length), StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int i, InputStream in) throws SQLException {
    setAsciiStream(i, in, -1L);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int i, InputStream in, int length) throws SQLException {
    throw ErrorCode.unsupported("setUnicodeStream (deprecated; use setCharacterStream)");
  }

  @Override
  public void setBinaryStream(int i, InputStream in, int length) throws SQLException {
    setBinaryStream(i, in, (long) length);
  }

  @Override
  public void setBinaryStream(int i, InputStream in, long length) throws SQLException {
    set(i, in == null ? null : Lobs.bytes(in, length));
  }

  @Override
  public void setBinaryStream(int i, InputStream in) throws SQLException {
    setBinaryStream(i, in, -1L);
  }

  @Override
  public void setRef(int i, Ref x) throws SQLException {
    throw ErrorCode.unsupported("REF parameters");
  }

  @Override
  public void setBlob(int i, Blob x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBlob(int i, InputStream in, long length) throws SQLException {
    setBinaryStream(i, in, length);
  }

  @Override
  public void setBlob(int i, InputStream in) throws SQLException {
    setBinaryStream(i, in);
  }

  @Override
  public void setClob(int i, Clob x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setClob(int i, Reader r, long length) throws SQLException {
    setCharacterStream(i, r, length);
  }

  @Override
  public void setClob(int i, Reader r) throws SQLException {
    setCharacterStream(i, r);
  }

  @Override
  public void setNClob(int i, NClob x) throws SQLException {
    throw ErrorCode.unsupported("NCLOB parameters");
  }

  @Override
  public void setNClob(int i, Reader r, long length) throws SQLException {
    throw ErrorCode.unsupported("NCLOB parameters");
  }

  @Override
  public void setNClob(int i, Reader r) throws SQLException {
    throw ErrorCode.unsupported("NCLOB parameters");
  }

  @Override
  public void setArray(int i, Array x) throws SQLException {
    throw ErrorCode.unsupported("ARRAY parameters");
  }

  @Override
  public void setURL(int i, URL x) throws SQLException {
    throw ErrorCode.unsupported("DATALINK parameters");
  }

  @Override
  public void setRowId(int i, RowId x) throws SQLException {
    throw ErrorCode.unsupported("ROWID parameters");
  }

  @Override
  public void setSQLXML(int i, SQLXML x) throws SQLException {
    throw ErrorCode.unsupported("XML parameters");
  }
}
