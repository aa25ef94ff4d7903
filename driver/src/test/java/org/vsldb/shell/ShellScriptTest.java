package org.vsldb.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell's {@code -f} and {@code -e}, run as a user runs them: a separate JVM, its exit code. */
class ShellScriptTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run shell(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Shell.class.getName()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the shell ends");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void scriptWithAFailingStatement_stopsThere_withExitCode1_namingTheStatementAndItsLine()
      throws Exception {
    Path script = dir.resolve("load.sql");
    Files.writeString(script, String.join("\n",
        "-- a table and two rows",
        "create table t (a int primary key, b varchar(10));",
        "insert into t values (1, 'x;y');",
        "/* the next one repeats the key */",
        "insert into t",
        "  values (1, 'again');",
        "insert into t values (2, 'never');",
        ""), StandardCharsets.UTF_8);
    Run run = shell("db", "-f", script.toString());
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains("load.sql line 5: statement 3 failed: insert into t ..."), run.err());
    assertTrue(run.err().contains("23505"), run.err());
    Run check = shell("db", "-e", "select count(*) as n from t");
    assertEquals(0, check.exit(), check.err());
    assertTrue(check.out().contains("| 1 |"), "the script stopped before its last insert: " + check.out());
  }

  @Test
  void scriptThatSucceeds_exitsWith0_andPrintsResultsAndTimes() throws Exception {
    Path script = dir.resolve("ok.sql");
    Files.writeString(script, "create table t (a int);\ninsert into t values (41), (1);\n"
        + "select sum(a) as total from t;\n!tables\n", StandardCharsets.UTF_8);
    Run run = shell("db", "-f", script.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("| 42    |"), run.out());
    assertTrue(run.out().contains("PUBLIC") && run.out().contains("TABLE"), "!tables ran: " + run.out());
    assertTrue(run.err().contains("rows affected ("), "statement times are shown: " + run.err());
  }

  @Test
  void executeOption_stopsAtItsFailingStatement_withExitCode1() throws Exception {
    Run run = shell("jdbc:vsl:mem:x", "-e", "select 1; select * from missing; select 3");
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("-e line 1: statement 2 failed: select * from missing"), run.err());
    assertTrue(run.err().contains("42S02") || run.err().contains("not found"), run.err());
  }

  @Test
  void missingScriptFile_exitsWith1_sayingWhy() throws Exception {
    Run run = shell("jdbc:vsl:mem:x", "-f", "nope.sql");
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("cannot read nope.sql"), run.err());
  }

  @Test
  void progressLine_saysOperationCountsPercentAndTime() {
    assertEquals("CHECKPOINT: 420,000 of 1,000,000 rows (42%), 2.1 s",
        ProgressLine.format(new org.vsldb.jdbc.Progress("CHECKPOINT", 420_000, 1_000_000, "rows", 2_050)));
    assertEquals("COPY DATABASE TO: 7 rows, 1.0 s",
        ProgressLine.format(new org.vsldb.jdbc.Progress("COPY DATABASE TO", 7, -1, "rows", 1_000)));
  }

  @Test
  void splitting_keepsQuotesAndCommentsWhole_andCountsLines() {
    List<Script.Command> c = Script.split(
        "select ';' from t; -- x;\n\n  select \"a;b\"\n from u;\n!tables\n/* ; */ select 1");
    assertEquals(4, c.size(), c.toString());
    assertEquals(new Script.Command("select ';' from t", 1), c.get(0));
    assertEquals(new Script.Command("select \"a;b\"\n from u", 3), c.get(1));
    assertEquals(new Script.Command("!tables", 5), c.get(2));
    assertEquals(6, c.get(3).line());
  }
}
