package org.vsldb.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.vsldb.jdbc.url.ConnectionConfig;
import org.vsldb.sql.SqlEngine;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.exec.Session;

/** A {@link Connection} to one database: a session with its own transaction. */
final class VslConnection implements Connection, ProgressReporting {
  private final Database database;
  private final Session session;
  private final Set<VslStatement> statements = ConcurrentHashMap.newKeySet();
  private final Properties clientInfo = new Properties();
  private volatile boolean closed;
  private boolean readOnly;
  /** Opened with readOnly=true (its own URL, or the file database's): never writable. */
  private final boolean openedReadOnly;
  private int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;
  private int networkTimeout;
  private int savepointIds;
  private SQLWarning warnings;

  /**
   * A connection to {@code database}, opened with {@code config}; its {@code fileAccess} applies to
   * this connection only, with relative file names resolving against the database directory, or
   * the working directory for an in-memory database.
   */
  VslConnection(Database database, ConnectionConfig config) {
    this.database = database;
    this.openedReadOnly = config.readOnly() || database.config().readOnly();
    this.session = database.engine().openSession();
    // its own readOnly=true, or the database's (a file database opened read-only)
    this.readOnly = openedReadOnly;
    session.setReadOnly(readOnly);
    java.nio.file.Path base = config.kind() == ConnectionConfig.Kind.FILE ? config.path() : java.nio.file.Path.of("");
    org.vsldb.sql.copy.FileAccessPolicy files = config.fileAccess() == ConnectionConfig.FileAccess.ANY
        ? org.vsldb.sql.copy.FileAccessPolicy.unrestricted(base)
        : org.vsldb.sql.copy.FileAccessPolicy.confined(base);
    session.setFileAccess(config.kind() == ConnectionConfig.Kind.FILE
        ? files.reserving(new org.vsldb.storage.DatabaseFiles(base).all())
        : files);
    setProgressListener(DefaultProgress.listener);
  }

  @Override
  public void setProgressListener(ProgressListener listener) {
    session.setProgressSink(listener == null ? null : (operation, done, total, unit, elapsed) ->
        listener.progress(new Progress(operation, done, total, unit, elapsed)));
  }

  ConnectionConfig config() {
    return database.config();
  }

  SqlEngine engine() {
    return database.engine();
  }

