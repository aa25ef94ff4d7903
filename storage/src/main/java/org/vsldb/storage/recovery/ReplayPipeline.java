package org.vsldb.storage.recovery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Replays on two threads: the caller reads and checks the log's records and hands over their
 * payloads, and one worker decodes and applies them in order, so reading and applying overlap.
 * Payloads travel in batches; the worker's first failure is rethrown to the caller.
 */
final class ReplayPipeline implements AutoCloseable {
  /** A batch is handed over once its payloads hold this many bytes. */
  private static final int BATCH_BYTES = 128 * 1024;
  private static final List<Payload> END = new ArrayList<>();

  /** A good record's payload (little-endian), copied out of the reader's buffer, and its frame's offset. */
  record Payload(long offset, ByteBuffer bytes) {}

  /** Applies one payload on the worker. */
  @FunctionalInterface
  interface Apply {
    void apply(Payload p);
  }

  private final BlockingQueue<List<Payload>> queue = new ArrayBlockingQueue<>(32);
  private final Thread worker;
  private volatile RuntimeException failure;
  private List<Payload> batch = new ArrayList<>();
  private int bytes;

  ReplayPipeline(Apply apply) {
    worker = new Thread(() -> {
      try {
        while (true) {
          List<Payload> b = queue.take();
          if (b == END) {
            return;
          }
          if (failure == null) {
            for (Payload p : b) {
              apply.apply(p);
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

  /** Hands over a copy of {@code payload} (read from its position to its limit), found at {@code offset}. */
  void accept(long offset, ByteBuffer payload) {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    byte[] copy = new byte[payload.remaining()];
    payload.duplicate().get(copy);
    batch.add(new Payload(offset, ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN)));
    bytes += copy.length;
    if (bytes >= BATCH_BYTES) {
      put(batch);
      batch = new ArrayList<>();
      bytes = 0;
    }
  }

  private void put(List<Payload> b) {
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
