package org.vsldb.tck.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * A child JVM for {@link StorageBenchmark}: opens the database at the URL it is given, as a
 * program restarted after a crash would, in a JVM of its own, and prints {@code OPEN <ns> READ
 * <ns> ROWS <n>}: the time to {@code getConnection}'s return (from the first call into JDBC, so
 * the driver's loading counts) and from then to the first result of a query that reads every row.
 */
public final class ReopenWorker {
  private ReopenWorker() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection(args[0])) {
      long opened = System.nanoTime();
      try (ResultSet rs = c.createStatement().executeQuery("select count(*), sum(val) from t")) {
        rs.next();
        long read = System.nanoTime();
        System.out.println("OPEN " + (opened - start) + " READ " + (read - opened) + " ROWS " + rs.getLong(1));
      }
    }
    System.out.flush();
    Runtime.getRuntime().halt(0); // no close: the next run opens the same state
  }
}
