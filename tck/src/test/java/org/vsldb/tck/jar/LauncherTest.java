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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.vsldb.tck.support.ChildJvm;

/**
 * The shell's launcher, {@code driver/target/vsl}: it runs the jar beside it with the archive the
 * build made when that archive fits (a class data sharing archive {@code .jsa}, or on JDK 25 and
 * later an AOT cache {@code .aot}, each only for a java that can read it), and runs it without the
 * archive, with the same output, when the archive is missing, older than the jar or refused by
 * the JVM.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
  @TempDir Path work;

  /** What a launch printed on each stream, and its exit code. */
  private record Launch(int exitCode, String out, String err) {}

  private Launch launch(Path launcher, String javaOptions, String... args) throws Exception {
    return launchWith(launcher, env -> {}, javaOptions, args);
  }

  /** A launch whose environment is this JDK's ({@link ChildJvm#forLauncher}), then {@code env}'s changes. */
  private Launch launchWith(Path launcher, Consumer<Map<String, String>> env, String javaOptions, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(launcher.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).directory(work.toFile());
    ChildJvm.forLauncher(b.environment());
    env.accept(b.environment());
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

  /** The archive the build made with this JDK: an AOT cache on JDK 25+, else a CDS archive. */
  private static Path archive() {
    return archive(Runtime.version().feature() >= 25 ? "aot" : "jsa");
  }

  private static Path archive(String suffix) {
    Path jar = ChildJvm.shadedJar();
    return jar.resolveSibling(jar.getFileName().toString().replaceAll("\\.jar$", "." + suffix));
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
    Path launcher = copy(work.resolve("moved"), true);
    if (Runtime.version().feature() >= 25) {
      // An AOT cache follows its jar when both move; the JVM refuses one that was cut short.
      Path cache = launcher.resolveSibling(archive().getFileName());
      byte[] whole = Files.readAllBytes(cache);
      Files.write(cache, java.util.Arrays.copyOf(whole, whole.length / 2));
    }
    // Else the copied archive was made for the jar in driver/target, not for this copy of it.
    Launch run = launch(launcher, null, "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(showsOne(run.out()), run.out());
    assertFalse(run.out().contains("warning"), run.out());
    assertTrue(run.err().contains("[warning][cds") || run.err().contains("[warning][aot"), run.err());
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

  /**
   * A JDK of feature release 25 or later: this one, or one installed beside it (as
   * {@code /usr/lib/jvm} holds several).
   */
  private static Optional<Path> jdk25OrLater() throws IOException {
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    if (Runtime.version().feature() >= 25) {
      return Optional.of(home);
    }
    try (Stream<Path> beside = Files.list(home.getParent())) {
      return beside.filter(jdk -> featureRelease(jdk) >= 25 && Files.isExecutable(jdk.resolve("bin/java")))
          .sorted().findFirst();
    }
  }

  /** The feature release in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.3"}: 25), or 0. */
  private static int featureRelease(Path jdk) {
    try {
      Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)").matcher(Files.readString(jdk.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  @Test
  void launcher_onJdk25OrLater_runsTheShellFromAnAotCache_andGivesItToNoOlderJava() throws Exception {
    Optional<Path> found = jdk25OrLater();
    Assumptions.assumeTrue(found.isPresent(), "no JDK 25 or later beside " + System.getProperty("java.home"));
    Path jdk = found.get();
    Path launcher = copy(work.resolve("aot"), false);
    Path jar = launcher.resolveSibling(ChildJvm.shadedJar().getFileName());
    Path cache = launcher.resolveSibling(archive("aot").getFileName());
    // A short training run, as the build's on JDK 25+ (which runs a longer script).
    Process training = new ProcessBuilder(jdk.resolve("bin/java").toString(), "-XX:AOTCacheOutput=" + cache,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(), "jdbc:vsl:mem:", "-e", "select 1")
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("training.txt").toFile())
        .start();
    assertTrue(training.waitFor(120, TimeUnit.SECONDS) && training.exitValue() == 0,
        Files.readString(work.resolve("training.txt")));
    assertTrue(Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0);

    Launch viaJavaHome = launchWith(launcher, env -> env.put("JAVA_HOME", jdk.toString()),
        "-Xlog:class+load=info:stdout", "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, viaJavaHome.exitCode(), viaJavaHome.out() + viaJavaHome.err());
    assertTrue(showsOne(viaJavaHome.out()), viaJavaHome.out());
    assertTrue(shellClassShared(viaJavaHome.out()), "the JVM did not use the AOT cache:\n" + viaJavaHome.err());

    // java found on the PATH through a symbolic link: the launcher reads the release file of the
    // JDK the link leads to.
    Path bin = Files.createDirectories(work.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("bin/java"));
    Launch viaPath = launchWith(launcher, env -> {
      env.remove("JAVA_HOME");
      env.put("PATH", bin + java.io.File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
    }, "-Xlog:class+load=info:stdout", "jdbc:vsl:mem:", "-e", "select 1");
    assertEquals(0, viaPath.exitCode(), viaPath.out() + viaPath.err());
    assertTrue(shellClassShared(viaPath.out()), "the JVM did not use the AOT cache:\n" + viaPath.err());

    if (Runtime.version().feature() < 25) {
      // This JDK does not know -XX:AOTCache and would not start with it: the launcher leaves the
      // cache out and runs the shell without an archive.
      Launch older = launch(launcher, "-Xlog:class+load=info:stdout", "jdbc:vsl:mem:", "-e", "select 1");
      assertEquals(0, older.exitCode(), older.out() + older.err());
      assertTrue(showsOne(older.out()), older.out());
      assertFalse(shellClassShared(older.out()));
      assertFalse(older.err().contains("warning") || older.err().contains("AOT"), older.err());
    }
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
