package org.vsldb.tck.slt;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.vsldb.tck.support.ChildJvm;

/**
 * Runs one script in a child JVM ({@link #main}), so that a query that never finishes or fills the
 * heap (a planner lost in a many-table join) costs that JVM only. A statement or query still under
 * way after {@code slt.queryTimeoutSeconds} (default 60), or a script still running after
 * {@code slt.scriptTimeoutSeconds} (default 900), ends the script, and the outcome so far comes
 * back. The parent kills a child that does not end two minutes after that.
 */
final class ScriptProcess {
  private static final long QUERY_TIMEOUT = Long.getLong("slt.queryTimeoutSeconds", 60);
  private static final long SCRIPT_TIMEOUT = Long.getLong("slt.scriptTimeoutSeconds", 900);

  private ScriptProcess() {}

  /** Runs {@code script} on a new connection to {@code url} in a child JVM; see {@link SltScripts#run}. */
  static ScriptOutcome run(String script, String url, int maxQueries) throws IOException, InterruptedException {
    Path result = Files.createTempFile("slt-", ".outcome");
    Path log = Files.createTempFile("slt-", ".log");
    try {
      Process p = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx1g", "-XX:+UseParallelGC",
          "-Dslt.queryTimeoutSeconds=" + QUERY_TIMEOUT, "-Dslt.scriptTimeoutSeconds=" + SCRIPT_TIMEOUT,
          "-cp", System.getProperty("java.class.path"),
          ScriptProcess.class.getName(), script, url, result.toString(), Integer.toString(maxQueries))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(SCRIPT_TIMEOUT + 120, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      if (Files.size(result) == 0) {
        return crashed(script, "child JVM ended without an outcome (exit " + p.exitValue() + "): "
            + Files.readString(log, StandardCharsets.UTF_8).strip());
      }
      try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(result))) {
        return (ScriptOutcome) in.readObject();
      } catch (ClassNotFoundException e) {
        throw new IOException(e);
      }
    } finally {
      Files.deleteIfExists(result);
      Files.deleteIfExists(log);
    }
  }

  private static ScriptOutcome crashed(String script, String error) {
    return new ScriptOutcome(script, 0, 0, 0, 0,
        List.of(new ScriptOutcome.Failure("statement", "(the whole script)", error, null, null)));
  }

  /** The child: {@code <script> <url> <outcome file> <max queries>}. */
  public static void main(String[] args) throws Exception {
    String script = args[0];
    ScriptOutcome.Builder outcome = new ScriptOutcome.Builder(script);
    Throwable[] error = new Throwable[1];
    Thread worker = new Thread(() -> {
      try {
        SltScripts.run(script, args[1], Integer.parseInt(args[3]), outcome);
      } catch (Throwable e) {
        error[0] = e;
      }
    }, "slt-script");
    worker.setDaemon(true);
    worker.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SCRIPT_TIMEOUT);
    ScriptOutcome done = null;
    while (done == null) {
      worker.join(1000);
      if (!worker.isAlive()) {
        done = error[0] == null ? outcome.build() : outcome.stopped(String.valueOf(error[0]));
      } else if (outcome.currentSeconds() > QUERY_TIMEOUT) {
        done = outcome.stopped("no answer after " + QUERY_TIMEOUT + " s");
      } else if (System.nanoTime() > deadline) {
        done = outcome.stopped("the script ran out of its " + SCRIPT_TIMEOUT + " s");
      }
    }
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(Path.of(args[2])))) {
      out.writeObject(done);
    }
    Runtime.getRuntime().halt(0); // the worker may still be planning
  }
}
