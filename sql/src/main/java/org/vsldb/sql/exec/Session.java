package org.vsldb.sql.exec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.Result;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.Catalog;

/**
 * One connection's state: its open transaction, auto-commit mode, isolation level and current
 * schema. Runs {@link Command}s. Calls are serialized, so a connection may be shared by threads.
 *
 * <p>Statement atomicity: a DML statement that fails undoes its own changes (back to the
 * transaction's mark taken before it) and leaves the transaction open. With auto-commit on, every
 * statement is its own transaction.
 *
 * <p>Isolation: READ COMMITTED reads at the newest commit before each statement; when a row the
 * statement changes was changed by a transaction that committed meanwhile (it waited for that
 * transaction's row lock), the statement runs again on the newest commit. REPEATABLE READ and
 * SERIALIZABLE read at the transaction's first snapshot and fail with 40001 instead
 * (first updater wins).
 */
public final class Session {
  private final Store store;
  /** The database's planner, made when a statement first needs it. */
  private final java.util.function.Supplier<StatementPlanner> planners;
  private DdlExecutor ddl;
  private Transaction txn;
  private boolean autoCommit = true;
  private int isolation = Connection.TRANSACTION_READ_COMMITTED;
  private volatile String schema = Catalog.DEFAULT_SCHEMA;
  private boolean readOnly;
  private volatile AtomicBoolean cancel = new AtomicBoolean();
  /** The last value NEXT VALUE FOR gave this session, per sequence (CURRENT VALUE FOR). */
  private final java.util.Map<String, Long> sequenceValues = new java.util.concurrent.ConcurrentHashMap<>();
  /** Whether {@link #cancel} may still be read by an open result (a query's or an EXPLAIN's). */
  private boolean lastFlagShared = true;
  /** The count of most DML statements, made once (a count has no state). */
  private static final Result.Count ONE_ROW = new Result.Count(1);
  private volatile ProgressSink progress = ProgressSink.NONE;
  private volatile org.vsldb.sql.copy.FileAccessPolicy files = org.vsldb.sql.copy.FileAccessPolicy.workingDirectory();

  public Session(Store store, java.util.function.Supplier<StatementPlanner> planner) {
    this.store = store;
    this.planners = planner;
  }

  private StatementPlanner planner() {
    return planners.get();
  }

  private DdlExecutor ddl() {
    if (ddl == null) {
      ddl = new DdlExecutor(store, planner());
    }
    return ddl;
  }

  /** Where the progress of long statements goes (nowhere unless set). */
  public void setProgressSink(ProgressSink sink) {
    this.progress = sink == null ? ProgressSink.NONE : sink;
  }

  /** The schema that unqualified names of statements prepared from now on resolve in. */
  public String schema() {
    return schema;
  }

  /** Makes {@code name} (an existing schema) the schema of unqualified names. */
  public void setSchema(String name) {
    this.schema = name;
  }

  public synchronized boolean autoCommit() {
    return autoCommit;
  }

  /** Switches auto-commit; switching it on commits the open transaction, as JDBC requires. */
  public synchronized void setAutoCommit(boolean on) throws SQLException {
    if (on && !autoCommit) {
      commit();
    }
    autoCommit = on;
  }

  /** Sets where COPY may read and write files (the connection's {@code fileAccess}). */
  public void setFileAccess(org.vsldb.sql.copy.FileAccessPolicy files) {
    this.files = files;
  }

  /** Makes the session refuse changes (25006), as {@code Connection.setReadOnly(true)} asks. */
  public synchronized void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  private void checkWritable() throws SQLException {
    if (readOnly || store.isReadOnly()) {
      throw ErrorCode.READ_ONLY.exception(
          store.isReadOnly()
              ? "the database is open read-only (readOnly=true)"
              : "the connection is read-only (Connection.setReadOnly(true))");
    }
  }

  public synchronized int isolation() {
    return isolation;
  }

