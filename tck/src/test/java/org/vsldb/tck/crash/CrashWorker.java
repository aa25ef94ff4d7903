package org.vsldb.tck.crash;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Random;

/**
 * The child JVM of {@link KillNineTest}: commits random multi-row transactions from several
 * threads, and after each commit returns prints {@code ACK <txn> <rows>} on standard output. The
 * parent kills it with SIGKILL at a random moment.
 *
 * <p>Arguments: database URL, number of threads, first transaction id.
 */
public final class CrashWorker {
  private CrashWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int threads = Integer.parseInt(args[1]);
    long base = Long.parseLong(args[2]);
    PrintStream out = System.out;
    // This connection stays open for the life of the process, so the database (and its lock)
    // stays open even between the workers' connections.
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute(
          "create table if not exists acct(txn bigint not null, idx int not null, n int not null,"
              + " payload varchar(200), primary key (txn, idx))");
      // One commit before READY, so the SQL path is compiled and the parent's kill finds the
      // workers committing rather than starting up.
      try (PreparedStatement warm = c.prepareStatement("insert into acct values (?, 0, 1, 'warm')")) {
        warm.setLong(1, base - 1);
        warm.executeUpdate();
      }
      synchronized (out) {
        out.println("ACK " + (base - 1) + " 1");
        out.println("READY");
        out.flush();
      }
      Thread[] ts = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        final int id = t;
        ts[t] = new Thread(() -> run(url, id, threads, base, out));
        ts[t].start();
      }
      for (Thread t : ts) {
        t.join();
      }
    }
  }

  private static void run(String url, int thread, int threads, long base, PrintStream out) {
    Random rnd = new Random(base + thread);
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ins = c.prepareStatement("insert into acct values (?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (long k = 0; ; k++) {
        long txn = base + k * threads + thread;
        int n = 1 + rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
          ins.setLong(1, txn);
          ins.setInt(2, i);
          ins.setInt(3, n);
          ins.setString(4, "x".repeat(rnd.nextInt(150)));
          ins.executeUpdate();
        }
        c.commit();
        synchronized (out) {
          out.println("ACK " + txn + " " + n);
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
