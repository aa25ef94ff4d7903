package org.vsldb.storage;

/**
 * The thread that loads a file store's tables after its open returned (invariant I10), and the
 * wait for it that closing needs: a store must not release its files while they are read.
 */
final class LoadThread {
  private final Thread thread;

  private LoadThread(Thread thread) {
    this.thread = thread;
  }

  /** Starts {@code load} on a daemon thread named {@code vsl-load <directory>}. */
  static LoadThread start(String directory, Runnable load) {
    Thread t = new Thread(load, "vsl-load " + directory);
    t.setDaemon(true);
    t.start();
    return new LoadThread(t);
  }

  /** Waits until the load has ended; an interrupt does not end the wait (the flag is kept). */
  void join() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