  /**
   * Sets the isolation level. READ_UNCOMMITTED is served as READ_COMMITTED (JDBC allows a
   * stricter level); SERIALIZABLE is snapshot isolation, see the README. A transaction with changes
   * must end first.
   */
  public synchronized void setIsolation(int level) throws SQLException {
    int effective = switch (level) {
      case Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED ->
          Connection.TRANSACTION_READ_COMMITTED;
      case Connection.TRANSACTION_REPEATABLE_READ -> Connection.TRANSACTION_REPEATABLE_READ;
      case Connection.TRANSACTION_SERIALIZABLE -> Connection.TRANSACTION_SERIALIZABLE;
      default -> throw ErrorCode.INVALID_PARAMETER.exception(level, "transaction isolation level");
    };
    if (effective == isolation) {
      return;
    }
    if (txn != null && txn.hasWrites()) {
      throw ErrorCode.INVALID_STATE.exception(
          "the isolation level cannot change inside a transaction with changes; commit or roll back first");
    }
    if (txn != null) {
      txn.rollback(); // nothing to lose: it only read
      txn = null;
    }
    isolation = effective;
  }

  /** A savepoint: a position in the current transaction's changes. */
  public record Savepoint(Transaction transaction, int mark) {}

  /** Marks the current transaction's changes so far; requires auto-commit off. */
  public synchronized Savepoint setSavepoint() throws SQLException {
    if (autoCommit) {
      throw ErrorCode.INVALID_STATE.exception("savepoints need auto-commit off");
    }
    if (txn == null) {
      txn = store.begin();
    }
    return new Savepoint(txn, txn.mark());
  }

  /** Undoes the changes made after {@code sp}; the transaction stays open. */
  public synchronized void rollbackTo(Savepoint sp) throws SQLException {
    if (sp.transaction() != txn) {
      throw ErrorCode.INVALID_STATE.exception("the savepoint belongs to a transaction that has ended");
    }
    txn.rollbackTo(sp.mark());
  }

  /** Checks that {@code sp} belongs to the open transaction (releasing it frees nothing). */
  public synchronized void release(Savepoint sp) throws SQLException {
    if (sp.transaction() != txn) {
      throw ErrorCode.INVALID_STATE.exception("the savepoint belongs to a transaction that has ended");
    }
  }

  /** Whether a transaction with changes is open. */
  public synchronized boolean inTransaction() {
    return txn != null && txn.hasWrites();
  }

  public synchronized void commit() throws SQLException {
    Transaction t = txn;
    txn = null;
    if (t != null) {
      try {
        t.commit();
      } catch (RuntimeException e) {
        t.rollback();
        throw SqlErrors.translate(e);
      }
    }
  }

  public synchronized void rollback() {
    Transaction t = txn;
    txn = null;
    if (t != null) {
      t.rollback();
    }
  }

  /** Asks the running statement to stop; it fails with 57014. */
  public void cancel() {
    cancel.set(true);
  }

  /** Runs a prepared command with parameter values (JDBC objects, converted here). */
  public Result execute(Command command, Object[] params) throws SQLException {
    return execute(command, params, GeneratedKeys.NONE);
  }

