package org.vsldb.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The plan EXPLAIN prints for a query, for tests that check which operators run it. */
final class Plans {
  private Plans() {}

  static String of(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery("explain plan for " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
