package org.vsldb.tck.concurrency;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link TransferCrashTest}: transfers between the accounts through a HikariCP
 * pool of 8 connections from 16 threads. Each transfer also writes its id to a ledger in the same
 * transaction, and after its commit returns prints {@code ACK <id>}. Arguments: URL, first id.
 */
public final class TransferWorker {
  private TransferWorker() {}

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    AtomicLong ids = new AtomicLong(Long.parseLong(args[1]));
    PrintStream out = System.out;
    HikariDataSource pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection()) {
      c.createStatement().execute("create table if not exists acct(id int primary key, balance bigint not null)");
      c.createStatement().execute("create table if not exists ledger(id bigint primary key, amount int not null)");
      try (var rs = c.createStatement().executeQuery("select count(*) from acct")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          try (PreparedStatement p = c.prepareStatement("insert into acct values (?, 1000)")) {
            for (int i = 0; i < TransferTest.ACCOUNTS; i++) {
              p.setInt(1, i);
              p.executeUpdate();
            }
          }
        }
      }
      c.commit();
    }
    synchronized (out) {
      out.println("READY");
      out.flush();
    }
    for (int t = 0; t < 16; t++) {
      new Thread(() -> {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (true) {
          long id = ids.incrementAndGet();
          int from = rnd.nextInt(TransferTest.ACCOUNTS);
          int to = (from + 1 + rnd.nextInt(TransferTest.ACCOUNTS - 1)) % TransferTest.ACCOUNTS;
          int amount = 1 + rnd.nextInt(50);
          try (Connection c = pool.getConnection()) {
            while (true) {
              try (PreparedStatement ledger = c.prepareStatement("insert into ledger values (?, ?)")) {
                TransferTest.transfer(c, from, to, amount, () -> {
                  ledger.setLong(1, id);
                  ledger.setInt(2, amount);
                  ledger.executeUpdate();
                });
                break;
              }
            }
            synchronized (out) {
              out.println("ACK " + id);
              out.flush();
            }
          } catch (SQLException e) {
            synchronized (out) {
              out.println("ERROR " + e);
              out.flush();
            }
            return;
          }
        }
      }).start();
    }
  }
}