  /**
   * Runs a prepared command; an INSERT or MERGE returns the {@code keys} columns of the rows it
   * inserted with its count.
   */
  public synchronized Result execute(Command command, Object[] params, GeneratedKeys keys)
      throws SQLException {
    // A statement's cancel flag: a fresh one, unless the last statement's was never set and
    // nothing of it outlives it (no result reads it later), as for a DML statement.
    AtomicBoolean flag = cancel;
    if (flag.get() || !(command instanceof Command.Dml) || lastFlagShared) {
      flag = new AtomicBoolean();
    }
    lastFlagShared = !(command instanceof Command.Dml);
    cancel = flag;
    if (command instanceof Command.Query q) {
      if (q.forUpdate() != null) {
        checkWritable();
        lockRows(q.forUpdate(), params, flag);
      }
      return query(q.query(), params, flag);
    }
    if (command instanceof Command.Dml d) {
      checkWritable();
      if (keys instanceof GeneratedKeys.None) {
        long count = dml(d, params, flag, null);
        return count == 1 ? ONE_ROW : new Result.Count(count);
      }
      int[] columns = keys.columns(d.table().def());
      List<Object[]> inserted = new ArrayList<>();
      long count = dml(d, params, flag, inserted);
      return new Result.Count(count, KeyRows.of(planner().typeFactory(), d.table().def(), columns, inserted));
    }
    if (command instanceof Command.Empty) {
      return new Result.Count(0);
    }
    if (command instanceof Command.TruncateRestartIdentity t) {
      checkWritable();
      commit(); // as DDL: the open transaction first
      long count = dml(t.delete(), params, flag, null);
      commit();
      try {
        store.restartIdentity(t.delete().table().id());
      } catch (RuntimeException e) {
        throw SqlErrors.translate(e);
      }
      return new Result.Count(count);
    }
    if (command instanceof Command.SetSchema set) {
      if (!store.catalog().schemaNames().contains(set.schema())) {
        throw ErrorCode.SCHEMA_NOT_FOUND.exception(set.schema());
      }
      setSchema(set.schema());
      return new Result.Count(0);
    }
    if (command instanceof Command.Explain e) {
      return new Result.Rows(
          e.columns(), List.<Object[]>of(new Object[] {e.plan()}).iterator(), null);
    }
    if (command instanceof Command.Ddl d) {
      checkWritable();
      commit();
      ddl().execute(d.node(), schema);
      return new Result.Count(0);
    }
    if (command instanceof Command.Checkpoint) {
      checkWritable();
      try {
        ProgressThrottle p = new ProgressThrottle(progress, "CHECKPOINT", "rows");
        long rows = store.checkpoint(p).rows();
        p.finish();
        return new Result.Count(rows);
      } catch (RuntimeException e) {
        throw SqlErrors.translate(e);
      }
    }
    if (command instanceof Command.CopyDatabase c) {
      return copyDatabase(c);
    }
    if (command instanceof Command.Shutdown) {
      rollback();
      store.close();
      return new Result.Count(0);
    }
    if (command instanceof Command.Copy c) {
      if (c.plan().writes()) {
        checkWritable();
      }
      return new Result.Count(copy(c, flag));
    }
    if (command instanceof Command.TransactionControl tc) {
      if (tc.commit()) {
        commit();
      } else {
        rollback();
      }
      return new Result.Count(0);
    }
    throw ErrorCode.unsupported(command.getClass().getSimpleName());
  }

  private Result copyDatabase(Command.CopyDatabase c) throws SQLException {
    java.nio.file.Path file = files.resolve(c.file());
    if (c.to()) {
      ProgressThrottle p = new ProgressThrottle(progress, "COPY DATABASE TO", "rows");
      long rows = org.vsldb.sql.copy.DatabaseCopy.write(store, file, p);
      p.finish();
      return new Result.Count(rows);
    }
    checkWritable();
    commit();
    ProgressThrottle p = new ProgressThrottle(progress, "COPY DATABASE FROM", "bytes");
    long rows = org.vsldb.sql.copy.DatabaseCopy.read(store, file, p, sql -> {
      org.apache.calcite.sql.SqlNode node;
      try {
        node = planner().parse(sql);
      } catch (Throwable t) {
        throw SqlErrors.translate(t);
      }
      if (!node.getKind().belongsTo(SqlKind.DDL)) {
        throw ErrorCode.INVALID_STATEMENT.exception(1, 1,
            "a database copy holds only CREATE, ALTER and INSERT statements, found " + node.getKind());
      }
      ddl().execute(node, Catalog.DEFAULT_SCHEMA);
    });
    p.finish();
    return new Result.Count(rows);
  }

  private Transaction begin() {
    if (txn == null) {
      txn = store.begin();
    } else if (isolation == Connection.TRANSACTION_READ_COMMITTED) {
      txn.refreshSnapshot();
    }
    return txn;
  }

  private Object[] bind(CompiledQuery q, Object[] params) throws SQLException {
    List<SqlTypeName> types = q.parameterTypes();
    Object[] values = new Object[types.size()];
    for (int i = 0; i < values.length; i++) {
      if (params == null || i >= params.length || params[i] == Parameters.UNSET) {
        throw ErrorCode.PARAMETER_NOT_SET.exception(i + 1);
      }
      values[i] = Values.toInternal(params[i], types.get(i));
    }
    return values;
  }

