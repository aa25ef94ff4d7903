package org.vsldb.storage.recovery;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.vsldb.storage.ReplayBatch;
import org.vsldb.storage.table.Catalog;

/**
 * Replays on two threads: the caller reads and checks the log's records and decodes their
 * payloads, row values into row images ({@link ReplayBatch.Decoder}), and one worker applies the
 * decoded commits in order, so reading, decoding and applying overlap. Commits travel in batches;
 * the worker's first failure is rethrown to the caller.
 */
final class ReplayPipeline implements AutoCloseable {
  private static final ReplayBatch END = new ReplayBatch();

  /** Applies one commit of a batch on the worker. */
  @FunctionalInterface
  interface Apply {
    void apply(ReplayBatch batch, int commit);
  }

  private final BlockingQueue<ReplayBatch> queue = new ArrayBlockingQueue<>(8);
  private final ReplayBatch.Decoder decoder;
  private final Thread worker;
  private volatile RuntimeException failure;
  private ReplayBatch batch = new ReplayBatch();

  /** A pipeline whose payloads continue the tables of {@code catalog} (see {@link ReplayBatch.Decoder}). */
  ReplayPipeline(Catalog catalog, Apply apply) {
    decoder = new ReplayBatch.Decoder(catalog);
    worker = new Thread(() -> {
      try {
        while (true) {
          ReplayBatch b = queue.take();
          if (b == END) {
            return;
          }
          if (failure == null) {
            for (int i = 0; i < b.commits(); i++) {
              apply.apply(b, i);
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

  /**
   * Decodes {@code payload} (from its position to its limit), found at {@code offset}, and hands it
   * over with the next batch.
   *
   * @throws IllegalArgumentException if the payload is malformed ({@link ReplayBatch.Decoder#decode})
   */
  void accept(long offset, ByteBuffer payload) {
    RuntimeException f = failure;
    if (f != null) {
      throw f;
    }
    decoder.decode(offset, payload, batch);
    if (batch.isFull()) {
      put(batch);
      batch = new ReplayBatch();
    }
  }

  private void put(ReplayBatch b) {
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
    if (batch.commits() > 0) {
      put(batch);
      batch = new ReplayBatch();
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
