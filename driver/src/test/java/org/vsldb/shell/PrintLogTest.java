package org.vsldb.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.sql.history.LogLines;

/**
 * {@code java -jar vsl.jar --print-log <dir|file>}: the logged changes as lines
 * {@code timestamp | operation | table | key | value | type}, also for a database that does not
 * open (docs/SQL.md, "The log as history").
 */
class PrintLogTest {
  @TempDir Path dir;

  private record Printed(int exit, List<String> lines, String err) {}

  private static Printed print(Path p) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = LogLines.print(p, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    return new Printed(exit, text.isEmpty() ? List.of() : text.lines().toList(), err.toString(StandardCharsets.UTF_8));
  }

  /** Each line without its timestamp. */
  private static List<String> untimed(List<String> lines) {
    return lines.stream().map(l -> {
      assertTrue(l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z \\| .*"), l);
      return l.substring(l.indexOf(" | ") + 3);
    }).toList();
  }

  private static void workload(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + db + ";archiveLog=true;checkpointLogBytes=0");
        Statement s = c.createStatement()) {
      s.execute("create table t (id int primary key, v varchar(10))");
      s.execute("insert into t values (1, 'a'), (2, 'it''s')");
      s.execute("checkpoint");
      s.execute("update t set v = null where id = 1");
      s.execute("delete from t where id = 2");
    }
  }

  @Test
  void directoryPrintsTheArchiveAndTheCurrentLog_oneLinePerChange() throws Exception {
    Path db = dir.resolve("db");
    workload(db);
    Printed p = print(db);
    assertEquals(0, p.exit(), p.err());
    assertEquals(List.of(
        "CREATE TABLE | PUBLIC.T |  |  | ID INTEGER, V VARCHAR(10)",
        "INSERT | PUBLIC.T | 1 | (1, 'a') | INTEGER, VARCHAR(10)",
        "INSERT | PUBLIC.T | 2 | (2, 'it''s') | INTEGER, VARCHAR(10)",
        "UPDATE | PUBLIC.T | 1 | (1, NULL) | INTEGER, VARCHAR(10)",
        "DELETE | PUBLIC.T | 2 |  | "), untimed(p.lines()));
  }

  @Test
  void oneLogFileIsPrinted_withTableNamesFromTheSnapshotBesideIt() throws Exception {
    Path db = dir.resolve("file");
    workload(db);
    Printed current = print(db.resolve("database.vsl"));
    assertEquals(0, current.exit(), current.err());
    assertEquals(List.of(), untimed(current.lines()), "the clean close checkpointed: the current log is empty");
    Path archived;
    try (var files = Files.list(db.resolve("archive"))) {
      archived = files.filter(f -> f.toString().endsWith("1.vsl")).findFirst().orElseThrow();
    }
    assertEquals(List.of("UPDATE | PUBLIC.T | 1 | (1, NULL) | INTEGER, VARCHAR(10)", "DELETE | PUBLIC.T | 2 |  | "),
        untimed(print(archived).lines()));
  }

  @Test
  void aDatabaseThatDoesNotOpen_printsTheChangesBeforeTheDamage_andNamesFileAndOffset() throws Exception {
    Path db = dir.resolve("damaged");
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + db + ";checkpointLogBytes=0");
        Statement s = c.createStatement()) {
      s.execute("create table t (id int primary key)");
      for (int i = 0; i < 5; i++) {
        s.execute("insert into t values (" + i + ")");
      }
    }
    // Copy the snapshot and the log while three commits are only in the log (the clean close
    // would checkpoint them), then put the copies back with the log's second record damaged.
    Path log = db.resolve("database.vsl");
    Path snapshot = db.resolve("database.db");
    byte[] b;
    byte[] snap;
    try (Connection c = DriverManager.getConnection("jdbc:vsl:" + db + ";checkpointLogBytes=0");
        Statement s = c.createStatement()) {
      s.execute("insert into t values (10)");
      s.execute("insert into t values (11)");
      s.execute("insert into t values (12)");
      b = Files.readAllBytes(log);
      snap = Files.readAllBytes(snapshot);
    }
    long second = secondRecordOffset(b);
    b[(int) second + 20] ^= 0x10;
    Files.write(log, b);
    Files.write(snapshot, snap);
    Files.deleteIfExists(db.resolve("database.vsl.old"));
    SQLException open = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:vsl:" + db).close());
    assertTrue(open.getMessage().contains("offset " + second), open.getMessage());
    Printed p = print(log);
    assertEquals(1, p.exit());
    assertEquals(List.of("INSERT | PUBLIC.T | 10 | (10) | INTEGER"), untimed(p.lines()));
    assertTrue(p.err().contains("database.vsl") && p.err().contains("offset " + second), p.err());
  }

  /** The offset of the second record: after the 40-byte header and the first record (frame, payload, end byte). */
  private static long secondRecordOffset(byte[] log) {
    int length = java.nio.ByteBuffer.wrap(log, 40, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    return 40 + 9 + length + 1; // header, frame, payload, end byte (log format 3)
  }

  @Test
  void theShellOptionPrintsTheSameLines() throws Exception {
    Path db = dir.resolve("shell");
    workload(db);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Shell.run(new String[] {"--print-log", db.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(0, exit);
    assertEquals(print(db).lines(), out.toString(StandardCharsets.UTF_8).lines().toList());
  }
}
