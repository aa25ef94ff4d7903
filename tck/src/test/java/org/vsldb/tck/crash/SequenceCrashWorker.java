package org.vsldb.tck.crash;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The child JVM of {@link SequenceKillNineTest}: takes values of the sequence {@code S} from
 * several threads, half of them by {@code SELECT NEXT VALUE FOR}, half by inserting rows whose
 * key is {@code NEXT VALUE FOR} (committed on return) and reading it back; it prints
 * {@code VAL <v>} for a value selected and {@code ROW <v>} for the key of a committed row. The parent kills it with SIGKILL at a random moment.
 *
 * <p>Arguments: database URL, number of threads.
 */
public final class SequenceCrashWorker {
  private SequenceCrashWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int threads = Integer.parseInt(args[1]);
    PrintStream out = System.out;
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("create sequence if not exists s cache 8");
      c.createStatement().execute("create table if not exists taken(id bigint primary key, t int)");
      synchronized (out) {
        out.println("READY");
        out.flush();
      }
      Thread[] ts = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        final int id = t;
        ts[t] = new Thread(() -> run(url, id, out));
        ts[t].start();
      }
      for (Thread t : ts) {
        t.join();
      }
    }
  }

  private static void run(String url, int thread, PrintStream out) {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement next = c.prepareStatement("select next value for s");
        PreparedStatement insert = c.prepareStatement("insert into taken values (next value for s, ?)");
        PreparedStatement current = c.prepareStatement("select current value for s")) {
      while (true) {
        long v;
        boolean row = thread % 2 != 0;
        if (!row) {
          try (ResultSet rs = next.executeQuery()) {
            rs.next();
            v = rs.getLong(1);
          }
        } else {
          insert.setInt(1, thread);
          insert.executeUpdate();
          try (ResultSet rs = current.executeQuery()) {
            rs.next();
            v = rs.getLong(1);
          }
        }
        synchronized (out) {
          out.println((row ? "ROW " : "VAL ") + v);
          out.flush();
        }
      }
    } catch (SQLException e) {
      synchronized (out) {
        out.println("ERROR " + e);
        out.flush();
      }
    }
  }
}
