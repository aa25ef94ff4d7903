package org.vsldb.tck.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.jar.lambdas.LambdaShapes;
import org.vsldb.tck.support.ChildJvm;

/**
 * The build step that turns the lambda call sites a training run links into classes of their own
 * ({@code driver/src/build/java/org/vsldb/build/LambdaClasses.java}): on a jar of every shape of
 * lambda javac makes ({@link LambdaShapes}), a program computes the same before and after it and
 * links no lambda through {@code LambdaMetafactory} after it but the serializable one; and in
 * the shaded jar the build made, the shell's first statement links none of the jar's.
 */
class LambdaClassesTest {
  private static final String SHAPES = LambdaShapes.class.getName().replace('.', '/');
  private static final String PACKAGE = SHAPES.substring(0, SHAPES.lastIndexOf('/') + 1);

  @TempDir Path work;

  /** The step's classes (driver/target/build-classes), or the test is skipped when the build skipped the step. */
  private static Path stepClasses() {
    Assumptions.assumeFalse(Boolean.getBoolean("vsl.lambdas.skip"), "built with -Dvsl.lambdas.skip=true");
    Path classes = Path.of(System.getProperty("vsl.buildClasses")).toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(classes), classes + " is missing: run 'mvn verify', which packages the driver first");
    return classes;
  }

  @Test
  void everyLambdaShape_computesTheSame_andLinksNoLambdaAfterTheStep() throws Exception {
    Path classes = stepClasses();
    Path jar = work.resolve("shapes.jar");
    Path testClasses = Path.of(LambdaShapes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
        Stream<Path> files = Files.walk(testClasses.resolve(PACKAGE))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new JarEntry(testClasses.relativize(f).toString().replace(File.separatorChar, '/')));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    }
    Path before = work.resolve("before.classlist");
    ChildJvm.Run original = ChildJvm.run(work, 120, "-XX:DumpLoadedClassList=" + before, "-cp", jar.toString(),
        LambdaShapes.class.getName());
    assertEquals(0, original.exitCode(), original.output());
    List<String> linked = lambdaSites(before, PACKAGE);
    assertTrue(linked.size() >= 30, "the shapes link their lambdas: " + linked);

    String asm = Path.of(org.objectweb.asm.ClassReader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    ChildJvm.Run step = ChildJvm.run(work, 120, "-cp", classes + File.pathSeparator + asm,
        "org.vsldb.build.LambdaClasses", jar.toString(), before.toString());
    assertEquals(0, step.exitCode(), step.output());
    // the JDK lists no serializable lambda (it does not archive them), so the step leaves it
    assertTrue(step.output().contains("made classes: " + linked.size() + "; left to LambdaMetafactory: 0"),
        step.output());
    try (JarFile rewritten = new JarFile(jar.toFile())) {
      long generated = rewritten.stream().filter(e -> e.getName().contains("$$VslLambda$")).count();
      assertEquals(linked.size(), generated);
    }

    Path after = work.resolve("after.classlist");
    ChildJvm.Run changed = ChildJvm.run(work, 120, "-Xverify:all", "-XX:DumpLoadedClassList=" + after,
        "-cp", jar.toString(), LambdaShapes.class.getName());
    assertEquals(0, changed.exitCode(), changed.output());
    assertEquals(original.output(), changed.output());
    assertEquals(33, original.output().lines().count(), original.output());
    assertTrue(original.output().contains("serializable lambda: serializable true"), original.output());
    assertEquals(List.of(), lambdaSites(after, PACKAGE));
  }

  @Test
  void shadedJar_firstStatementOfTheShell_linksNoLambdaOfTheJar() throws Exception {
    stepClasses();
    Path list = work.resolve("shell.classlist");
    ChildJvm.Run run = ChildJvm.run(work, 120, "-XX:DumpLoadedClassList=" + list, "-jar",
        ChildJvm.shadedJar().toString(), "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("| 1 |"), run.output());
    assertEquals(List.of(), lambdaSites(list, "org/vsldb/"));
    assertEquals(List.of(), lambdaSites(list, "sqlline/"));
    assertEquals(List.of(), lambdaSites(list, "org/jline/"));
  }

  /** The {@code @lambda-proxy} lines of a class list whose host class is in {@code prefix}. */
  private static List<String> lambdaSites(Path classList, String prefix) throws Exception {
    return Files.readAllLines(classList).stream()
        .filter(l -> l.startsWith("@lambda-proxy " + prefix))
        .toList();
  }
}
