package org.vsldb.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import org.vsldb.sql.error.ErrorCode;

/**
 * The parts of a read-only {@link ResultSet} that do not depend on how rows are held: every
 * getter by column label resolves the label with {@link #findColumn} and calls the getter by
 * index, and every update method is refused with SQLState 0A000.
 */
abstract class ReadOnlyResultSet implements ResultSet {
  // ResultSet: getters by label ///////////////////////////////////////////////////////////

  @Override
  public String getString(String l) throws SQLException {
    return getString(findColumn(l));
  }

  @Override
  public boolean getBoolean(String l) throws SQLException {
    return getBoolean(findColumn(l));
  }

  @Override
  public byte getByte(String l) throws SQLException {
    return getByte(findColumn(l));
  }

  @Override
  public short getShort(String l) throws SQLException {
    return getShort(findColumn(l));
  }

  @Override
  public int getInt(String l) throws SQLException {
    return getInt(findColumn(l));
  }

  @Override
  public long getLong(String l) throws SQLException {
    return getLong(findColumn(l));
  }

  @Override
  public float getFloat(String l) throws SQLException {
    return getFloat(findColumn(l));
  }

  @Override
  public double getDouble(String l) throws SQLException {
    return getDouble(findColumn(l));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String l, int scale) throws SQLException {
    return getBigDecimal(findColumn(l), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String l) throws SQLException {
    return getBigDecimal(findColumn(l));
  }

  @Override
  public byte[] getBytes(String l) throws SQLException {
    return getBytes(findColumn(l));
  }

  @Override
  public Date getDate(String l) throws SQLException {
    return getDate(findColumn(l));
  }

  @Override
  public Time getTime(String l) throws SQLException {
    return getTime(findColumn(l));
  }

  @Override
  public Timestamp getTimestamp(String l) throws SQLException {
    return getTimestamp(findColumn(l));
  }

  @Override
  public Date getDate(String l, Calendar cal) throws SQLException {
    return getDate(findColumn(l), cal);
  }

  @Override
  public Time getTime(String l, Calendar cal) throws SQLException {
    return getTime(findColumn(l), cal);
  }

  @Override
  public Timestamp getTimestamp(String l, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(l), cal);
  }

  @Override
  public InputStream getAsciiStream(String l) throws SQLException {
    return getAsciiStream(findColumn(l));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String l) throws SQLException {
    return getUnicodeStream(findColumn(l));
  }

  @Override
  public InputStream getBinaryStream(String l) throws SQLException {
    return getBinaryStream(findColumn(l));
  }

  @Override
  public Object getObject(String l) throws SQLException {
    return getObject(findColumn(l));
  }

  @Override
  public <T> T getObject(String l, Class<T> type) throws SQLException {
    return getObject(findColumn(l), type);
  }

