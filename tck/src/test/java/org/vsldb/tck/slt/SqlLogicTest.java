package org.vsldb.tck.slt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SQLite's sqllogictest scripts {@code select1.test} to {@code select5.test} (from
 * {@code net.hydromatic:sql-logic-test}), each on a fresh in-memory database: every query must give
 * the script's result and every statement must succeed (or fail, where the script says so).
 * Prints the counts per script; a failure lists the first failed statements and queries. Each
 * script runs in a child JVM ({@link ScriptProcess}): a query still running after
 * {@code slt.queryTimeoutSeconds} (default 60) fails the script instead of hanging the build.
 *
 * <p>{@code -Dslt.url=jdbc:h2:mem:} runs them on H2 instead (to check the runner); the default is
 * {@code jdbc:vsl:mem:}. A unique database name is appended to the prefix.
 */
class SqlLogicTest {
  @Test
  void select1ScriptPassesCompletely() throws Exception {
    assertPassesCompletely("select1.test");
  }

  @Test
  void select2ScriptPassesCompletely() throws Exception {
    assertPassesCompletely("select2.test");
  }

  @Test
  void select3ScriptPassesCompletely() throws Exception {
    assertPassesCompletely("select3.test");
  }

  @Test
  void select4ScriptPassesCompletely() throws Exception {
    assertPassesCompletely("select4.test");
  }

  /** Joins of 4 to 64 tables: about 70 s on two cores (see {@code JoinOrder} in the sql module). */
  @Test
  void select5ScriptPassesCompletely() throws Exception {
    assertPassesCompletely("select5.test");
  }

  private static void assertPassesCompletely(String script) throws Exception {
    ScriptOutcome outcome = ScriptProcess.run(script, SltScripts.freshUrl(script), 0);
    System.out.println(outcome.summary());
    assertTrue(outcome.passedCompletely(), () -> outcome.report(5));
  }
}
