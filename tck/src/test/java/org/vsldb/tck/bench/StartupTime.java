package org.vsldb.tck.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.vsldb.tck.support.ChildJvm;

/**
 * JVM start to first result: the time from launching a command that starts a child JVM of this
 * JDK until its output shows the result of {@code select 1}, median of several launches. The
 * command is {@code java} with no options, or for vsl's shell its launcher ({@code driver/target/vsl},
 * which starts {@code java} with its own options). The child's output is read through a pipe as it
 * comes; the JVM's exit is not counted.
 */
final class StartupTime {
  /** The median, fastest and slowest launch, in milliseconds. */
  record Launches(double medianMillis, double minMillis, double maxMillis) {}

  private StartupTime() {}

  /**
   * vsl's shell as README says to start it: its launcher, {@code driver/target/vsl jdbc:vsl:mem: -e
   * 'select 1'} (which runs {@code java -jar vsl.jar} with the build's class data sharing archive).
   */
  static List<String> vslShell() {
    return List.of(ChildJvm.launcher().toString(), "jdbc:vsl:mem:", "-e", "select 1");
  }

  /** H2's shell: {@code java -cp h2.jar org.h2.tools.Shell -url jdbc:h2:mem: -sql 'select 1'}. */
  static List<String> h2Shell() throws Exception {
    return List.of(java(), "-cp", jarOf(Peer.H2).toString(), "org.h2.tools.Shell", "-url", "jdbc:h2:mem:",
        "-sql", "select 1");
  }

  /** {@link FirstResult} on the engine's jar alone (vsl: the shaded jar), an in-memory database. */
  static List<String> program(Peer peer) throws Exception {
    Path self = Path.of(FirstResult.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String url = switch (peer) {
      case VSL -> "jdbc:vsl:mem:";
      case H2 -> "jdbc:h2:mem:";
      case HSQLDB -> "jdbc:hsqldb:mem:start";
      case SQLITE -> "jdbc:sqlite::memory:";
    };
    return List.of(java(), "-cp", jarOf(peer) + File.pathSeparator + self, FirstResult.class.getName(), url,
        peer.selectOne());
  }

  private static String java() {
    return ChildJvm.javaExecutable().toString();
  }

  /** Whether a line of the child's output shows the result (vsl's table, H2's bare value, FIRST 1). */
  static boolean isResult(String line) {
    String s = line.strip();
    return s.equals("| 1 |") || s.equals("1") || s.equals("FIRST 1");
  }

  /** Launches {@code command} {@code launches} times, one after the other. */
  static Launches measure(Path workDir, int launches, List<String> command) throws Exception {
    double[] millis = new double[launches];
    for (int i = 0; i < launches; i++) {
      millis[i] = once(workDir, command, StartupTime::isResult);
    }
    Arrays.sort(millis);
    return new Launches(millis[launches / 2], millis[0], millis[launches - 1]);
  }

  private static double once(Path workDir, List<String> cmd, Predicate<String> result) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    ChildJvm.forLauncher(builder.environment());
    long start = System.nanoTime();
    Process p = builder.start();
    p.getOutputStream().close();
    // A child that hangs without printing would block readLine: it is killed after 120 s.
    Thread watchdog = new Thread(() -> {
      try {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    watchdog.setDaemon(true);
    watchdog.start();
    StringBuilder output = new StringBuilder();
    long found = -1;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (found < 0 && result.test(line)) {
          found = System.nanoTime();
        }
        output.append(line).append('\n');
      }
    }
    p.waitFor();
    if (found < 0 || p.exitValue() != 0) {
      throw new IllegalStateException("no result from " + cmd + " (exit " + p.exitValue() + "):\n" + output);
    }
    return (found - start) / 1e6;
  }

  /** The jar (or class directory) the engine's driver class comes from. */
  static Path jarOf(Peer peer) throws ClassNotFoundException, URISyntaxException, IOException {
    if (peer == Peer.VSL) {
      return ChildJvm.shadedJar();
    }
    return Path.of(Class.forName(peer.driverClass()).getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
