package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement.cancel() from another thread and setQueryTimeout stop a long query promptly. */
class CancelTest {
  /** A three-way cross join of 2,000 rows: 8 billion rows to count, minutes of work. */
  private static final String LONG_QUERY = "select count(*) from n a, n b, n c where a.v + b.v + c.v = -1";

  private Connection c;
  private final ScheduledExecutorService other = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:vsl:mem:" + UUID.randomUUID());
    try (Statement s = c.createStatement()) {
      s.execute("create table n (v int)");
    }
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("insert into n values (?)")) {
      for (int i = 0; i < 2_000; i++) {
        p.setInt(1, i);
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  @AfterEach
  void close() throws SQLException {
    other.shutdownNow();
    c.close();
  }

  private void assertStillUsable() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from n")) {
      assertTrue(rs.next());
      assertEquals(2_000, rs.getInt(1));
    }
  }

  @Test
  void cancelFromAnotherThread_stopsALongQueryWithin1Second_with57014() throws Exception {
    try (PreparedStatement s = c.prepareStatement(LONG_QUERY)) { // planned before the clock starts
      long[] cancelledAt = {0};
      other.schedule(() -> {
        try {
          cancelledAt[0] = System.nanoTime();
          s.cancel();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }, 500, TimeUnit.MILLISECONDS);
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery().next());
      long millis = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(cancelledAt[0] != 0 && millis < 1_000, "stopped " + millis + " ms after cancel()");
    }
    assertStillUsable();
  }

  @Test
  void queryTimeout_stopsALongQueryWithin1SecondOfTheTimeout_with57014() throws Exception {
    try (PreparedStatement s = c.prepareStatement(LONG_QUERY)) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery().next());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(millis < 1_000 + 1_000, "stopped after " + millis + " ms");
    }
    assertStillUsable();
  }
}