  private VslDataContext context(CompiledQuery q, Transaction t, Object[] values, AtomicBoolean flag) {
    return new VslDataContext(planner().rootSchema(), planner().typeFactory(), t, values, q.stash(), flag,
        sequenceValues);
  }

  private Result query(CompiledQuery q, Object[] params, AtomicBoolean flag) throws SQLException {
    Object[] values = bind(q, params);
    Transaction t = begin();
    try {
      Enumerable<Object> rows = q.bindable().bind(context(q, t, values, flag));
      Enumerator<Object> e = rows.enumerator();
      // Compute the first row now, as H2 does, so that an error in it (division by zero, a bad
      // cast) is reported by the execute call that caused it.
      RowIterator it = new RowIterator(e, q.scalarRows());
      try {
        it.hasNext();
      } catch (RuntimeException | ExceptionInInitializerError ex) {
        e.close();
        throw ex;
      }
      // The result reads at this snapshot until it is closed, even after the transaction ends or
      // moves on to a newer snapshot, so the snapshot's versions are kept that long.
      AutoCloseable retained = store.retainSnapshot(t.snapshot());
      if (autoCommit) {
        txn = null;
        t.commit();
      }
      return new Result.Rows(q.columns(), it, () -> {
        try {
          e.close();
        } finally {
          retained.close();
        }
      });
    } catch (RuntimeException | ExceptionInInitializerError ex) {
      if (autoCommit) {
        rollback();
      }
      throw ex instanceof RuntimeException r ? translate(r) : SqlErrors.translate(ex);
    }
  }

  /** How often READ COMMITTED runs a statement again after a concurrent commit changed its rows. */
  private static final int MAX_STATEMENT_RETRIES = 1000;

  private long dml(Command.Dml d, Object[] params, AtomicBoolean flag, List<Object[]> inserted)
      throws SQLException {
    Object[] values = bind(d.input(), params);
    for (int attempt = 0; ; attempt++) {
      Transaction t = begin();
      int mark = t.mark();
      try {
        if (inserted != null) {
          inserted.clear(); // a retried statement reports only its last run's rows
        }
        long count = d.kind() == SqlKind.INSERT && isIdentity(d.input().parameterRow(), values.length)
            ? DmlExecutor.insertOwned(t, d.table(), values, inserted) // made for this execution: stored without a copy when it can be
            : DmlExecutor.apply(t, d, inputRows(d.input(), t, values, flag), inserted);
        if (autoCommit) {
          txn = null;
          t.commit();
        }
        return count;
      } catch (StoreException ex) {
        t.rollbackTo(mark);
        if (ex.reason() == StoreException.Reason.ROW_CHANGED
            && isolation == Connection.TRANSACTION_READ_COMMITTED
            && attempt < MAX_STATEMENT_RETRIES) {
          continue; // a row changed under the statement: run it again on the newest commit
        }
        endAfterFailure(t);
        throw translate(ex);
      } catch (SQLException | RuntimeException | ExceptionInInitializerError ex) {
        // An ExceptionInInitializerError carries a failure of a constant the generated code computes once.
        t.rollbackTo(mark);
        endAfterFailure(t);
        throw ex instanceof SQLException s ? s
            : ex instanceof RuntimeException r ? translate(r) : SqlErrors.translate(ex);
      }
    }
  }

