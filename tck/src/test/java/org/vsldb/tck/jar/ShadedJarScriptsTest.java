package org.vsldb.tck.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.compare.ScriptOutcomes;
import org.vsldb.tck.support.ChildJvm;

/**
 * The shaded jar leaves out libraries and classes (sql/pom.xml, driver/pom.xml); this shows that
 * what it keeps runs every statement of the differential scripts exactly as the modules do: a
 * child JVM whose class path is the jar and the test classes (no module, no Calcite jar) gives
 * the same outcome, statement by statement, as this JVM.
 */
class ShadedJarScriptsTest {
  private static final Path SCRIPTS = Path.of("src/test/resources/scripts").toAbsolutePath();

  @TempDir Path work;

  @Test
  void everyDifferentialStatement_hasTheSameOutcomeThroughTheShadedJarAlone() throws Exception {
    List<String> expected = ScriptOutcomes.of(SCRIPTS);
    String cp = ChildJvm.shadedJar() + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
    ChildJvm.Run run = ChildJvm.run(work, 600, "-cp", cp, ScriptOutcomes.class.getName(), SCRIPTS.toString());
    assertEquals(0, run.exitCode(), run.output());
    List<String> actual = Arrays.asList(run.output().split("\n"));
    assertTrue(expected.size() > 900, "the scripts hold " + expected.size() + " statements");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), i < actual.size() ? actual.get(i) : "(no line)", "statement " + i);
    }
    assertEquals(expected.size(), actual.size());
  }
}