  Session session() {
    return session;
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw ErrorCode.CONNECTION_CLOSED.exception();
    }
    if (!database.isOpen()) {
      throw ErrorCode.OBJECT_CLOSED.exception("database");
    }
  }

  void statementClosed(VslStatement s) {
    statements.remove(s);
  }

  private <S extends VslStatement> S track(S s) {
    statements.add(s);
    return s;
  }

  private void checkResultSetOptions(int type, int concurrency, int holdability)
      throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      addWarning("result set type " + type + " is not supported; using TYPE_FORWARD_ONLY");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      addWarning("result set concurrency " + concurrency + " is not supported; using CONCUR_READ_ONLY");
    }
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT
        && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw ErrorCode.INVALID_PARAMETER.exception(holdability, "result set holdability");
    }
  }

  private void addWarning(String message) {
    SQLWarning w = new SQLWarning(message, "01000");
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w);
    }
  }

  // Connection: statements ////////////////////////////////////////////////////////////////

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return track(new VslStatement(this));
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return createStatement(type, concurrency, holdability);
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    checkResultSetOptions(type, concurrency, holdability);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    return track(new VslPreparedStatement(this, sql));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    return prepareStatement(sql, type, concurrency, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(
      String sql, int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    checkResultSetOptions(type, concurrency, holdability);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
      throws SQLException {
    return withKeys(sql, VslStatement.keysFor(autoGeneratedKeys));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return withKeys(sql, VslStatement.keysFor(columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames)
      throws SQLException {
    return withKeys(sql, VslStatement.keysFor(columnNames));
  }

  /** A prepared statement whose every execution returns {@code keys} as generated keys. */
  private PreparedStatement withKeys(String sql, org.vsldb.sql.exec.GeneratedKeys keys) throws SQLException {
    checkOpen();
    VslPreparedStatement p = new VslPreparedStatement(this, sql);
    p.keys = keys;
    return track(p);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw ErrorCode.unsupported("stored procedures (prepareCall)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency)
      throws SQLException {
    throw ErrorCode.unsupported("stored procedures (prepareCall)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    throw ErrorCode.unsupported("stored procedures (prepareCall)");
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // Connection: transactions ////////////////////////////////////////////////////////////////

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    session.setAutoCommit(autoCommit);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return session.autoCommit();
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
    session.commit();
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    session.rollback();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    session.setIsolation(level);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return session.isolation();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    checkOpen();
    return new VslSavepoint(++savepointIds, null, session.setSavepoint());
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    checkOpen();
    if (name == null) {
      throw ErrorCode.INVALID_PARAMETER.exception("null", "savepoint name");
    }
    return new VslSavepoint(++savepointIds, name, session.setSavepoint());
  }

  private static VslSavepoint own(Savepoint savepoint) throws SQLException {
    if (!(savepoint instanceof VslSavepoint s)) {
      throw ErrorCode.INVALID_PARAMETER.exception(savepoint, "savepoint (not one of this driver's)");
    }
    return s;
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
    if (session.autoCommit()) {
      throw ErrorCode.INVALID_STATE.exception("rollback to a savepoint needs auto-commit off");
    }
    session.rollbackTo(own(savepoint).position);
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    checkOpen();
    session.release(own(savepoint).position);
  }

  // Connection: state ////////////////////////////////////////////////////////////////////

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    for (VslStatement s : statements.toArray(new VslStatement[0])) {
      try {
        s.close();
      } catch (SQLException ignored) {
        // closing the connection closes its statements; their own errors do not matter here
      }
    }
    session.close();
    Databases.release(database);
  }

  /** True once closed, or once its database was shut down (SHUTDOWN from any connection). */
  @Override
  public boolean isClosed() {
    return closed || !database.isOpen();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(timeout, "isValid timeout");
    }
    return !closed && database.isOpen();
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw ErrorCode.INVALID_PARAMETER.exception("null", "abort executor");
    }
    if (closed) {
      return;
    }
    session.cancel();
    executor.execute(
        () -> {
          try {
            close();
          } catch (SQLException ignored) {
            // abort is best effort by definition
          }
        });
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (milliseconds < 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(milliseconds, "network timeout");
    }
    networkTimeout = milliseconds;
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeout;
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new VslDatabaseMetaData(this);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    if (!readOnly && openedReadOnly) {
      // JDBC calls read-only a hint, and pools reset it on every borrow: no error, no effect
      addWarning("the connection was opened with readOnly=true and stays read-only");
      return;
    }
    this.readOnly = readOnly;
    session.setReadOnly(readOnly);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return readOnly;
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema == null || !engine().store().catalog().schemaNames().contains(schema)) {
      throw ErrorCode.SCHEMA_NOT_FOUND.exception(schema);
    }
    session.setSchema(schema);
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return session.schema();
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
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new HashMap<>();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw ErrorCode.unsupported("type maps");
    }
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    checkResultSetOptions(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
    this.holdability = holdability;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("The connection is closed", "08003", 90007, Collections.emptyMap());
    }
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("The connection is closed", "08003", 90007, Collections.emptyMap());
    }
    clientInfo.clear();
    if (properties != null) {
      clientInfo.putAll(properties);
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties p = new Properties();
    p.putAll(clientInfo);
    return p;
  }

  @Override
  public Clob createClob() throws SQLException {
    throw ErrorCode.unsupported("CLOB values");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw ErrorCode.unsupported("BLOB values");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw ErrorCode.unsupported("NCLOB values");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw ErrorCode.unsupported("XML values");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw ErrorCode.unsupported("ARRAY values");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw ErrorCode.unsupported("STRUCT values");
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
