package org.vsldb.sql.copy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;
import org.vsldb.sql.exec.Command;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.storage.Transaction;

/**
 * What a running {@code COPY} needs from the session that runs it: the transaction, the file
 * policy, the cancel flag, and the session's way of running compiled plans in that transaction.
 */
public interface CopyContext {
  /** The session's transaction; COPY FROM adds its rows to it. */
  Transaction transaction();

  /** Where the session may read and write files. */
  FileAccessPolicy files();

  /** Where the rows written or loaded so far are reported (every 1,024 rows). */
  default org.vsldb.storage.Progress progress() {
    return org.vsldb.storage.Progress.NONE;
  }

  /** Set when the statement is cancelled. */
  AtomicBoolean cancelFlag();

  /** Runs {@code query} in the transaction, with {@code params} in the runtime representation. */
  Enumerator<Object> run(CompiledQuery query, Object[] params);

  /** Applies rows that {@code insert}'s plan computed, as the INSERT would. */
  void apply(Command.Dml insert, Object[] row) throws SQLException;
}
