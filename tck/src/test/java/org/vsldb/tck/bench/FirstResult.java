package org.vsldb.tck.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A child JVM for {@link StartupTime}: opens {@code args[0]}, runs the query {@code args[1]} and
 * prints {@code FIRST <value>}. It uses only the JDK and the engine's jar on its class path.
 */
public final class FirstResult {
  private FirstResult() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(args[1])) {
      rs.next();
      System.out.println("FIRST " + rs.getString(1));
      System.out.flush();
    }
  }
}
