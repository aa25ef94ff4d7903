package org.vsldb.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import org.vsldb.jdbc.url.ConnectionConfig;
import org.vsldb.jdbc.url.UrlParser;

/**
 * The vsl JDBC driver. It registers itself with {@link DriverManager} when loaded, which
 * {@code META-INF/services/java.sql.Driver} makes happen without {@code Class.forName}.
 *
 * <p>URLs: {@code jdbc:vsl:<dir>} (a file database), {@code jdbc:vsl:mem:<name>} (an in-memory
 * database shared in the JVM), {@code jdbc:vsl:mem:} (a private in-memory database), each with
 * optional {@code ;key=value} properties. See PRODUCT.md section 1.
 */
public final class VslDriver implements Driver {
  /** The driver and database version. */
  public static final String VERSION = "0.1.0";

  static final int MAJOR = 0;
  static final int MINOR = 1;

  private static final VslDriver INSTANCE = new VslDriver();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Connects to the database {@code url} names, or returns null for a URL of another driver, as
   * JDBC requires.
   *
   * @throws SQLException 08001 for a malformed vsl URL, an unknown property, or a database that
   *     cannot be opened
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionConfig config = UrlParser.parse(url, info);
    Database db = Databases.acquire(config);
    try {
      return new VslConnection(db, config);
    } catch (RuntimeException e) {
      Databases.release(db);
      throw org.vsldb.sql.error.SqlErrors.translate(e);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return UrlParser.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    DriverPropertyInfo[] r = new DriverPropertyInfo[UrlParser.DEFAULTS.size()];
    int i = 0;
    for (Map.Entry<String, String> e : UrlParser.DEFAULTS.entrySet()) {
      String given = info == null ? null : info.getProperty(e.getKey());
      DriverPropertyInfo p = new DriverPropertyInfo(e.getKey(), given != null ? given : e.getValue());
      p.required = false;
      p.choices = switch (e.getKey()) {
        case "durability" -> new String[] {"full", "interval", "none"};
        case "create", "readOnly", "archiveLog" -> new String[] {"true", "false"};
        case "fileAccess" -> new String[] {"database", "any"};
        default -> null;
      };
      r[i++] = p;
    }
    return r;
  }

  @Override
  public int getMajorVersion() {
    return MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return MINOR;
  }

  /** Not JDBC compliant in the spec's sense: vsl does not implement all of SQL-92 Entry Level yet. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw org.vsldb.sql.error.ErrorCode.unsupported("java.util.logging (vsl logs nothing)");
  }
}
