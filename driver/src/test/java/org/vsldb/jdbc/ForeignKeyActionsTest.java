package org.vsldb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreign keys' ON DELETE and ON UPDATE actions (README, "Constraints"): CASCADE and SET NULL act on
 * the child rows inside the statement, on to their own children; RESTRICT anywhere fails the whole
 * statement; the actions survive reopening and checkpoints, show in metadata, and a concurrent
 * child insert cannot leave an orphan.
 */
class ForeignKeyActionsTest {
  @TempDir Path dir;

  private static List<String> rows(Statement s, String query) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(query)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "," : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  private static void shop(Statement s) throws SQLException {
    s.execute("create table customer(id int primary key, name varchar(10))");
    s.execute("create table orders(id int primary key, customer_id int references customer(id)"
        + " on delete cascade on update cascade)");
    s.execute("create table line(id int primary key, order_id int references orders(id) on delete cascade)");
    s.execute("create table note(id int primary key, order_id int references orders(id) on delete set null)");
    s.execute("insert into customer values (1, 'ann'), (2, 'bob')");
    s.execute("insert into orders values (10, 1), (11, 1), (20, 2)");
    s.execute("insert into line values (100, 10), (101, 11), (200, 20)");
    s.execute("insert into note values (1000, 10), (2000, 20)");
  }

