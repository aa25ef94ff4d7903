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
 * A read-only {@link ResultSet} over rows in the runtime representation, converted per column by
 * {@link JdbcValues} as each getter is called. Its {@link Cursor} decides how it moves (forward
 * only, or scrolling over rows read at once). The getters by label and the refusals of updates
 * are in {@link ReadOnlyResultSet}.
 */
final class VslResultSet extends ReadOnlyResultSet {
  private final Statement statement;
  private final List<ColumnMeta> columns;
  private final Cursor cursor;
  private final AutoCloseable onClose;
  private final int holdability;
  private Map<String, Integer> labels;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;
  private int fetchDirection = FETCH_FORWARD;
  private SQLWarning warnings;

  VslResultSet(
      Statement statement, List<ColumnMeta> columns, Cursor cursor, AutoCloseable onClose, int holdability) {
    this.statement = statement;
    this.columns = columns;
    this.cursor = cursor;
    this.onClose = onClose;
    this.holdability = holdability;
  }

  /** A forward-only result set over {@code rows}, held over commits, as metadata methods return. */
  VslResultSet(Statement statement, List<ColumnMeta> columns, Iterator<Object[]> rows) {
    this(statement, columns, new ForwardCursor(rows, 0), null, HOLD_CURSORS_OVER_COMMIT);
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
    Object[] current = cursor.current();
    if (current == null) {
      throw ErrorCode.NO_DATA.exception(cursor.noRow());
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
    return cursor.next();
  }

  @Override
  public boolean previous() throws SQLException {
    checkOpen();
    return cursor.previous();
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    checkOpen();
    return cursor.absolute(row);
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    checkOpen();
    return cursor.relative(rows);
  }

  @Override
  public boolean first() throws SQLException {
    checkOpen();
    return cursor.first();
  }

  @Override
  public boolean last() throws SQLException {
    checkOpen();
    return cursor.last();
  }

  @Override
  public void beforeFirst() throws SQLException {
    checkOpen();
    cursor.beforeFirst();
  }

  @Override
  public void afterLast() throws SQLException {
    checkOpen();
    cursor.afterLast();
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
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
    return cursor.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return cursor.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return cursor.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return cursor.isLast();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return cursor.row();
  }

  /** A hint only; a forward-only result set accepts only {@code FETCH_FORWARD}. */
  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    ResultSetOptions.checkFetchDirection(cursor.type(), direction);
    fetchDirection = direction;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return fetchDirection;
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
  public int getType() throws SQLException {
    checkOpen();
    return cursor.type();
  }

  @Override
  public int getConcurrency() {
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
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
    return new VslResultSetMetaData(columns,
        statement instanceof VslStatement s ? s.connection.engine().catalog() : null);
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
    return b == null ? null : new org.vsldb.jdbc.types.MemoryBlob(b);
  }

  @Override
  public Clob getClob(int i) throws SQLException {
    String s = getString(i);
    return s == null ? null : new org.vsldb.jdbc.types.MemoryClob(s);
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
