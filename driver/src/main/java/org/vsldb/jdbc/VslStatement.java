package org.vsldb.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.Result;
import org.vsldb.sql.SqlEngine;
import org.vsldb.sql.exec.GeneratedKeys;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.exec.Command;

/** A {@link Statement}: runs SQL text through the connection's session, one statement at a time. */
class VslStatement implements Statement {
  static {
    // This class reaches Calcite: the shell's planner preload must stop first (PlannerPreload).
    PlannerPreload.await();
  }

  private static final ScheduledExecutorService TIMEOUTS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vsl-query-timeout");
            t.setDaemon(true);
            return t;
          });

  final VslConnection connection;
  private final ResultSetOptions options;
  private final List<String> batch = new ArrayList<>();
  private VslResultSet resultSet;
  private long updateCount = -1;
  private long maxRows;
  private int fetchSize;
  private int fetchDirection = ResultSet.FETCH_FORWARD;
  private int queryTimeout;
  private boolean closed;
  private boolean closeOnCompletion;
  private boolean poolable;
  private SQLWarning warnings;

  /** The generated keys the running execution asks for. */
  GeneratedKeys keys = GeneratedKeys.NONE;

  /** Key rows of the executions since the last {@link #getGeneratedKeys}, and their columns. */
  private final List<Object[]> keyRows = new ArrayList<>();
  private List<ColumnMeta> keyColumns = List.of();

  VslStatement(VslConnection connection, ResultSetOptions options) {
    this.connection = connection;
    this.options = options;
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw ErrorCode.OBJECT_CLOSED.exception("statement");
    }
    connection.checkOpen();
  }

  /** Runs a prepared command, keeping its result as this statement's current result. */
  boolean run(Command command, Object[] params) throws SQLException {
    return run(command, params, false);
  }

  /**
   * As {@link #run(Command, Object[])}; within a batch ({@code inBatch}) the generated keys of
   * every execution are kept, else only those of this one.
   */
  boolean run(Command command, Object[] params, boolean inBatch) throws SQLException {
    checkOpen();
    closeResult();
    updateCount = -1;
    if (!inBatch) {
      keyRows.clear();
      keyColumns = List.of();
    }
    ScheduledFuture<?> timeout = null;
    if (queryTimeout > 0) {
      timeout = TIMEOUTS.schedule(connection.session()::cancel, queryTimeout, TimeUnit.SECONDS);
    }
    try {
      Result r = connection.session().execute(command, params, keys);
      if (r instanceof Result.Rows rows) {
        resultSet = open(rows);
        return true;
      }
      if (command instanceof Command.TransactionControl) {
        connection.transactionEnded();
      }
      Result.Count count = (Result.Count) r;
      updateCount = count.count();
      if (count.generatedKeys() != null) {
        keyColumns = count.generatedKeys().columns();
        count.generatedKeys().rows().forEachRemaining(keyRows::add);
      }
      return false;
    } finally {
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }

  /** A result set over {@code rows}, of this statement's type; a scrolling one reads them all now. */
  private VslResultSet open(Result.Rows rows) throws SQLException {
    Cursor cursor = Cursor.open(options.type(), rows, maxRows);
    return new VslResultSet(this, rows.columns(), cursor, rows.onClose(), options.holdability());
  }

  /** The transaction ended: a result set that is not held over commits closes. */
  void transactionEnded() throws SQLException {
    if (options.closedAtCommit()) {
      closeResult();
    }
  }

  Command prepare(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw ErrorCode.INVALID_PARAMETER.exception("null", "SQL text");
    }
    return connection.engine().prepare(sql, connection.session().schema());
  }

  /** An ad-hoc statement: a plan shared by statements that differ in literals, and its values. */
  private SqlEngine.AdHoc adHoc(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw ErrorCode.INVALID_PARAMETER.exception("null", "SQL text");
    }
    return connection.engine().prepareAdHoc(sql, connection.session().schema());
  }

  private void closeResult() throws SQLException {
    if (resultSet != null) {
      VslResultSet r = resultSet;
      resultSet = null;
      r.close();
    }
  }

  void resultSetClosed(VslResultSet r) throws SQLException {
    if (r == resultSet) {
      resultSet = null;
    }
    if (closeOnCompletion && resultSet == null && !closed) {
      close();
    }
  }

  // Statement: execution //////////////////////////////////////////////////////////////////

  @Override
  public boolean execute(String sql) throws SQLException {
    SqlEngine.AdHoc a = adHoc(sql);
    return run(a.command(), a.parameters());
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    SqlEngine.AdHoc a = adHoc(sql);
    requireQuery(a.command(), sql);
    run(a.command(), a.parameters());
    return resultSet;
  }

  static void requireQuery(Command c, String sql) throws SQLException {
    if (c.columns().isEmpty()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "'" + sql + "'", "executeQuery, which needs a statement that returns rows (use executeUpdate)");
    }
  }

  static void requireUpdate(Command c, String sql) throws SQLException {
    if (!c.columns().isEmpty()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "'" + sql + "'", "executeUpdate, which needs a statement that returns no rows (use executeQuery)");
    }
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return (int) executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    SqlEngine.AdHoc a = adHoc(sql);
    requireUpdate(a.command(), sql);
    run(a.command(), a.parameters());
    return updateCount;
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return withKeys(KeyRequests.of(autoGeneratedKeys), () -> execute(sql));
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return withKeys(KeyRequests.of(columnIndexes), () -> execute(sql));
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return withKeys(KeyRequests.of(columnNames), () -> execute(sql));
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return (int) executeLargeUpdate(sql, autoGeneratedKeys);
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return (int) executeLargeUpdate(sql, columnIndexes);
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return (int) executeLargeUpdate(sql, columnNames);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return withKeys(KeyRequests.of(autoGeneratedKeys), () -> executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return withKeys(KeyRequests.of(columnIndexes), () -> executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return withKeys(KeyRequests.of(columnNames), () -> executeLargeUpdate(sql));
  }

  @FunctionalInterface
  private interface Execution<T> {
    T run() throws SQLException;
  }

  private <T> T withKeys(GeneratedKeys request, Execution<T> execution) throws SQLException {
    GeneratedKeys before = keys;
    keys = request;
    try {
      return execution.run();
    } finally {
      keys = before;
    }
  }

  /**
   * The generated keys of the last execution (or of every execution of the last batch) that asked
   * for them: the identity column, or else the primary key, of each inserted row, or the columns
   * asked for by index or name. Empty when none were asked for or nothing was inserted.
   */
  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    List<Object[]> rows = new ArrayList<>(keyRows);
    return new VslResultSet(this, keyColumns, rows.iterator());
  }

  // Statement: batches //////////////////////////////////////////////////////////////////////

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return toIntCounts(executeLargeBatch());
  }

  /** Update counts as {@code executeBatch} returns them. */
  static int[] toIntCounts(long[] counts) {
    int[] r = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      r[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
    }
    return r;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> items = new ArrayList<>(batch);
    batch.clear();
    long[] counts = new long[items.size()];
    for (int i = 0; i < items.size(); i++) {
      try {
        SqlEngine.AdHoc a = adHoc(items.get(i));
        requireUpdate(a.command(), items.get(i));
        run(a.command(), a.parameters());
        counts[i] = updateCount;
      } catch (SQLException e) {
        throw new BatchUpdateException(
            e.getMessage(), e.getSQLState(), e.getErrorCode(), java.util.Arrays.copyOf(counts, i), e);
      }
    }
    return counts;
  }

  // Statement: results and settings ///////////////////////////////////////////////////////////

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return (int) getLargeUpdateCount();
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != KEEP_CURRENT_RESULT) {
      closeResult();
    }
    resultSet = null;
    updateCount = -1;
    return false;
  }

  @Override
  public void cancel() throws SQLException {
    checkOpen();
    connection.session().cancel();
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closeResult();
      closed = true;
      connection.statementClosed(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max != 0) {
      throw ErrorCode.unsupported("setMaxFieldSize (values are never truncated)");
    }
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) getLargeMaxRows();
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(max, "max rows");
    }
    maxRows = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw ErrorCode.INVALID_PARAMETER.exception(seconds, "query timeout");
    }
    queryTimeout = seconds;
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
  public void setCursorName(String name) throws SQLException {
    throw ErrorCode.unsupported("named cursors");
  }

  /** A hint for the result sets; forward-only ones take only {@code FETCH_FORWARD}. */
  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    ResultSetOptions.checkFetchDirection(options.type(), direction);
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
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return options.concurrency();
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return options.type();
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return options.holdability();
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
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
