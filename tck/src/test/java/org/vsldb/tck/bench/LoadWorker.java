package org.vsldb.tck.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * A child JVM for {@link StorageBenchmark}: fills a table of {@code rows} rows through JDBC (vsl or
 * H2, by URL), prints {@code DONE}, and waits to be killed with SIGKILL.
 */
public final class LoadWorker {
  private LoadWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int rows = Integer.parseInt(args[1]);
    Connection c = DriverManager.getConnection(url);
    c.createStatement().execute("create table t(id int primary key, name varchar(50), val int)");
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("insert into t values (?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        p.setInt(1, i);
        p.setString(2, "name-" + i);
        p.setInt(3, i % 1000);
        p.executeUpdate();
        if (i % 10_000 == 9_999) {
          c.commit();
        }
      }
    }
    c.commit();
    System.out.println("DONE");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
