package org.vsldb.tck.jar;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A JDBC program that uses nothing but {@code java.sql}: no vsl class and no
 * {@code Class.forName}. {@link ShadedJarTest} runs it with only the shaded jar on the class path.
 */
public final class PlainJdbcProgram {
  private PlainJdbcProgram() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:vsl:mem:demo";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("create table if not exists greeting(id int primary key, text varchar(20))");
      s.execute("insert into greeting values ((select count(*) from greeting) + 1, 'hello')");
      try (ResultSet rs = s.executeQuery("select count(*) as n, max(text) as t from greeting")) {
        rs.next();
        System.out.println("rows=" + rs.getLong("N") + " text=" + rs.getString("T"));
      }
    }
  }
}
