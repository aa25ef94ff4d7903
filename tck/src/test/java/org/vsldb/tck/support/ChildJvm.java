package org.vsldb.tck.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a child JVM with the current {@code java}, collecting its output and exit code. */
public final class ChildJvm {
  private ChildJvm() {}

  /** What a child printed and how it ended. */
  public record Run(int exitCode, String output) {}

  /** The shaded driver jar the build produced (the surefire property {@code vsl.shadedJar}). */
  public static Path shadedJar() {
    String p = System.getProperty("vsl.shadedJar");
    if (p == null) {
      throw new IllegalStateException("system property vsl.shadedJar is not set (run through Maven)");
    }
    Path jar = Path.of(p).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: run 'mvn verify', which packages the driver first");
    }
    return jar;
  }

  /**
   * The shell's launcher beside the shaded jar ({@code driver/target/vsl}), which starts the jar
   * with the class data sharing archive the build made.
   */
  public static Path launcher() {
    Path launcher = shadedJar().resolveSibling("vsl");
    if (!Files.isExecutable(launcher)) {
      throw new IllegalStateException(launcher + " is missing or not executable: run 'mvn verify', which packages the driver first");
    }
    return launcher;
  }

  /**
   * Sets a launcher's environment: {@code JAVA_HOME} to this JDK, so that it starts the JVM the
   * tests run on, and no {@code VSL_JAVA_OPTS}.
   */
  public static void forLauncher(java.util.Map<String, String> environment) {
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.remove("VSL_JAVA_OPTS");
  }

  public static Path javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** Runs {@code java <args>} in {@code workDir} and waits up to {@code timeoutSeconds}. */
  public static Run run(Path workDir, long timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable().toString());
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile("child-jvm", ".out");
    try {
      // The output goes to a file, not a pipe read here, so a hung child cannot block the wait.
      Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new IllegalStateException("child JVM timed out after " + timeoutSeconds + " s: " + cmd
            + "\n" + Files.readString(log, StandardCharsets.UTF_8));
      }
      return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
