package org.vsldb.tck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Heap bytes per row of the typical table ({@link PeerTables#createT}) in an in-memory database,
 * the same way for every engine, in this JVM: the engine is warmed up once (classes loaded, a
 * small table created and dropped with its database); then a database is opened and its empty
 * table created; the used heap is read after full collections; the rows are loaded through the
 * same connection; the used heap is read again after full collections, while the connection
 * still holds the database. Bytes per row = the difference divided by the rows.
 *
 * <p>SQLite keeps its pages in native memory, outside the Java heap; for it the figure is
 * {@code page_count × page_size} per row, which is reported but not compared as heap.
 */
final class HeapPerRow {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapPerRow() {}

  /** Bytes per row of {@code rows} rows in an in-memory database of {@code peer}. */
  static double measure(Peer peer, Path root, int rows) throws Exception {
    try (Connection warm = peer.open(Peer.Mode.MEM, root, "heap-warm")) {
      PeerTables.createT(warm, peer);
      PeerTables.loadT(warm, 1000);
    }
    try (Connection c = peer.open(Peer.Mode.MEM, root, "heap")) {
      PeerTables.createT(c, peer);
      if (peer == Peer.SQLITE) {
        PeerTables.loadT(c, rows);
        return sqlitePages(c) / (double) rows;
      }
      long before = usedHeapAfterGc();
      PeerTables.loadT(c, rows);
      long after = usedHeapAfterGc();
      return (after - before) / (double) rows;
    }
  }

  /** The used heap after repeated full collections, once it no longer falls. */
  static long usedHeapAfterGc() throws InterruptedException {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(50);
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      if (i >= 2 && used >= last - (last >> 10)) {
        return Math.min(used, last);
      }
      last = Math.min(last, used);
    }
    return last;
  }

  private static long sqlitePages(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet count = s.executeQuery("pragma page_count")) {
      count.next();
      long pages = count.getLong(1);
      try (ResultSet size = s.executeQuery("pragma page_size")) {
        size.next();
        return pages * size.getLong(1);
      }
    }
  }
}
