package org.vsldb.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.vsldb.jdbc.types.MemoryBlob;
import org.vsldb.jdbc.types.MemoryClob;
import org.vsldb.jdbc.url.ConnectionConfig;
import org.vsldb.sql.SqlEngine;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.exec.Session;

/** A {@link Connection} to one database: a session with its own transaction. */
final class VslConnection implements Connection, ProgressReporting {
  private final Database database;
  private final Session session;
  private final Set<VslStatement> statements = ConcurrentHashMap.newKeySet();
  private final ClientInfo clientInfo = new ClientInfo();
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

  /** The options of a statement created without any: forward-only, read-only, this holdability. */
  private ResultSetOptions defaultOptions() {
    return new ResultSetOptions(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, holdability);
  }

  /** The transaction ended: result sets not held over commits close. */
  void transactionEnded() throws SQLException {
    for (VslStatement s : statements.toArray(new VslStatement[0])) {
      s.transactionEnded();
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
    return track(new VslStatement(this, defaultOptions()));
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return createStatement(type, concurrency, holdability);
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    return track(new VslStatement(this,
        ResultSetOptions.granted(type, concurrency, holdability, this::addWarning)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    return track(new VslPreparedStatement(this, sql, defaultOptions()));
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
    return track(new VslPreparedStatement(this, sql,
        ResultSetOptions.granted(type, concurrency, holdability, this::addWarning)));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys)
      throws SQLException {
    return withKeys(sql, KeyRequests.of(autoGeneratedKeys));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return withKeys(sql, KeyRequests.of(columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames)
      throws SQLException {
    return withKeys(sql, KeyRequests.of(columnNames));
  }

  /** A prepared statement whose every execution returns {@code keys} as generated keys. */
  private PreparedStatement withKeys(String sql, org.vsldb.sql.exec.GeneratedKeys keys) throws SQLException {
    checkOpen();
    VslPreparedStatement p = new VslPreparedStatement(this, sql, defaultOptions());
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
    boolean commits = autoCommit && !session.autoCommit();
    session.setAutoCommit(autoCommit);
    if (commits) {
      transactionEnded();
    }
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
    transactionEnded();
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    session.rollback();
    transactionEnded();
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
    if (schema == null || !engine().catalog().schemaNames().contains(schema)) {
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
    ResultSetOptions.checkHoldability(holdability);
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
      throw ClientInfo.closed(Map.of(name == null ? "" : name, ClientInfoStatus.REASON_UNKNOWN));
    }
    clientInfo.set(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw ClientInfo.closed(ClientInfo.failures(properties, ClientInfoStatus.REASON_UNKNOWN));
    }
    clientInfo.replace(properties);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.get(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    return clientInfo.all();
  }

  @Override
  public Clob createClob() throws SQLException {
    checkOpen();
    return new MemoryClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    checkOpen();
    return new MemoryBlob();
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
