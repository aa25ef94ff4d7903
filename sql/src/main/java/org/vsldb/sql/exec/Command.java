package org.vsldb.sql.exec;

import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.storage.table.Table;

/**
 * A prepared statement of one of the kinds vsl runs: the closed set the session dispatches on.
 * Commands are immutable and shared by every connection of a database through the plan cache.
 */
public sealed interface Command {
  /** The SQL type of each {@code ?} parameter. */
  default List<SqlTypeName> parameterTypes() {
    return List.of();
  }

  /** The result columns, or an empty list for a statement that returns a count. */
  default List<ColumnMeta> columns() {
    return List.of();
  }

  /** Whether the plan depends on schema objects that may have changed since {@code version}. */
  default boolean isStale(long catalogVersion) {
    return false;
  }

  /**
   * A query, compiled against catalog version {@code version}; with {@code FOR UPDATE}, also the
   * plan that finds the rows to lock ({@code forUpdate}, else null).
   */
  record Query(CompiledQuery query, long version, ForUpdate forUpdate) implements Command {
    public Query(CompiledQuery query, long version) {
      this(query, version, null);
    }

    @Override
    public List<SqlTypeName> parameterTypes() {
      return query.parameterTypes();
    }

    @Override
    public List<ColumnMeta> columns() {
      return query.columns();
    }

    @Override
    public boolean isStale(long catalogVersion) {
      return catalogVersion != version;
    }
  }

  /**
   * The rows of {@code table} a {@code FOR UPDATE} query returns, to lock before it runs.
   *
   * @param rows the query's select items followed by every column of {@code table}, in order,
   *     with the query's parameters
   */
  record ForUpdate(CompiledQuery rows, Table table) {}

  /**
   * A text of white space and comments only: does nothing (update count 0), as in H2 and
   * PostgreSQL ({@link org.vsldb.sql.plan.StatementText}).
   */
  record Empty() implements Command {}

  /**
   * {@code TRUNCATE TABLE t RESTART IDENTITY}: {@code delete} (the rows, with their foreign keys'
   * actions) committed as DDL is, then the table's identity counter restarted in a second commit.
   */
  record TruncateRestartIdentity(Dml delete) implements Command {}

  /** {@code SET SCHEMA}: the session's default schema becomes {@code schema}. */
  record SetSchema(String schema) implements Command {}

  /**
   * INSERT, UPDATE or DELETE: Calcite computes the rows to write ({@code input}); vsl applies them.
   *
   * @param kind INSERT, UPDATE, DELETE or MERGE
   * @param table the target table
   * @param input the plan of the rows to write: for INSERT the new rows; for DELETE the old rows;
   *     for UPDATE the old rows followed by the new values of {@code updateColumns}; for MERGE
   *     the row to insert (when it has WHEN NOT MATCHED), then the matched row, all NULL when none
   *     matched, and the new values of {@code updateColumns} (of its WHEN MATCHED clause, or of the
   *     one vsl adds so that the plan carries the matched row: {@code Merges.withMatchedRows})
   * @param updateColumns for UPDATE and MERGE, the positions of the updated columns
   * @param merge for MERGE, which clauses it has; null otherwise
   */
  record Dml(SqlKind kind, Table table, CompiledQuery input, int[] updateColumns, long version,
      MergeClauses merge) implements Command {
    @Override
    public List<SqlTypeName> parameterTypes() {
      return input.parameterTypes();
    }

    @Override
    public boolean isStale(long catalogVersion) {
      return catalogVersion != version;
    }
  }

  /** Which clauses a MERGE has. */
  record MergeClauses(boolean whenMatched, boolean whenNotMatched) {}

  /** A schema change, run by {@link DdlExecutor}. */
  record Ddl(SqlNode node) implements Command {}

  /** CHECKPOINT: a new snapshot and a fresh log; the update count is the number of rows written. */
  record Checkpoint() implements Command {}

  /**
   * SHUTDOWN: rolls back the issuing session's transaction and closes the database (every
   * connection to it is closed; an in-memory database is discarded).
   */
  record Shutdown() implements Command {}

  /** COPY DATABASE TO (write a text copy) or FROM (load one), with the file as given. */
  record CopyDatabase(boolean to, String file) implements Command {}

  /** A table or query COPY to or from a file, run by {@link org.vsldb.sql.copy.CopyRunner}. */
  record Copy(org.vsldb.sql.copy.CopyPlan plan, long version) implements Command {
    @Override
    public boolean isStale(long catalogVersion) {
      return catalogVersion != version;
    }
  }

  /** COMMIT or ROLLBACK. */
  record TransactionControl(boolean commit) implements Command {}

  /** EXPLAIN PLAN FOR: one row with the plan. */
  record Explain(String plan, long version) implements Command {
    private static final List<ColumnMeta> COLUMNS =
        List.of(new ColumnMeta("PLAN", "PLAN", "", "", SqlTypeName.VARCHAR, 0, 0, false));

    @Override
    public List<ColumnMeta> columns() {
      return COLUMNS;
    }

    @Override
    public boolean isStale(long catalogVersion) {
      return catalogVersion != version;
    }
  }
}