  @Override
  public Object getObject(String l, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(l), map);
  }

  @Override
  public Reader getCharacterStream(String l) throws SQLException {
    return getCharacterStream(findColumn(l));
  }

  @Override
  public Reader getNCharacterStream(String l) throws SQLException {
    return getNCharacterStream(findColumn(l));
  }

  @Override
  public String getNString(String l) throws SQLException {
    return getNString(findColumn(l));
  }

  @Override
  public Ref getRef(String l) throws SQLException {
    return getRef(findColumn(l));
  }

  @Override
  public Blob getBlob(String l) throws SQLException {
    return getBlob(findColumn(l));
  }

  @Override
  public Clob getClob(String l) throws SQLException {
    return getClob(findColumn(l));
  }

  @Override
  public NClob getNClob(String l) throws SQLException {
    return getNClob(findColumn(l));
  }

  @Override
  public Array getArray(String l) throws SQLException {
    return getArray(findColumn(l));
  }

  @Override
  public URL getURL(String l) throws SQLException {
    return getURL(findColumn(l));
  }

  @Override
  public RowId getRowId(String l) throws SQLException {
    return getRowId(findColumn(l));
  }

  @Override
  public SQLXML getSQLXML(String l) throws SQLException {
    return getSQLXML(findColumn(l));
  }

  // ResultSet: updates (read-only result sets) ////////////////////////////////////////////

  private static SQLException readOnly() {
    return ErrorCode.unsupported("updatable result sets");
  }

  @Override public boolean rowUpdated() throws SQLException { throw readOnly(); }
  @Override public boolean rowInserted() throws SQLException { throw readOnly(); }
  @Override public boolean rowDeleted() throws SQLException { throw readOnly(); }
  @Override public void insertRow() throws SQLException { throw readOnly(); }
  @Override public void updateRow() throws SQLException { throw readOnly(); }
  @Override public void deleteRow() throws SQLException { throw readOnly(); }
  @Override public void refreshRow() throws SQLException { throw readOnly(); }
  @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
  @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
  @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }
  @Override public void updateNull(int i) throws SQLException { throw readOnly(); }
  @Override public void updateBoolean(int i, boolean x) throws SQLException { throw readOnly(); }
  @Override public void updateByte(int i, byte x) throws SQLException { throw readOnly(); }
  @Override public void updateShort(int i, short x) throws SQLException { throw readOnly(); }
  @Override public void updateInt(int i, int x) throws SQLException { throw readOnly(); }
  @Override public void updateLong(int i, long x) throws SQLException { throw readOnly(); }
  @Override public void updateFloat(int i, float x) throws SQLException { throw readOnly(); }
  @Override public void updateDouble(int i, double x) throws SQLException { throw readOnly(); }
  @Override public void updateBigDecimal(int i, BigDecimal x) throws SQLException { throw readOnly(); }
  @Override public void updateString(int i, String x) throws SQLException { throw readOnly(); }
  @Override public void updateBytes(int i, byte[] x) throws SQLException { throw readOnly(); }
  @Override public void updateDate(int i, Date x) throws SQLException { throw readOnly(); }
  @Override public void updateTime(int i, Time x) throws SQLException { throw readOnly(); }
  @Override public void updateTimestamp(int i, Timestamp x) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(int i, InputStream x, int n) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(int i, InputStream x, int n) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(int i, Reader x, int n) throws SQLException { throw readOnly(); }
  @Override public void updateObject(int i, Object x, int s) throws SQLException { throw readOnly(); }
  @Override public void updateObject(int i, Object x) throws SQLException { throw readOnly(); }
  @Override public void updateNull(String l) throws SQLException { throw readOnly(); }
  @Override public void updateBoolean(String l, boolean x) throws SQLException { throw readOnly(); }
  @Override public void updateByte(String l, byte x) throws SQLException { throw readOnly(); }
  @Override public void updateShort(String l, short x) throws SQLException { throw readOnly(); }
  @Override public void updateInt(String l, int x) throws SQLException { throw readOnly(); }
  @Override public void updateLong(String l, long x) throws SQLException { throw readOnly(); }
  @Override public void updateFloat(String l, float x) throws SQLException { throw readOnly(); }
  @Override public void updateDouble(String l, double x) throws SQLException { throw readOnly(); }
  @Override public void updateBigDecimal(String l, BigDecimal x) throws SQLException { throw readOnly(); }
  @Override public void updateString(String l, String x) throws SQLException { throw readOnly(); }
  @Override public void updateBytes(String l, byte[] x) throws SQLException { throw readOnly(); }
  @Override public void updateDate(String l, Date x) throws SQLException { throw readOnly(); }
  @Override public void updateTime(String l, Time x) throws SQLException { throw readOnly(); }
  @Override public void updateTimestamp(String l, Timestamp x) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(String l, InputStream x, int n) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(String l, InputStream x, int n) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(String l, Reader x, int n) throws SQLException { throw readOnly(); }
  @Override public void updateObject(String l, Object x, int s) throws SQLException { throw readOnly(); }
  @Override public void updateObject(String l, Object x) throws SQLException { throw readOnly(); }
  @Override public void updateRef(int i, Ref x) throws SQLException { throw readOnly(); }
  @Override public void updateRef(String l, Ref x) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(int i, Blob x) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(String l, Blob x) throws SQLException { throw readOnly(); }
  @Override public void updateClob(int i, Clob x) throws SQLException { throw readOnly(); }
  @Override public void updateClob(String l, Clob x) throws SQLException { throw readOnly(); }
  @Override public void updateArray(int i, Array x) throws SQLException { throw readOnly(); }
  @Override public void updateArray(String l, Array x) throws SQLException { throw readOnly(); }
  @Override public void updateRowId(int i, RowId x) throws SQLException { throw readOnly(); }
  @Override public void updateRowId(String l, RowId x) throws SQLException { throw readOnly(); }
  @Override public void updateNString(int i, String x) throws SQLException { throw readOnly(); }
  @Override public void updateNString(String l, String x) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(int i, NClob x) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(String l, NClob x) throws SQLException { throw readOnly(); }
  @Override public void updateSQLXML(int i, SQLXML x) throws SQLException { throw readOnly(); }
  @Override public void updateSQLXML(String l, SQLXML x) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(int i, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(String l, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(int i, InputStream x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(int i, InputStream x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(int i, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(String l, InputStream x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(String l, InputStream x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(String l, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(int i, InputStream x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(String l, InputStream x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateClob(int i, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateClob(String l, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(int i, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(String l, Reader x, long n) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(int i, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(String l, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(int i, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(int i, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(int i, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(String l, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(String l, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(String l, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(int i, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(String l, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateClob(int i, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateClob(String l, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(int i, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(String l, Reader x) throws SQLException { throw readOnly(); }

}
