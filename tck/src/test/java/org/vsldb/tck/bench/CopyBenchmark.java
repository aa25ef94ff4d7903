package org.vsldb.tck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code COPY} of 1,000,000 rows to a CSV file and back, against H2 2.3.232's {@code CSVWRITE}
 * and {@code CSVREAD} in the same run: export the table, then load the file into an empty table
 * with the same columns and primary key, in one transaction; then the whole database as text and
 * back into an empty database: vsl's COPY DATABASE TO/FROM against H2's SCRIPT TO/RUNSCRIPT FROM.
 * Both engines in memory; the files on
 * the same disk. Prints the figures and the ratio vsl/H2, and writes
 * {@code target/benchmarks-copy.md}. Run with {@code mvn -Pbench verify}; reported, not asserted.
 */
@Tag("bench")
class CopyBenchmark {
  private static final int ROWS = 1_000_000;
  private static final String COLUMNS =
      "(id int primary key, name varchar(50), val int, price decimal(12,2), created timestamp)";

  @TempDir Path dir;

  private static void fill(Connection c) throws SQLException {
    c.createStatement().execute("create table t " + COLUMNS);
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("insert into t values (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ROWS; i++) {
        p.setInt(1, i);
        p.setString(2, i % 10 == 0 ? "name, \"quoted\" " + i : "name-" + i);
        p.setInt(3, i % 1000);
        p.setBigDecimal(4, java.math.BigDecimal.valueOf(i * 7L % 100_000, 2));
        p.setTimestamp(5, new Timestamp(1_700_000_000_000L + i * 1000L));
        p.executeUpdate();
      }
    }
    c.commit();
    c.setAutoCommit(true);
  }

  private static long count(Connection c, String table) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void check(long n) {
    if (n != ROWS) {
      throw new IllegalStateException("expected " + ROWS + " rows, got " + n);
    }
  }

  private interface Engine {
    void export(Statement s, String file) throws SQLException;

    void load(Statement s, String file) throws SQLException;

    /** The whole database as text: vsl's COPY DATABASE TO, H2's SCRIPT TO. */
    void dump(Statement s, String file) throws SQLException;

    /** That text into the empty database {@code url}: COPY DATABASE FROM, RUNSCRIPT FROM. */
    void restore(String url, String file) throws SQLException;
  }

  private static final Engine VSL = new Engine() {
    @Override
    public void export(Statement s, String file) throws SQLException {
      check(s.executeUpdate("copy t to '" + file + "' with (format csv, header true)"));
    }

    @Override
    public void load(Statement s, String file) throws SQLException {
      check(s.executeUpdate("copy u from '" + file + "' with (format csv, header true)"));
    }

    @Override
    public void dump(Statement s, String file) throws SQLException {
      check(s.executeUpdate("copy database to '" + file + "'"));
    }

    @Override
    public void restore(String url, String file) throws SQLException {
      try (Connection c = DriverManager.getConnection(url + ";fileAccess=any")) {
        check(c.createStatement().executeUpdate("copy database from '" + file + "'"));
        c.createStatement().execute("shutdown");
      }
    }
  };

  private static final Engine H2 = new Engine() {
    @Override
    public void export(Statement s, String file) throws SQLException {
      try (ResultSet rs = s.executeQuery("call csvwrite('" + file + "', 'select * from t')")) {
        rs.next();
        check(rs.getLong(1));
      }
    }

    @Override
    public void load(Statement s, String file) throws SQLException {
      check(s.executeUpdate("insert into u select * from csvread('" + file + "')"));
    }

    @Override
    public void dump(Statement s, String file) throws SQLException {
      s.execute("script to '" + file + "'");
    }

    @Override
    public void restore(String url, String file) throws SQLException {
      try (Connection c = DriverManager.getConnection(url)) {
        c.createStatement().execute("runscript from '" + file + "'");
        check(count(c, "t"));
        c.createStatement().execute("shutdown");
      }
    }
  };

  private Harness.Result[] measure(String engine, String url, Engine e) throws Exception {
    Path file = dir.resolve(engine + ".csv");
    String name = file.toAbsolutePath().toString();
    try (Connection c = DriverManager.getConnection(url)) {
      fill(c);
      Statement s = c.createStatement();
      Harness.Result out = Harness.batch("COPY " + ROWS + " rows to CSV", engine, 3, ROWS, "rows/s",
          round -> e.export(s, name));
      long bytes = Files.size(file);
      Harness.Result in = Harness.batch("COPY " + ROWS + " rows from CSV (1 transaction)", engine, 3, ROWS,
          "rows/s", round -> {
            s.execute("drop table if exists u");
            s.execute("create table u " + COLUMNS);
            e.load(s, name);
          });
      check(count(c, "u"));
      System.out.printf(Locale.ROOT, "%s: file %,d bytes%n", engine, bytes);
      s.execute("drop table u"); // the dump holds table t's 1,000,000 rows only
      String dumpFile = dir.resolve(engine + "-database.txt").toAbsolutePath().toString();
      Harness.Result dump = Harness.batch("whole database, 1000000 rows, to text", engine, 3, ROWS, "rows/s",
          round -> e.dump(s, dumpFile));
      int[] restores = {0};
      String fresh = engine.equals("vsl") ? "jdbc:vsl:mem:bench-restore-" : "jdbc:h2:mem:bench-restore-";
      Harness.Result restore = Harness.batch("whole database, 1000000 rows, from text", engine, 3, ROWS,
          "rows/s", round -> e.restore(fresh + (restores[0]++), dumpFile));
      System.out.printf(Locale.ROOT, "%s: database text %,d bytes%n", engine, Files.size(Path.of(dumpFile)));
      return new Harness.Result[] {out, in, dump, restore};
    }
  }

  @Test
  void copyAgainstH2CsvWriteAndRead() throws Exception {
    Harness.Result[] vsl = measure("vsl", "jdbc:vsl:mem:bench-copy;fileAccess=any", VSL);
    Harness.Result[] h2 = measure("h2", "jdbc:h2:mem:bench-copy;DB_CLOSE_DELAY=-1", H2);
    List<Harness.Result[]> pairs = new ArrayList<>();
    pairs.add(new Harness.Result[] {vsl[0], h2[0]});
    pairs.add(new Harness.Result[] {vsl[1], h2[1]});
    pairs.add(new Harness.Result[] {vsl[2], h2[2]});
    pairs.add(new Harness.Result[] {vsl[3], h2[3]});
    Harness.report(pairs, "benchmarks-copy.md");
  }
}
