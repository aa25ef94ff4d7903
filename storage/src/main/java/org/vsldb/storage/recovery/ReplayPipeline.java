package org.vsldb.storage.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.vsldb.storage.log.LogRecord;

/**
 * Replays on two threads: the caller reads, checks and decodes records, and one worker applies
 * them in order, so decoding and applying overlap. Records travel in batches; the worker's first
 * failure is rethrown to the caller.
 */
final class ReplayPipeline implements Consumer<LogRecord>, AutoCloseable {
  /** A batch is handed over once it holds this many changes. */
  private static final int BATCH_CHANGES = 2048;
  private static final List<LogRecord> END = new ArrayList<>();

  private final BlockingQueue<List<LogRecord>> queue = new ArrayBlockingQueue<>(64);
  private final Thread worker;
  private volatile RuntimeException failure;
  private List<LogRecord> batch = new ArrayList<>();
  private int changes;

  ReplayPipeline(Consumer<LogRecord> apply) {
    worker = new Thread(() -> {
      try {
        while (true) {
          List<LogRecord> b = queue.take();
          if (b == END) {
            return;
          }
          if (failure == null) {
            for (LogRecord r : b) {
              apply.accept(r);
            }
          }
        }
      } catch (RuntimeException e) {
        failure = e;
        queue.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "vsl-replay");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void accept(LogRecord r) {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    batch.add(r);
    changes += r.changes().size();
    if (changes >= BATCH_CHANGES) {
      put(batch);
      batch = new ArrayList<>();
      changes = 0;
    }
  }

  private void put(List<LogRecord> b) {
    while (true) {
      if (failure != null && b != END) {
        return;
      }
      try {
        queue.put(b);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("replay interrupted", e);
      }
    }
  }

  /** Applies what is left and waits for the worker; rethrows its failure. */
  @Override
  public void close() {
    if (!batch.isEmpty()) {
      put(batch);
      batch = new ArrayList<>();
    }
    if (failure != null) {
      queue.clear(); // the worker stopped taking; make room for END
    }
    put(END);
    boolean interrupted = false;
    while (worker.isAlive()) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      throw failure;
    }
  }
}
