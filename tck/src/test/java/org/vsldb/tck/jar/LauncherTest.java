package org.vsldb.tck.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/**
 * The shell's launcher, {@code driver/target/vsl}: it runs the jar beside it with the class data
 * sharing archive the build made when that archive fits, and runs it without the archive, with
 * the same output, when the archive is missing, older than the jar or refused by the JVM.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  @TempDir Path work;

  /** What a launch printed on each stream, and its exit code. */
  private record Launch(int exitCode, String out, String err) {}

  private Launch launch(Path launcher, String javaOptions, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).directory(work.toFile());
    ChildJvm.forLauncher(b.environment());
    if (javaOptions != null) {
      b.environment().put("VSL_JAVA_OPTS", javaOptions);
    }
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new IllegalStateException("launcher timed out: " + cmd);
    }
    return new Launch(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The launcher and the jar, copied into {@code dir}, with the archive if {@code archive}. */
  private Path copy(Path dir, boolean archive) throws IOException {
    Path jar = ChildJvm.shadedJar();
    Files.createDirectories(dir);
    Files.copy(ChildJvm.launcher(), dir.resolve("vsl"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    if (archive) {
      Files.copy(archive(), dir.resolve(archive().getFileName()));
    }
    return dir.resolve("vsl");
  }

  private static Path archive() {
    Path jar = ChildJvm.shadedJar();
    return jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", ".jsa"));
  }

  private static boolean showsOne(String out) {
    return out.lines().anyMatch(l -> l.strip().equals("| 1 |"));
  }

  /** Whether the class-loading log says the shell's main class came from the archive. */
  private static boolean shellClassShared(String out) {
    return out.lines().anyMatch(l -> l.contains(" org.vsldb.shell.Shell source: shared objects file"));
  }

  @Test
  void build_makesTheArchive_newerThanTheJar() throws Exception {
    assertTrue(Files.isRegularFile(archive()), archive() + " missing");
    assertTrue(Files.getLastModifiedTime(archive()).compareTo(Files.getLastModifiedTime(ChildJvm.shadedJar())) > 0);
  }

  @Test
  void launcher_withTheBuildsArchive_runsTheShellOnClassesFromTheArchive() throws Exception {
    Launch run = launch(ChildJvm.launcher(), "-Xlog:class+load=info:stdout", "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(showsOne(run.out()), run.out());
    assertTrue(shellClassShared(run.out()), "the JVM did not use the archive:\n" + run.err());
  }

  @Test
  void launcher_withoutAnArchive_runsTheShell_withoutWarnings() throws Exception {
    Path launcher = copy(work.resolve("bare"), false);
    Launch run = launch(launcher, null, "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(showsOne(run.out()), run.out());
    assertFalse(run.out().contains("warning") || run.err().contains("warning"), run.out() + run.err());
  }

  @Test
  void launcher_withAnArchiveTheJvmRefuses_runsTheShell_andWarnsOnStandardErrorOnly() throws Exception {
    // The copied archive was made for the jar in driver/target, not for this copy of it.
    Path launcher = copy(work.resolve("moved"), true);
    Launch run = launch(launcher, null, "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(showsOne(run.out()), run.out());
    assertFalse(run.out().contains("warning"), run.out());
    assertTrue(run.err().contains("[warning][cds"), run.err());
  }

  @Test
  void launcher_withAnArchiveOlderThanTheJar_runsWithoutIt() throws Exception {
    Path launcher = copy(work.resolve("stale"), true);
    Path jar = launcher.resolveSibling(ChildJvm.shadedJar().getFileName());
    Path staleArchive = launcher.resolveSibling(archive().getFileName());
    Files.setLastModifiedTime(staleArchive,
        FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
    Launch run = launch(launcher, "-Xlog:class+load=info:stdout", "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(showsOne(run.out()), run.out());
    assertFalse(shellClassShared(run.out()));
    assertFalse(run.err().contains("warning"), run.err());
  }

  @Test
  void launcher_calledThroughASymbolicLink_findsTheJarBesideItself() throws Exception {
    Path link = Files.createSymbolicLink(work.resolve("vsl-link"), ChildJvm.launcher());
    Launch run = launch(link, null, "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(showsOne(run.out()), run.out());
  }

  @Test
  void launcher_passesArguments_andTheExitCode_asJavaJarDoes() throws Exception {
    Launch run = launch(ChildJvm.launcher(), null, "jdbc:vsl:mem:", "-e", "select 'a b' as x; select * from no_such_table");
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("| a b |"), run.out());
    assertTrue(run.err().contains("42S02"), run.err());
  }
}
