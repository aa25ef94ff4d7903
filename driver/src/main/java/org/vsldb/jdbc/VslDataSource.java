package org.vsldb.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.vsldb.sql.error.ErrorCode;

/**
 * A {@link DataSource} for vsl, with bean properties {@code url}, {@code user}, {@code password}
 * and one per connection property of PRODUCT.md section 1. A property set here is passed as a
 * connection property; the same key in the URL wins.
 */
public final class VslDataSource implements DataSource {
  private String url;
  private String user;
  private String password;
  private final Properties properties = new Properties();
  private PrintWriter logWriter;
  private int loginTimeout;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  private void prop(String key, Object value) {
    if (value == null) {
      properties.remove(key);
    } else {
      properties.setProperty(key, value.toString());
    }
  }

  public void setDurability(String v) {
    prop("durability", v);
  }

  public String getDurability() {
    return properties.getProperty("durability");
  }

  public void setSyncIntervalMs(long v) {
    prop("syncIntervalMs", v);
  }

  public void setCheckpointLogBytes(long v) {
    prop("checkpointLogBytes", v);
  }

  public void setCreate(boolean v) {
    prop("create", v);
  }

  public void setReadOnly(boolean v) {
    prop("readOnly", v);
  }

  public void setLockTimeoutMs(long v) {
    prop("lockTimeoutMs", v);
  }

  public void setFileAccess(String v) {
    prop("fileAccess", v);
  }

  public void setArchiveLog(boolean v) {
    prop("archiveLog", v);
  }

  /** The moment to open the database at, read-only: an ISO-8601 date and time (README). */
  public void setRecoverTo(String v) {
    prop("recoverTo", v);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    if (url == null) {
      throw ErrorCode.BAD_URL.exception("the data source has no url");
    }
    Properties info = new Properties();
    info.putAll(properties);
    if (username != null) {
      info.setProperty("user", username);
    }
    if (password != null) {
      info.setProperty("password", password);
    }
    Connection c = new VslDriver().connect(url, info);
    if (c == null) {
      throw ErrorCode.BAD_URL.exception("not a vsl URL: " + url);
    }
    return c;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw ErrorCode.unsupported("java.util.logging (vsl logs nothing)");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }
}
