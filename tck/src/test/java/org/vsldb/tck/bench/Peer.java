package org.vsldb.tck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The engines of {@link PeerBenchmark} and how each is opened: its URL per mode, its settings, and
 * whether its commits reach the disk before they return. The file mode of every engine is its
 * strictest durability, so the same database serves the commit workloads and the others. Every
 * in-memory database has one connection and is gone when it closes (vsl's private
 * {@code jdbc:vsl:mem:}; a named vsl database would live until the JVM exits).
 *
 * <ul>
 *   <li>vsl: {@code durability=full} (the default): the log is opened with {@code O_DSYNC}.
 *   <li>H2 2.3.232: defaults; {@code OPTIMIZE_REUSE_RESULTS=0}, so that a repeated query is run
 *       again instead of returning its previous result. Its MVStore writes commits in the
 *       background and does not force them per commit.
 *   <li>HSQLDB 2.7.4: default (memory) tables; on file {@code hsqldb.write_delay=false} and
 *       {@code SET FILES WRITE DELAY FALSE}: the log is synced at each commit.
 *       {@code shutdown=true} closes the database with its last connection.
 *   <li>SQLite (xerial sqlite-jdbc): memory is {@code jdbc:sqlite::memory:} (private to its one
 *       connection); on file {@code journal_mode=WAL} and {@code synchronous=FULL} (the WAL is
 *       synced at each commit), {@code busy_timeout=60000} so that concurrent writers wait for
 *       the lock. The key is {@code integer primary key}, SQLite's rowid.
 * </ul>
 */
enum Peer {
  VSL("vsl", "yes (log written with O_DSYNC, durability=full)"),
  H2("H2", "no (MVStore writes commits in the background and forces none)"),
  HSQLDB("HSQLDB", "yes (log synced at each commit, write delay false)"),
  SQLITE("SQLite", "yes (WAL synced at each commit, synchronous=FULL)");

  /** Where an engine keeps its database. */
  enum Mode {
    MEM("mem"),
    FILE("file");

    final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  /** An engine in one mode, the unit each workload runs on. */
  record Target(Peer peer, Mode mode) {
    String label() {
      return peer.label + " (" + mode.label + ")";
    }

    Connection open(Path root, String name) throws SQLException, IOException {
      return peer.open(mode, root, name);
    }
  }

  final String label;
  /** Whether a commit on file returns only once forced to disk, as the engine documents it. */
  final String forces;

  Peer(String label, String forces) {
    this.label = label;
    this.forces = forces;
  }

  /** Whether its file-mode commits are forced to disk before they return. */
  boolean forcesCommits() {
    return this != H2;
  }

  /** The column type of an integer primary key. */
  String keyType() {
    return this == SQLITE ? "integer" : "int";
  }

  /** The shortest query that returns the number 1. */
  String selectOne() {
    return this == HSQLDB ? "values 1" : "select 1";
  }

  /** A class of the engine's jar, for the class path of a child JVM. */
  String driverClass() {
    return switch (this) {
      case VSL -> "org.vsldb.jdbc.VslDriver";
      case H2 -> "org.h2.Driver";
      case HSQLDB -> "org.hsqldb.jdbc.JDBCDriver";
      case SQLITE -> "org.sqlite.JDBC";
    };
  }

  /** The URL of database {@code name}; file databases live in a directory under {@code root}. */
  String url(Mode mode, Path root, String name) {
    Path dir = root.resolve(name() + "-" + name).toAbsolutePath();
    return switch (this) {
      case VSL -> mode == Mode.MEM ? "jdbc:vsl:mem:" : "jdbc:vsl:" + dir + ";durability=full";
      case H2 -> (mode == Mode.MEM ? "jdbc:h2:mem:" + name : "jdbc:h2:" + dir.resolve("db"))
          + ";OPTIMIZE_REUSE_RESULTS=0";
      case HSQLDB -> (mode == Mode.MEM ? "jdbc:hsqldb:mem:" + name
          : "jdbc:hsqldb:file:" + dir.resolve("db") + ";hsqldb.write_delay=false") + ";shutdown=true";
      case SQLITE -> mode == Mode.MEM ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + dir.resolve("db.sqlite");
    };
  }

  /** Opens database {@code name} with the settings above. */
  Connection open(Mode mode, Path root, String name) throws SQLException, IOException {
    if (mode == Mode.FILE && this != VSL) {
      Files.createDirectories(root.resolve(name() + "-" + name));
    }
    Properties props = new Properties();
    if (this == SQLITE && mode == Mode.FILE) {
      props.setProperty("journal_mode", "WAL");
      props.setProperty("synchronous", "FULL");
      props.setProperty("busy_timeout", "60000");
    }
    Connection c = DriverManager.getConnection(url(mode, root, name), props);
    if (this == HSQLDB && mode == Mode.FILE) {
      try (Statement s = c.createStatement()) {
        s.execute("SET FILES WRITE DELAY FALSE");
      }
    }
    return c;
  }
}
