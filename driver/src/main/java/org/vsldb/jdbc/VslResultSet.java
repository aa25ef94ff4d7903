package org.vsldb.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vsldb.jdbc.types.JdbcValues;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.error.ErrorCode;

/**
 * A forward-only, read-only {@link ResultSet} over rows in the runtime representation, converted
 * per column by {@link JdbcValues} as each getter is called. The getters by label and the
 * refusals of updates are in {@link ReadOnlyResultSet}.
 */
final class VslResultSet extends ReadOnlyResultSet {
  private final Statement statement;
  private final List<ColumnMeta> columns;
  private final Iterator<Object[]> rows;
  private final AutoCloseable onClose;
  private final long maxRows;
  private Map<String, Integer> labels;
  private Object[] current;
  private long rowNumber;
  private boolean afterLast;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;
  private SQLWarning warnings;

  VslResultSet(
      Statement statement,
      List<ColumnMeta> columns,
      Iterator<Object[]> rows,
      AutoCloseable onClose,
      long maxRows) {
    this.statement = statement;
    this.columns = columns;
    this.rows = rows;
    this.onClose = onClose;
    this.maxRows = maxRows;
  }

  List<ColumnMeta> columns() {
    return columns;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw ErrorCode.OBJECT_CLOSED.exception("result set");
    }
  }

  private Object value(int i) throws SQLException {
    checkOpen();
    if (current == null) {
      throw ErrorCode.NO_DATA.exception(
          afterLast ? "the cursor is after the last row" : "call next() first");
    }
    if (i < 1 || i > columns.size()) {
      throw ErrorCode.INVALID_PARAMETER.exception(i, "column index (1.." + columns.size() + ")");
    }
    Object v = current[i - 1];
    wasNull = v == null;
    return v;
  }

  private ColumnMeta col(int i) {
    return columns.get(i - 1);
  }

  // ResultSet: navigation ////////////////////////////////////////////////////////////////

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    try {
      if (afterLast || (maxRows > 0 && rowNumber >= maxRows) || !rows.hasNext()) {
        current = null;
        if (!afterLast) {
          afterLast = true;
          rowNumber++;
        }
        return false;
      }
      current = rows.next();
      rowNumber++;
      return true;
    } catch (RuntimeException e) {
      throw org.vsldb.sql.error.SqlErrors.translate(
          e instanceof org.vsldb.sql.exec.VslDataContext.CancelledException
              ? ErrorCode.CANCELLED.exception(e)
              : e);
    }
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      current = null;
      if (onClose != null) {
        try {
          onClose.close();
        } catch (Exception e) {
          throw org.vsldb.sql.error.SqlErrors.translate(e);
        }
      }
      if (statement instanceof VslStatement s) {
        s.resultSetClosed(this);
      }
    }
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && rows.hasNext();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 1;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return rowNumber == 1 && current != null;
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return current != null && (!rows.hasNext() || (maxRows > 0 && rowNumber >= maxRows));
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return current == null ? 0 : (int) rowNumber;
  }

  private SQLException forwardOnly() {
    return ErrorCode.FEATURE_NOT_SUPPORTED.exception(
        "moving the cursor of a forward-only result set");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw forwardOnly();
    }
  }

  @Override
  public int getFetchDirection() {
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(rows, "fetch size");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() {
    return fetchSize;
  }

  @Override
  public int getType() {
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() {
    return HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public String getCursorName() throws SQLException {
    throw ErrorCode.unsupported("named cursors");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new VslResultSetMetaData(columns);
  }

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    if (labels == null) {
      Map<String, Integer> m = new java.util.HashMap<>();
      for (int i = columns.size() - 1; i >= 0; i--) {
        m.put(columns.get(i).label().toUpperCase(Locale.ROOT), i + 1);
      }
      for (int i = columns.size() - 1; i >= 0; i--) {
        m.put(columns.get(i).label(), i + 1);
      }
      labels = m;
    }
    Integer i = labels.get(label);
    if (i == null && label != null) {
      i = labels.get(label.toUpperCase(Locale.ROOT));
    }
    if (i == null) {
      throw ErrorCode.COLUMN_NOT_FOUND.exception(label, " in the result set");
    }
    return i;
  }

  // ResultSet: getters by index //////////////////////////////////////////////////////////

  @Override
  public String getString(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.toString(v, col(i));
  }

  @Override
  public boolean getBoolean(int i) throws SQLException {
    Object v = value(i);
    return v != null && JdbcValues.toBoolean(v, col(i));
  }

  @Override
  public byte getByte(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : (byte) JdbcValues.toLong(v, col(i), Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  @Override
  public short getShort(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : (short) JdbcValues.toLong(v, col(i), Short.MIN_VALUE, Short.MAX_VALUE);
  }

  @Override
  public int getInt(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : (int) JdbcValues.toLong(v, col(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public long getLong(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : JdbcValues.toLong(v, col(i), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public float getFloat(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : JdbcValues.toNumber(v, col(i)).floatValue();
  }

  @Override
  public double getDouble(int i) throws SQLException {
    Object v = value(i);
    return v == null ? 0 : JdbcValues.toNumber(v, col(i)).doubleValue();
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(i);
    return d == null ? null : d.setScale(scale, java.math.RoundingMode.HALF_UP);
  }

  @Override
  public BigDecimal getBigDecimal(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.toBigDecimal(v, col(i));
  }

  @Override
  public byte[] getBytes(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.toBytes(v, col(i));
  }

  @Override
  public Date getDate(int i) throws SQLException {
    return getDate(i, null);
  }

  @Override
  public Time getTime(int i) throws SQLException {
    return getTime(i, null);
  }

  @Override
  public Timestamp getTimestamp(int i) throws SQLException {
    return getTimestamp(i, null);
  }

  @Override
  public Date getDate(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.toDate(v, col(i), cal);
  }

  @Override
  public Time getTime(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.toTime(v, col(i), cal);
  }

  @Override
  public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.toTimestamp(v, col(i), cal);
  }

  @Override
  public Object getObject(int i) throws SQLException {
    Object v = value(i);
    return v == null ? null : JdbcValues.toObject(v, col(i));
  }

  @Override
  public <T> T getObject(int i, Class<T> type) throws SQLException {
    if (type == null) {
      throw ErrorCode.INVALID_PARAMETER.exception("null", "type");
    }
    Object v = value(i);
    return v == null ? null : JdbcValues.toType(v, col(i), type);
  }

  @Override
  public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw ErrorCode.unsupported("type maps");
    }
    return getObject(i);
  }

  @Override
  public Reader getCharacterStream(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getNCharacterStream(int i) throws SQLException {
    return getCharacterStream(i);
  }

  @Override
  public String getNString(int i) throws SQLException {
    return getString(i);
  }

  @Override
  public InputStream getAsciiStream(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int i) throws SQLException {
    throw ErrorCode.unsupported("getUnicodeStream (deprecated; use getCharacterStream)");
  }

  @Override
  public InputStream getBinaryStream(int i) throws SQLException {
    byte[] b = getBytes(i);
    return b == null ? null : new java.io.ByteArrayInputStream(b);
  }

  @Override
  public Ref getRef(int i) throws SQLException {
    throw ErrorCode.unsupported("REF values");
  }

  @Override
  public Blob getBlob(int i) throws SQLException {
    byte[] b = getBytes(i);
    return b == null ? null : new javax.sql.rowset.serial.SerialBlob(b);
  }

  @Override
  public Clob getClob(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new javax.sql.rowset.serial.SerialClob(s.toCharArray());
  }

  @Override
  public NClob getNClob(int i) throws SQLException {
    throw ErrorCode.unsupported("NCLOB values");
  }

  @Override
  public Array getArray(int i) throws SQLException {
    throw ErrorCode.unsupported("ARRAY values");
  }

  @Override
  public URL getURL(int i) throws SQLException {
    throw ErrorCode.unsupported("DATALINK values");
  }

  @Override
  public RowId getRowId(int i) throws SQLException {
    throw ErrorCode.unsupported("ROWID values");
  }

  @Override
  public SQLXML getSQLXML(int i) throws SQLException {
    throw ErrorCode.unsupported("XML values");
  }

  // Wrapper ////////////////////////////////////////////////////////////////////////////////

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
