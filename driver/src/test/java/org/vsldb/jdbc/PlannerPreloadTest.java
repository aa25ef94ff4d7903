package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The planner preload the shell starts: it runs on through the connect, and the first statement
 * stops it and waits for it, then plans as without it. (That no other thread initialises Calcite
 * while it runs is checked on the shell itself, in the tck's {@code PreloadOrderTest}.)
 */
class PlannerPreloadTest {
  @Test
  void statements_whileThePreloadRuns_stopItAndWait_thenPlan() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      PlannerPreload.start();
      PlannerPreload.start(); // once per JVM: a second call does nothing
      try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:");
          Statement s = c.createStatement()) {
        s.execute("create table t(a int primary key, b varchar(10))");
        s.execute("insert into t values (1, 'x'), (2, 'y')");
        try (ResultSet rs = s.executeQuery("select b, count(*) from t where a > 0 group by b order by b")) {
          assertTrue(rs.next());
          assertEquals("x", rs.getString(1));
          assertTrue(rs.next());
          assertEquals("y", rs.getString(1));
        }
      }
      PlannerPreload.await(); // stopped already: returns at once
    });
  }
}
