package org.vsldb.tck.slt;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * The library's {@link JdbcExecutor} on a connection we open, for a database that is fresh for
 * each script. It keeps the library's statement handling ({@code statement ok}/{@code error}) and
 * its result check ({@link JdbcExecutor#validate}: I/R/T rendering, nosort/rowsort/valuesort, the
 * MD5 of "N values hashing to"). It changes two things in {@link #execute}: a failed statement is
 * recorded and the script goes on (the library abandons the file silently, counting its remaining
 * queries nowhere), and nothing is dropped before or after (the library uses
 * {@code DROP TABLE ... CASCADE}; the database is discarded instead). It can also stop after a
 * number of queries, to sample a long script.
 */
final class ConnectionExecutor extends JdbcExecutor {
  /** Opens the connection a script runs on. */
  @FunctionalInterface
  interface ConnectionFactory {
    Connection open() throws SQLException;
  }

  private final ConnectionFactory factory;
  private final ScriptOutcome.Builder outcome;
  private final int maxQueries;

  /** {@code maxQueries}: stop after running this many queries; 0 for all. */
  ConnectionExecutor(OptionsParser.SuppliedOptions options, String url, ConnectionFactory factory,
      ScriptOutcome.Builder outcome, int maxQueries) {
    super(options, url, "", "");
    this.factory = factory;
    this.outcome = outcome;
    this.maxQueries = maxQueries;
  }

  @Override
  public void establishConnection() throws SQLException {
    this.connection = factory.open();
  }

  @Override
  public TestStatistics execute(SltTestFile file, OptionsParser.SuppliedOptions options)
      throws SQLException {
    Locale format = Locale.getDefault(Locale.Category.FORMAT);
    Locale.setDefault(Locale.Category.FORMAT, Locale.ROOT); // R values print as "%.3f"
    establishConnection();
    try {
      int queries = 0;
      for (ISqlTestOperation operation : file.fileContents) {
        SltSqlStatement statement = operation.as(SltSqlStatement.class);
        if (statement != null) {
          runStatement(statement);
        } else if (maxQueries == 0 || queries++ < maxQueries) {
          runQuery(operation.to(options.err, SqlTestQuery.class));
        } else {
          break;
        }
      }
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, format);
      closeConnection();
    }
    return outcome.statistics();
  }

  private void runStatement(SltSqlStatement statement) {
    outcome.starting(statement.statement, false);
    if (!statement.shouldPass) { // the library's statement() cannot tell whether it failed
      try (Statement s = getConnection().createStatement()) {
        s.execute(statement.statement);
      } catch (SQLException | RuntimeException expected) {
        outcome.statementPassed();
        return;
      }
      outcome.statementFailed(statement.statement, null, "succeeded, but the script expects an error");
      return;
    }
    try {
      statement(statement); // the library's, which adds IF EXISTS and CASCADE to DROP VIEW
      outcome.statementPassed();
    } catch (SQLException | RuntimeException e) { // a driver may throw unchecked exceptions, too
      outcome.statementFailed(statement.statement, e, null);
    }
  }

  private void runQuery(SqlTestQuery query) {
    TestStatistics statistics = outcome.statistics();
    outcome.starting(query.getQuery(), true);
    try (Statement s = getConnection().createStatement();
        ResultSet rs = s.executeQuery(query.getQuery())) {
      validate(query, rs, query.outputDescription, statistics);
    } catch (Exception | AssertionError e) {
      statistics.addFailure(new TestStatistics.FailedTestDescription(query, null, "", e));
    }
  }
}