  /**
   * Locks the rows a {@code FOR UPDATE} query returns, each found by its values as for a DELETE;
   * READ COMMITTED runs the search again when a concurrent commit changed one of them meanwhile.
   * The locks last until the transaction ends (at once, after the query, in auto-commit).
   */
  private void lockRows(Command.ForUpdate l, Object[] params, AtomicBoolean flag) throws SQLException {
    Object[] values = bind(l.rows(), params);
    int n = l.table().def().columns().size();
    for (int attempt = 0; ; attempt++) {
      Transaction t = begin();
      try {
        List<Object[]> rows = inputRows(l.rows(), t, values, flag);
        List<Object[]> whole = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
          whole.add(java.util.Arrays.copyOfRange(r, r.length - n, r.length)); // the table's columns come last
        }
        for (long rowId : DmlExecutor.rowIdsOf(t, l.table(), whole)) {
          t.lockRow(l.table(), rowId);
        }
        return;
      } catch (StoreException ex) {
        if (ex.reason() == StoreException.Reason.ROW_CHANGED
            && isolation == Connection.TRANSACTION_READ_COMMITTED
            && attempt < MAX_STATEMENT_RETRIES) {
          continue; // a row changed before it was locked: search again on the newest commit
        }
        endAfterFailure(t);
        throw translate(ex);
      } catch (RuntimeException | ExceptionInInitializerError ex) {
        endAfterFailure(t);
        throw ex instanceof RuntimeException r ? translate(r) : SqlErrors.translate(ex);
      }
    }
  }

  /** Whether {@code map} (null: none) takes parameter i to column i, for all {@code n} parameters. */
  private static boolean isIdentity(int[] map, int n) {
    if (map == null || map.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (map[i] != i) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows a DML statement's input plan computes; a plan that is one row of bare parameters
   * (see {@link CompiledQuery#parameterRow()}) is not run: its row is the parameter values.
   */
  private List<Object[]> inputRows(CompiledQuery input, Transaction t, Object[] values, AtomicBoolean flag) {
    int[] direct = input.parameterRow();
    if (direct != null) {
      Object[] row = new Object[direct.length];
      for (int i = 0; i < direct.length; i++) {
        row[i] = values[direct[i]];
      }
      return java.util.Collections.singletonList(row);
    }
    List<Object[]> rows = new ArrayList<>();
    Enumerator<Object> e = input.bindable().bind(context(input, t, values, flag)).enumerator();
    try {
      boolean scalar = input.scalarRows();
      while (e.moveNext()) {
        Object r = e.current();
        rows.add(scalar ? new Object[] {r} : (Object[]) r);
      }
    } finally {
      e.close();
    }
    return rows;
  }

  /** Runs a COPY in the transaction; a failure undoes the rows it added, as for DML. */
  private long copy(Command.Copy c, AtomicBoolean flag) throws SQLException {
    Transaction t = begin();
    int mark = t.mark();
    try {
      ProgressThrottle p = new ProgressThrottle(progress, "COPY", "rows");
      long count = org.vsldb.sql.copy.CopyRunner.run(c.plan(), new CopyRuntime(planner(), t, files, flag, p));
      p.finish();
      if (autoCommit) {
        txn = null;
        t.commit();
      }
      return count;
    } catch (SQLException | RuntimeException | ExceptionInInitializerError ex) {
      t.rollbackTo(mark);
      endAfterFailure(t);
      throw ex instanceof SQLException s ? s
          : ex instanceof RuntimeException r ? translate(r) : SqlErrors.translate(ex);
    }
  }

  private void endAfterFailure(Transaction t) {
    if (autoCommit) {
      txn = null;
      t.rollback();
    }
  }

  private static SQLException translate(RuntimeException e) {
    if (e instanceof VslDataContext.CancelledException) {
      return ErrorCode.CANCELLED.exception(e);
    }
    return SqlErrors.translate(e);
  }

  /** Closes the session, rolling back an open transaction. */
  public synchronized void close() {
    rollback();
  }

  /** Adapts an enumerator of Calcite rows to an iterator of value arrays. */
  private static final class RowIterator implements Iterator<Object[]> {
    private final Enumerator<Object> e;
    private final boolean scalar;
    private Object[] pending;
    private Boolean ready;

    RowIterator(Enumerator<Object> e, boolean scalar) {
      this.e = e;
      this.scalar = scalar;
    }

    @Override
    public boolean hasNext() {
      if (ready == null) {
        ready = e.moveNext();
        if (ready) {
          // Calcite's generated code computes projections in current(): take the row now, so an
          // error in it surfaces here.
          Object r = e.current();
          pending = scalar ? new Object[] {r} : (Object[]) r;
        }
      }
      return ready;
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ready = null;
      Object[] r = pending;
      pending = null;
      return r;
    }
  }
}