  @Test
  void deleteCascade_reachesGrandchildren_andSetNullClearsTheOtherReferrers() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:"); Statement s = c.createStatement()) {
      shop(s);
      assertEquals(1, s.executeUpdate("delete from customer where id = 1"), "the statement's own rows");
      assertEquals(List.of("20,2"), rows(s, "select * from orders order by id"));
      assertEquals(List.of("200,20"), rows(s, "select * from line order by id"));
      assertEquals(List.of("1000,null", "2000,20"), rows(s, "select * from note order by id"));
    }
  }

  @Test
  void updateCascade_givesTheChildrenTheNewKey() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:"); Statement s = c.createStatement()) {
      shop(s);
      s.executeUpdate("update customer set id = 7 where id = 2");
      assertEquals(List.of("10,1", "11,1", "20,7"), rows(s, "select * from orders order by id"));
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("update orders set id = 21 where id = 20"));
      assertEquals("23503", e.getSQLState(), "line's key is RESTRICT on update");
    }
  }

  @Test
  void aRestrictBelowACascade_failsTheWholeStatement_andChangesNothing() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:"); Statement s = c.createStatement()) {
      shop(s);
      s.execute("create table invoice(id int primary key, line_id int references line(id))");
      s.execute("insert into invoice values (1, 101)");
      c.setAutoCommit(false);
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("delete from customer where id = 1"));
      assertEquals("23503", e.getSQLState());
      assertTrue(e.getMessage().contains("INVOICE"), e.getMessage());
      assertEquals(List.of("10,1", "11,1", "20,2"), rows(s, "select * from orders order by id"));
      assertEquals(List.of("1000,10", "2000,20"), rows(s, "select * from note order by id"));
      s.executeUpdate("delete from customer where id = 2"); // the transaction goes on
      c.commit();
      assertEquals(List.of("10,1", "11,1"), rows(s, "select * from orders order by id"));
    }
  }

  @Test
  void aSelfReferencingTree_deletesItsSubtree_evenWhenTheStatementNamesRowsOfIt() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:"); Statement s = c.createStatement()) {
      s.execute("create table node(id int primary key, parent int references node(id) on delete cascade)");
      s.execute("insert into node values (1, null), (2, 1), (3, 2), (4, 1), (5, null), (6, 5), (7, 7)");
      assertEquals(3, s.executeUpdate("delete from node where id in (1, 3, 7)"));
      assertEquals(List.of("5,null", "6,5"), rows(s, "select * from node order by id"));
      SQLException e = assertThrows(SQLException.class, () -> s.execute(
          "create table bad(id int primary key, parent int references bad(id) on update cascade)"));
      assertEquals("0A000", e.getSQLState());
    }
  }

  @Test
  void definitionsRefused_setDefaultAndSetNullOnNotNull() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:"); Statement s = c.createStatement()) {
      s.execute("create table p(id int primary key)");
      SQLException e = assertThrows(SQLException.class,
          () -> s.execute("create table c(id int primary key, pid int references p(id) on delete set default)"));
      assertEquals("0A000", e.getSQLState());
      e = assertThrows(SQLException.class,
          () -> s.execute("create table c(id int primary key, pid int not null references p(id) on delete set null)"));
      assertEquals("42000", e.getSQLState());
      assertTrue(e.getMessage().contains("PID"), e.getMessage());
    }
  }

  @Test
  void actions_surviveReopenAndCheckpoint_andShowInMetadata() throws SQLException {
    String url = "jdbc:vsl:" + dir.resolve("db");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      shop(s);
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("checkpoint");
    }
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      try (ResultSet rs = c.getMetaData().getImportedKeys(null, "PUBLIC", "ORDERS")) {
        assertTrue(rs.next());
        assertEquals(DatabaseMetaData.importedKeyCascade, rs.getShort("DELETE_RULE"));
        assertEquals(DatabaseMetaData.importedKeyCascade, rs.getShort("UPDATE_RULE"));
      }
      try (ResultSet rs = c.getMetaData().getImportedKeys(null, "PUBLIC", "NOTE")) {
        assertTrue(rs.next());
        assertEquals(DatabaseMetaData.importedKeySetNull, rs.getShort("DELETE_RULE"));
        assertEquals(DatabaseMetaData.importedKeyRestrict, rs.getShort("UPDATE_RULE"));
      }
      assertEquals(List.of("CASCADE,CASCADE"), rows(s, "select delete_rule, update_rule"
          + " from information_schema.referential_constraints where constraint_name = 'FK_ORDERS'"));
      s.executeUpdate("delete from customer where id = 1");
      assertEquals(List.of("200,20"), rows(s, "select * from line order by id"));
    }
  }

  @Test
  void aTextCopy_keepsTheActions() throws SQLException {
    Path file = dir.resolve("database.txt");
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:;fileAccess=any"); Statement s = c.createStatement()) {
      shop(s);
      s.execute("copy database to '" + file + "'");
    }
    try (Connection c = DriverManager.getConnection("jdbc:vsl:mem:;fileAccess=any"); Statement s = c.createStatement()) {
      s.execute("copy database from '" + file + "'");
      assertEquals(List.of("FK_LINE,CASCADE,RESTRICT", "FK_NOTE,SET NULL,RESTRICT", "FK_ORDERS,CASCADE,CASCADE"),
          rows(s, "select constraint_name, delete_rule, update_rule from information_schema.referential_constraints"
              + " order by constraint_name"));
      s.executeUpdate("delete from customer where id = 1");
      assertEquals(List.of("1000,null", "2000,20"), rows(s, "select * from note order by id"));
    }
  }

  @Test
  void aChildInsertedConcurrently_withACascadingParentDelete_leavesNoOrphan() throws Exception {
    String url = "jdbc:vsl:mem:fk-race-" + System.nanoTime();
    try (Connection setup = DriverManager.getConnection(url); Statement s = setup.createStatement()) {
      s.execute("create table p(id int primary key)");
      s.execute("create table c(id int primary key, pid int references p(id) on delete cascade)");
      for (int round = 0; round < 40; round++) {
        s.execute("insert into p values (" + round + ")");
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 40; round++) {
          int r = round;
          CyclicBarrier start = new CyclicBarrier(2);
          Future<?> deleter = pool.submit(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
              c.setAutoCommit(false);
              start.await();
              st.executeUpdate("delete from p where id = " + r);
              c.commit();
            } catch (SQLException e) {
              assertTrue(e.getSQLState().startsWith("23") || e.getSQLState().startsWith("40"), e.getSQLState());
            }
            return null;
          });
          Future<?> inserter = pool.submit(() -> {
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
              c.setAutoCommit(false);
              start.await();
              st.executeUpdate("insert into c values (" + r + ", " + r + ")");
              c.commit();
            } catch (SQLException e) {
              assertTrue(e.getSQLState().startsWith("23") || e.getSQLState().startsWith("40"), e.getSQLState());
            }
            return null;
          });
          deleter.get();
          inserter.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(List.of("0"), rows(s, "select count(*) from c where pid not in (select id from p)"));
    }
  }
}
