package org.vsldb.tck.concurrency;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vsldb.tck.support.ChildJvm;

/**
 * A {@link TransferWorker} in a child JVM, with what it printed: the ids of acknowledged
 * transfers and any error lines.
 */
final class TransferWorkerProcess implements AutoCloseable {
  final Process process;
  final Set<Long> acked = ConcurrentHashMap.newKeySet();
  private final StringBuilder errors = new StringBuilder();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread reader;

  /** Starts a worker on {@code url} whose transfer ids start after {@code firstId}. */
  TransferWorkerProcess(String url, long firstId) throws java.io.IOException {
    process = new ProcessBuilder(ChildJvm.javaExecutable().toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), TransferWorker.class.getName(), url,
        Long.toString(firstId)).redirectErrorStream(true).start();
    reader = new Thread(this::read);
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.equals("READY")) {
          ready.countDown();
        } else if (line.startsWith("ACK ")) {
          acked.add(Long.parseLong(line.substring(4)));
        } else if (line.startsWith("ERROR") || line.contains("Exception")) {
          synchronized (errors) {
            errors.append(line).append('\n');
          }
        }
      }
    } catch (java.io.IOException ignored) {
      // the process died
    }
  }

  /** Whether the worker set up its tables within {@code seconds}. */
  boolean awaitReady(long seconds) throws InterruptedException {
    return ready.await(seconds, TimeUnit.SECONDS);
  }

  /** Waits until {@code n} transfers are acknowledged or {@code seconds} passed. */
  void awaitAcknowledged(int n, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (acked.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  /** The error lines printed so far. */
  String errors() {
    synchronized (errors) {
      return errors.toString();
    }
  }

  /** Kills the worker (kill -9) and waits for it and for its output to end. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    reader.join(10_000);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
