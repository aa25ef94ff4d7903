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

/** The planner preload the shell starts: connecting while it runs waits for it, then works. */
class PlannerPreloadTest {
  @Test
  void connect_whileThePreloadRuns_stopsItAndWaits_thenPlansStatements() {
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
