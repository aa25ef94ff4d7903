package org.vsldb.tck.slt;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.hydromatic.sqllogictest.TestStatistics;

/**
 * What one sqllogictest script did on one database: queries passed, failed and skipped (left out
 * by the script's {@code skipif}/{@code onlyif} lines for our dialect), and each failure.
 */
record ScriptOutcome(String script, int queries, int passed, int skipped, int statements,
    List<Failure> failures) {

  /** A statement or query that did not do what the script says. */
  record Failure(String kind, String sql, String error, String sqlState, String details) {
    /** The error message up to its first line break, at most 160 characters. */
    String shortError() {
      String e = error == null ? "" : error.strip();
      int nl = e.indexOf('\n');
      e = nl < 0 ? e : e.substring(0, nl);
      return e.length() <= 160 ? e : e.substring(0, 160) + "...";
    }

    @Override
    public String toString() {
      return kind + (sqlState == null ? "" : " [" + sqlState + "]") + ": " + shortError()
          + "\n      sql: " + sql + (details == null || details.isBlank() ? ""
          : "\n      " + details.strip().replace(System.lineSeparator(), "\n      "));
    }
  }

  int failedQueries() {
    return (int) failures.stream().filter(f -> !f.kind().equals("statement")).count();
  }

  int failedStatements() {
    return failures.size() - failedQueries();
  }

  boolean passedCompletely() {
    return failures.isEmpty() && passed == queries - skipped;
  }

  String summary() {
    return String.format("%-45s queries %6d  passed %6d  failed %6d  skipped %6d  (%5.1f%%)"
            + "  statements failed %d of %d",
        script, queries, passed, failedQueries(), skipped, percent(passed, queries - skipped),
        failedStatements(), statements);
  }

  /** The summary and the first {@code limit} failures. */
  String report(int limit) {
    StringBuilder b = new StringBuilder(summary());
    failures.stream().limit(limit).forEach(f -> b.append("\n  ").append(f));
    if (failures.size() > limit) {
      b.append("\n  ... and ").append(failures.size() - limit).append(" more");
    }
    return b.toString();
  }

  static double percent(long part, long whole) {
    return whole == 0 ? 100.0 : 100.0 * part / whole;
  }

  /** Collects the outcome while a script runs; the library reports queries into {@link #statistics()}. */
  static final class Builder {
    private final List<Failure> failures = new ArrayList<>();
    private int statements;
    private final TestStatistics statistics = new TestStatistics(false, 0) {
      @Override
      public boolean addFailure(TestStatistics.FailedTestDescription f) {
        Throwable e = f.exception;
        String kind = e == null ? "wrong result" : "query error";
        failures.add(new Failure(kind, f.query.getQuery(), f.error, sqlState(e), f.details));
        return super.addFailure(f);
      }
    };

    TestStatistics statistics() {
      return statistics;
    }

    void statementPassed() {
      statements++;
    }

    void statementFailed(String sql, SQLException e, String error) {
      statements++;
      failures.add(new Failure("statement", sql, e == null ? error : e.getMessage(), sqlState(e), null));
    }

    ScriptOutcome build(String script, int queries, int skipped) {
      return new ScriptOutcome(script, queries, statistics.getPassedTestCount(), skipped, statements,
          List.copyOf(failures));
    }

    private static String sqlState(Throwable e) {
      return e instanceof SQLException s ? s.getSQLState() : e == null ? null : e.getClass().getSimpleName();
    }
  }
}
