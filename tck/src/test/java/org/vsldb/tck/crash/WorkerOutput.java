package org.vsldb.tck.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a crash worker's standard output on a thread of its own until the process dies: the line
 * {@code READY} opens {@link #awaitReady}, lines with {@code ERROR} or an exception are kept as
 * {@link #errors}, and every other line goes to the test's consumer.
 */
final class WorkerOutput {
  private final CountDownLatch ready = new CountDownLatch(1);
  private final StringBuffer errors = new StringBuffer();
  private final Thread reader;

  WorkerOutput(Process p, Consumer<String> lines) {
    reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          if (line.equals("READY")) {
            ready.countDown();
          } else if (line.startsWith("ERROR") || line.contains("Exception")) {
            errors.append(line).append('\n');
          } else {
            lines.accept(line);
          }
        }
      } catch (IOException ignored) {
        // the process died; that is the point
      }
    });
    reader.start();
  }

  /** Whether the worker said READY within {@code seconds}. */
  boolean awaitReady(long seconds) throws InterruptedException {
    return ready.await(seconds, TimeUnit.SECONDS);
  }

  /** Waits (at most 10 s) for the rest of the output of a process that ended. */
  void join() throws InterruptedException {
    reader.join(10_000);
  }

  /** The error lines so far, each ended by a newline; empty if none. */
  String errors() {
    return errors.toString();
  }
}
