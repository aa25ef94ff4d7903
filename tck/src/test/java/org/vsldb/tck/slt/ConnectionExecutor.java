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
 * {@code DROP TABLE ... CASCADE}; the database is discarded instead).
 */
final class ConnectionExecutor extends JdbcExecutor {
  /** Opens the connection a script runs on. */
  @FunctionalInterface
  interface ConnectionFactory {
    Connection open() throws SQLException;
  }

  private final ConnectionFactory factory;
  private final ScriptOutcome.Builder outcome;

  ConnectionExecutor(OptionsParser.SuppliedOptions options, String url, ConnectionFactory factory,
      ScriptOutcome.Builder outcome) {
    super(options, url, "", "");
    this.factory = factory;
    this.outcome = outcome;
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
      for (ISqlTestOperation operation : file.fileContents) {
        SltSqlStatement statement = operation.as(SltSqlStatement.class);
        if (statement != null) {
          runStatement(statement);
        } else {
          runQuery(operation.to(options.err, SqlTestQuery.class));
        }
      }
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, format);
      closeConnection();
    }
    return outcome.statistics();
  }

  private void runStatement(SltSqlStatement statement) {
    try {
      statement(statement); // swallows the error of a "statement error"
      if (statement.shouldPass) {
        outcome.statementPassed();
      } else {
        outcome.statementFailed(statement.statement, null, "succeeded, but the script expects an error");
      }
    } catch (SQLException e) {
      outcome.statementFailed(statement.statement, e, null);
    }
  }

  private void runQuery(SqlTestQuery query) {
    TestStatistics statistics = outcome.statistics();
    try (Statement s = getConnection().createStatement();
        ResultSet rs = s.executeQuery(query.getQuery())) {
      validate(query, rs, query.outputDescription, statistics);
    } catch (Exception | AssertionError e) {
      statistics.addFailure(new TestStatistics.FailedTestDescription(query, null, "", e));
    }
  }
}
