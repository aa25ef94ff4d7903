package org.vsldb.tck.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vsl against H2 2.3.232, embedded, in one run: a prepared point select by primary key and the
 * insert of 100,000 rows in one transaction, in memory and on file. Prints a table of figures and
 * the ratio vsl/H2 per workload, and writes it to {@code target/benchmarks.md}. Run with
 * {@code mvn -Pbench verify}; figures are reported, never asserted.
 */
@Tag("bench")
class EngineBenchmark {
  private static final int TABLE_ROWS = 1_000_000;
  private static final int INSERT_ROWS = 100_000;

  @TempDir Path dir;

  private static void createTable(Connection c) throws SQLException {
    c.createStatement().execute("create table t(id int primary key, name varchar(50), val int)");
  }

  private static void fill(Connection c, int rows) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("insert into t values (?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        p.setInt(1, i);
        p.setString(2, "name-" + i);
        p.setInt(3, i % 1000);
        p.executeUpdate();
      }
    }
    c.commit();
    c.setAutoCommit(auto);
  }

  private static Harness.Result pointSelect(String engine, String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url)) {
      createTable(c);
      fill(c, TABLE_ROWS);
      try (PreparedStatement p = c.prepareStatement("select name from t where id = ?")) {
        return Harness.throughput("prepared point select by PK (" + TABLE_ROWS + " rows)", engine, 3000, 5, 2000, i -> {
          p.setInt(1, ThreadLocalRandom.current().nextInt(TABLE_ROWS));
          try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalStateException("row missing");
            }
          }
        });
      }
    }
  }

  private static Harness.Result insertBatch(String workload, String engine, java.util.function.IntFunction<String> url)
      throws Exception {
    return Harness.batch(workload, engine, 3, INSERT_ROWS, "rows/s", round -> {
      try (Connection c = DriverManager.getConnection(url.apply((int) round + 1))) {
        createTable(c);
        fill(c, INSERT_ROWS);
      }
    });
  }

  @Test
  void vslAgainstH2() throws Exception {
    List<Harness.Result[]> pairs = new ArrayList<>();
    pairs.add(new Harness.Result[] {
        pointSelect("vsl", "jdbc:vsl:mem:bench-point"),
        pointSelect("h2", "jdbc:h2:mem:bench-point;DB_CLOSE_DELAY=-1")});
    pairs.add(new Harness.Result[] {
        insertBatch("insert " + INSERT_ROWS + " rows, 1 transaction (mem)", "vsl", r -> "jdbc:vsl:mem:ins" + r),
        insertBatch("insert " + INSERT_ROWS + " rows, 1 transaction (mem)", "h2", r -> "jdbc:h2:mem:ins" + r)});
    pairs.add(new Harness.Result[] {
        insertBatch("insert " + INSERT_ROWS + " rows, 1 transaction (file)", "vsl",
            r -> "jdbc:vsl:" + dir.resolve("vsl-" + r)),
        insertBatch("insert " + INSERT_ROWS + " rows, 1 transaction (file)", "h2",
            r -> "jdbc:h2:" + dir.resolve("h2-" + r) + "/db")});
    Harness.report(pairs, "benchmarks.md");
  }
}
