package org.vsldb.tck.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/** The one shaded jar, used the way a user uses it: alone on a class path, and as the shell. */
class ShadedJarTest {
  @TempDir Path work;

  private Path programDir() throws Exception {
    Path classes = work.resolve("classes");
    String rel = PlainJdbcProgram.class.getName().replace('.', '/') + ".class";
    Path source = Path.of(PlainJdbcProgram.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path target = classes.resolve(rel);
    Files.createDirectories(target.getParent());
    Files.copy(source.resolve(rel), target);
    return classes;
  }

  @Test
  void plainProgram_withOnlyTheJar_connectsWithoutClassForName() throws Exception {
    String cp = ChildJvm.shadedJar() + java.io.File.pathSeparator + programDir();
    ChildJvm.Run run = ChildJvm.run(work, 120, "-cp", cp, PlainJdbcProgram.class.getName(), "jdbc:vsl:mem:demo");
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("rows=1 text=hello"), run.output());
  }

  @Test
  void plainProgram_fileDatabase_isReopenedWithItsRows() throws Exception {
    String cp = ChildJvm.shadedJar() + java.io.File.pathSeparator + programDir();
    String url = "jdbc:vsl:" + work.resolve("db");
    ChildJvm.run(work, 120, "-cp", cp, PlainJdbcProgram.class.getName(), url);
    ChildJvm.Run second = ChildJvm.run(work, 120, "-cp", cp, PlainJdbcProgram.class.getName(), url);
    assertEquals(0, second.exitCode(), second.output());
    assertTrue(second.output().contains("rows=2 text=hello"), second.output());
  }

  @Test
  void shell_createsAndInsertsInOneJvm_andSelectsInAnother() throws Exception {
    String jar = ChildJvm.shadedJar().toString();
    ChildJvm.Run write = ChildJvm.run(work, 120, "-jar", jar, "demo-db", "-e",
        "create table t(a int primary key, b varchar(10)); insert into t values (1,'x')");
    assertEquals(0, write.exitCode(), write.output());
    ChildJvm.Run read = ChildJvm.run(work, 120, "-jar", jar, "demo-db", "-e", "select * from t");
    assertEquals(0, read.exitCode(), read.output());
    assertTrue(read.output().contains("| 1 | x |"), read.output());
    assertTrue(Files.exists(work.resolve("demo-db").resolve("database.vsl")));
  }

  @Test
  void shell_failingStatement_exitsNonZero() throws Exception {
    ChildJvm.Run run = ChildJvm.run(work, 120, "-jar", ChildJvm.shadedJar().toString(), "demo-db", "-e",
        "select * from no_such_table");
    assertTrue(run.exitCode() != 0, run.output());
    assertTrue(run.output().contains("42S02"), run.output());
  }

  @Test
  void jar_printLog_printsTheChangesOfADatabase_andVslLogWorksThroughTheJar() throws Exception {
    String jar = ChildJvm.shadedJar().toString();
    ChildJvm.Run write = ChildJvm.run(work, 120, "-jar", jar, "jdbc:vsl:hist-db;archiveLog=true", "-e",
        "create table t(a int primary key, b varchar(10)); insert into t values (1,'x'); checkpoint;"
            + " update t set b = 'y' where a = 1;"
            + " select operation, row_key, row_values from table(vsl_log('T'))");
    assertEquals(0, write.exitCode(), write.output());
    assertTrue(write.output().lines().anyMatch(l -> l.matches("\\|\\s*UPDATE\\s*\\|\\s*1\\s*\\|\\s*\\(1, 'y'\\)\\s*\\|")),
        write.output());
    ChildJvm.Run print = ChildJvm.run(work, 60, "-jar", jar, "--print-log", "hist-db");
    assertEquals(0, print.exitCode(), print.output());
    assertTrue(print.output().contains(" | INSERT | PUBLIC.T | 1 | (1, 'x') | INTEGER, VARCHAR(10)"), print.output());
    assertTrue(print.output().contains(" | UPDATE | PUBLIC.T | 1 | (1, 'y') | INTEGER, VARCHAR(10)"), print.output());
  }

  @Test
  void shell_help_printsUsage() throws Exception {
    ChildJvm.Run run = ChildJvm.run(work, 60, "-jar", ChildJvm.shadedJar().toString(), "--help");
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("Usage: java -jar vsl.jar"), run.output());
  }

  @Test
  void jar_registersOnlyVslsDriver_andRelocatesCalcite() throws Exception {
    try (JarFile jar = new JarFile(ChildJvm.shadedJar().toFile())) {
      String services = new String(
          jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8).strip();
      assertEquals("org.vsldb.jdbc.VslDriver", services);
      assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("org/apache/calcite/")));
      assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("org/vsldb/shaded/calcite/")));
    }
  }
}
