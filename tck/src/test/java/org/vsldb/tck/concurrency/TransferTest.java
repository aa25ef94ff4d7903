package org.vsldb.tck.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money moves between 100 accounts from 16 threads through a HikariCP pool of 8 connections for
 * 20 seconds, retrying on 40001; readers check all the while that the total never changes, and so
 * does a final check after reopening (transactions issue, must-show 2; invariant I2).
 */
class TransferTest {
  static final int ACCOUNTS = 100;
  static final long TOTAL = ACCOUNTS * 1000L;

  @TempDir Path dir;

  /** Work done inside a transfer's transaction. */
  @FunctionalInterface
  interface Extra {
    void run() throws SQLException;
  }

  /** One transfer in its own transaction, retried on 40001. Returns the retries it took. */
  static int transfer(Connection c, int from, int to, int amount) throws SQLException {
    return transfer(c, from, to, amount, () -> { });
  }

  /** As above, running {@code extra} in the same transaction before the commit. */
  static int transfer(Connection c, int from, int to, int amount, Extra extra) throws SQLException {
    int retries = 0;
    while (true) {
      try (PreparedStatement debit = c.prepareStatement("update acct set balance = balance - ? where id = ?");
          PreparedStatement credit = c.prepareStatement("update acct set balance = balance + ? where id = ?")) {
        debit.setInt(1, amount);
        debit.setInt(2, from);
        debit.executeUpdate();
        credit.setInt(1, amount);
        credit.setInt(2, to);
        credit.executeUpdate();
        extra.run();
        c.commit();
        return retries;
      } catch (SQLException e) {
        c.rollback();
        if (!"40001".equals(e.getSQLState())) {
          throw e;
        }
        retries++;
      }
    }
  }

  static long total(Connection c) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery("select sum(balance), count(*) from acct")) {
      rs.next();
      assertEquals(ACCOUNTS, rs.getInt(2));
      return rs.getLong(1);
    }
  }

  @Test
  void transfersThroughAPool_keepTheTotal_whileReadersWatch() throws Exception {
    String url = "jdbc:vsl:" + dir.resolve("bank");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(8);
    config.setAutoCommit(false);
    AtomicLong transfers = new AtomicLong();
    AtomicLong retries = new AtomicLong();
    AtomicLong checks = new AtomicLong();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    try (HikariDataSource pool = new HikariDataSource(config)) {
      try (Connection c = pool.getConnection()) {
        c.createStatement().execute("create table acct(id int primary key, balance bigint not null)");
        try (PreparedStatement p = c.prepareStatement("insert into acct values (?, 1000)")) {
          for (int i = 0; i < ACCOUNTS; i++) {
            p.setInt(1, i);
            p.executeUpdate();
          }
        }
        c.commit();
      }
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        boolean reader = t % 4 == 3;
        Thread th = new Thread(() -> {
          ThreadLocalRandom rnd = ThreadLocalRandom.current();
          while (!stop.get()) {
            try (Connection c = pool.getConnection()) {
              if (reader) {
                long total = total(c);
                c.commit();
                if (total != TOTAL) {
                  failures.add(new AssertionError("a reader saw the total " + total));
                  stop.set(true);
                  return;
                }
                checks.incrementAndGet();
              } else {
                int from = rnd.nextInt(ACCOUNTS);
                int to = (from + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                retries.addAndGet(transfer(c, from, to, 1 + rnd.nextInt(50)));
                transfers.incrementAndGet();
              }
            } catch (Throwable e) {
              failures.add(e);
              stop.set(true);
              return;
            }
          }
        });
        threads.add(th);
        th.start();
      }
      Thread.sleep(Long.getLong("vsl.transfer.millis", 20_000));
      stop.set(true);
      for (Thread th : threads) {
        th.join();
      }
      assertTrue(failures.isEmpty(), failures.toString());
      try (Connection c = pool.getConnection()) {
        assertEquals(TOTAL, total(c));
        c.commit();
      }
    }
    try (Connection c = java.sql.DriverManager.getConnection(url)) {
      assertEquals(TOTAL, total(c), "after reopening");
    }
    System.out.println("TransferTest: " + transfers + " transfers, " + retries + " retries on 40001, "
        + checks + " consistent total checks");
    assertTrue(transfers.get() > 100);
  }
}
