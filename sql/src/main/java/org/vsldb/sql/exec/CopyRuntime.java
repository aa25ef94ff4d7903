package org.vsldb.sql.exec;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;
import org.vsldb.sql.copy.CopyContext;
import org.vsldb.sql.copy.FileAccessPolicy;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.storage.Transaction;

/** The {@link CopyContext} a {@link Session} gives a running COPY: its transaction and plans. */
final class CopyRuntime implements CopyContext {
  private final StatementPlanner planner;
  private final Transaction txn;
  private final FileAccessPolicy files;
  private final AtomicBoolean cancel;
  private final org.vsldb.storage.Progress progress;

  CopyRuntime(StatementPlanner planner, Transaction txn, FileAccessPolicy files, AtomicBoolean cancel,
      org.vsldb.storage.Progress progress) {
    this.planner = planner;
    this.txn = txn;
    this.files = files;
    this.cancel = cancel;
    this.progress = progress;
  }

  @Override
  public org.vsldb.storage.Progress progress() {
    return progress;
  }

  @Override
  public Transaction transaction() {
    return txn;
  }

  @Override
  public FileAccessPolicy files() {
    return files;
  }

  @Override
  public AtomicBoolean cancelFlag() {
    return cancel;
  }

  @Override
  public Enumerator<Object> run(CompiledQuery query, Object[] params) {
    return query.bindable()
        .bind(new VslDataContext(planner.rootSchema(), planner.typeFactory(), txn, params, query.stash(), cancel))
        .enumerator();
  }

  @Override
  public void apply(Command.Dml insert, Object[] row) throws SQLException {
    DmlExecutor.apply(txn, insert, List.<Object[]>of(row), null);
  }
}
