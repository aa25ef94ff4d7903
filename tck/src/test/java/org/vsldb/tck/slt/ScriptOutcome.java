package org.vsldb.tck.slt;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import net.hydromatic.sqllogictest.TestStatistics;

/**
 * What one sqllogictest script did on one database: its queries passed, failed, skipped (left out
 * by the script's {@code skipif}/{@code onlyif} lines for our dialect) and not run (after a
 * timeout), and each failure.
 */
record ScriptOutcome(String script, int queries, int passed, int skipped, int statements,
    List<Failure> failures) implements Serializable {

  /** A statement or query that did not do what the script says; {@code kind} is one of {@link #KINDS}. */
  record Failure(String kind, String sql, String error, String sqlState, String details)
      implements Serializable {
    /** The error message up to its first line break, at most 200 characters. */
    String shortError() {
      String e = error == null ? "" : error.strip();
      int nl = e.indexOf('\n');
      e = nl < 0 ? e : e.substring(0, nl);
      return e.length() <= 200 ? e : e.substring(0, 200) + "...";
    }

    boolean isQuery() {
      return !kind.equals("statement");
    }

    @Override
    public String toString() {
      return kind + (sqlState == null ? "" : " [" + sqlState + "]") + ": " + shortError()
          + "\n      sql: " + sql + (details == null || details.isBlank() ? ""
          : "\n      " + details.strip().replace(System.lineSeparator(), "\n      "));
    }
  }

  static final List<String> KINDS = List.of("statement", "query error", "wrong result", "stopped");

  int failedQueries() {
    return (int) failures.stream().filter(Failure::isQuery).count();
  }

  int failedStatements() {
    return failures.size() - failedQueries();
  }

  /** Queries the script would run here that never ran (the script stopped at a timeout). */
  int notRun() {
    return queries - skipped - passed - failedQueries();
  }

  boolean passedCompletely() {
    return failures.isEmpty() && notRun() == 0;
  }

  String summary() {
    return String.format("%-42s queries %5d  passed %5d  failed %5d  skipped %5d  not run %5d  (%s)"
            + "  statements failed %d of %d",
        script, queries, passed, failedQueries(), skipped, notRun(), rate(passed, passed + failedQueries()),
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

  /** {@code part} as a percentage of {@code whole}, e.g. {@code " 97.5%"}; {@code "   n/a"} for none. */
  static String rate(long part, long whole) {
    return whole == 0 ? "   n/a" : String.format("%5.1f%%", 100.0 * part / whole);
  }

  /**
   * Collects the outcome while a script runs, possibly read by another thread (a watchdog); the
   * library reports queries into {@link #statistics()}.
   */
  static final class Builder {
    private final String script;
    private final List<Failure> failures = new ArrayList<>();
    private int queries;
    private int skipped;
    private int statements;
    private String current;
    private boolean currentIsQuery;
    private long currentSince = System.nanoTime();
    private final TestStatistics statistics = new TestStatistics(false, 0) {
      @Override
      public boolean addFailure(TestStatistics.FailedTestDescription f) {
        Throwable e = f.exception;
        synchronized (Builder.this) {
          failures.add(new Failure(e == null ? "wrong result" : "query error", f.query.getQuery(), f.error,
              sqlState(e), f.details));
        }
        return super.addFailure(f);
      }
    };

    Builder(String script) {
      this.script = script;
    }

    synchronized void parsed(int queries, int skipped) {
      this.queries = queries;
      this.skipped = skipped;
    }

    TestStatistics statistics() {
      return statistics;
    }

    synchronized void starting(String sql, boolean query) {
      current = sql;
      currentIsQuery = query;
      currentSince = System.nanoTime();
    }

    /** Seconds the statement or query under way has been running. */
    synchronized long currentSeconds() {
      return (System.nanoTime() - currentSince) / 1_000_000_000L;
    }

    synchronized void statementPassed() {
      statements++;
    }

    synchronized void statementFailed(String sql, Exception e, String error) {
      statements++;
      String message = e == null ? error : String.valueOf(e.getMessage());
      failures.add(new Failure("statement", sql, message, sqlState(e), null));
    }

    /**
     * The outcome so far, the statement or query under way failing for {@code reason} (a timeout,
     * an error that ended the script); the queries after it count as not run.
     */
    synchronized ScriptOutcome stopped(String reason) {
      String error = reason + "; the rest of the script was not run";
      if (current == null) {
        statementFailed("(the whole script)", null, error);
      } else if (currentIsQuery) {
        failures.add(new Failure("stopped", current, error, null, null));
      } else {
        statementFailed(current, null, error);
      }
      return build();
    }

    synchronized ScriptOutcome build() {
      return new ScriptOutcome(script, queries, statistics.getPassedTestCount(), skipped, statements,
          List.copyOf(failures));
    }

    private static String sqlState(Throwable e) {
      return e instanceof SQLException s ? s.getSQLState() : e == null ? null : e.getClass().getSimpleName();
    }
  }
}
