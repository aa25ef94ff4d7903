package org.vsldb.jdbc;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.vsldb.jdbc.url.ConnectionConfig;
import org.vsldb.sql.SqlEngine;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreConfig;
import org.vsldb.storage.StoreException;

/**
 * The databases open in this JVM. Connections to the same directory or in-memory name share one
 * {@link Database}. A file database closes when its last connection closes, releasing its lock; a
 * named in-memory database lives until the JVM exits; a private one ({@code jdbc:vsl:mem:}) has
 * exactly one connection.
 */
final class Databases {
  private static final Map<String, Database> OPEN = new HashMap<>();

  private Databases() {}

  static Database acquire(ConnectionConfig cfg) throws SQLException {
    if (cfg.kind() == ConnectionConfig.Kind.PRIVATE_MEMORY) {
      Store store = Store.open(StoreConfig.inMemory().withLockTimeoutMs(cfg.lockTimeoutMs()));
      Database db = new Database(null, cfg, new SqlEngine(store, PlannerPreload::await));
      db.addConnection();
      return db;
    }
    String key =
        cfg.kind() == ConnectionConfig.Kind.MEMORY
            ? "mem:" + cfg.memoryName()
            : cfg.recoverToMillis() != null
                ? "at:" + cfg.recoverToMillis() + ":" + cfg.path()
                : (cfg.readOnly() ? "ro:" : "rw:") + cfg.path();
    synchronized (OPEN) {
      Database db = OPEN.get(key);
      if (db != null && db.isOpen()) {
        db.addConnection();
        return db;
      }
      StoreConfig storeConfig =
          cfg.kind() == ConnectionConfig.Kind.MEMORY
              ? StoreConfig.inMemory().withLockTimeoutMs(cfg.lockTimeoutMs())
              : StoreConfig.file(cfg.path())
                  .withLockTimeoutMs(cfg.lockTimeoutMs())
                  .withDurability(cfg.durability())
                  .withSyncIntervalMs(cfg.syncIntervalMs())
                  .withCheckpointLogBytes(cfg.checkpointLogBytes())
                  .withCreate(cfg.create())
                  .withReadOnly(cfg.readOnly())
                  .withArchiveLog(cfg.archiveLog());
      Store store;
      try {
        store = cfg.recoverToMillis() != null
            ? Store.openAt(storeConfig, cfg.recoverToMillis())
            : Store.open(storeConfig);
      } catch (StoreException e) {
        // 08001 when in use or missing; XX000 (with file and offset) or 58030 when damaged.
        throw SqlErrors.store(e);
      }
      db = new Database(key, cfg, new SqlEngine(store, PlannerPreload::await));
      db.addConnection();
      OPEN.put(key, db);
      Database opened = db;
      // SHUTDOWN closes the store: forget the database then, so an in-memory one is freed
      store.onClose(() -> {
        synchronized (OPEN) {
          OPEN.remove(key, opened);
        }
      });
      return db;
    }
  }

  /** Whether a database is registered under {@code key} ({@code mem:<name>}, {@code rw:<path>}). */
  static boolean holds(String key) {
    synchronized (OPEN) {
      return OPEN.containsKey(key);
    }
  }

  static void release(Database db) {
    if (db.key() == null) {
      db.engine().close();
      return;
    }
    synchronized (OPEN) {
      if (db.removeConnection() <= 0 && db.config().kind() == ConnectionConfig.Kind.FILE) {
        OPEN.remove(db.key(), db);
        db.engine().close();
      }
    }
  }
}
