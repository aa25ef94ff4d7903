package org.vsldb.jdbc;

import org.vsldb.sql.SqlEngine;
import org.vsldb.jdbc.url.ConnectionConfig;

/** One open database shared by the connections to it, with a count of those connections. */
final class Database {
  private final String key;
  private final ConnectionConfig config;
  private final SqlEngine engine;
  private int connections;

  Database(String key, ConnectionConfig config, SqlEngine engine) {
    this.key = key;
    this.config = config;
    this.engine = engine;
  }

  String key() {
    return key;
  }

  ConnectionConfig config() {
    return config;
  }

  SqlEngine engine() {
    return engine;
  }

  /** Called with the registry's lock held. */
  int addConnection() {
    return ++connections;
  }

  /** Called with the registry's lock held. */
  int removeConnection() {
    return --connections;
  }

  boolean isOpen() {
    return !engine.store().isClosed();
  }
}
