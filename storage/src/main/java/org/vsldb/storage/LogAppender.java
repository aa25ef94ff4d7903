package org.vsldb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.vsldb.storage.log.LogWriter;

/**
 * The one thread that writes and forces the log (group commit). Committing threads enqueue their
 * framed records in commit-timestamp order; the appender writes every record queued so far, forces
 * once for all of them (invariant I1 with {@code durability=full}), publishes the newest commit
 * timestamp, and only then completes their futures. Commits that arrive during a force share the
 * next one.
 *
 * <p>User threads never touch the log file, so interrupting a user thread cannot close it (a
 * {@code FileChannel} closes itself when the thread using it is interrupted).
 */
final class LogAppender implements AutoCloseable {
  /** Work for the appender thread, in queue order. */
  private sealed interface Task permits Append, Action {}

  private record Append(ByteBuffer framed, long commitTs, CompletableFuture<Void> done) implements Task {}

  /** Something to run on the appender thread between appends, e.g. switching log files. */
  @FunctionalInterface
  interface LogAction {
    LogWriter run(LogWriter current) throws IOException;
  }

  private record Action(LogAction action, CompletableFuture<Void> done) implements Task {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Task> queue = new ArrayList<>();
  private final Durability durability;
  private final long syncIntervalNanos;
  private final LongConsumer publish;
  private final Thread thread;
  private LogWriter writer;
  private volatile IOException failure;
  private boolean closing;
  private boolean dirty;

  LogAppender(LogWriter writer, Durability durability, long syncIntervalMs, LongConsumer publish, String name) {
    this.writer = writer;
    this.durability = durability;
    this.syncIntervalNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, syncIntervalMs));
    this.publish = publish;
    this.thread = new Thread(this::loop, "vsl-log " + name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a framed record; the future completes when it is written (and forced, if full). */
  CompletableFuture<Void> append(ByteBuffer framed, long commitTs) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Append(framed, commitTs, done));
    return done;
  }

  /** Runs {@code action} on the appender thread after every record queued before it. */
  CompletableFuture<Void> run(LogAction action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Action(action, done));
    return done;
  }

  private void enqueue(Task t) {
    lock.lock();
    try {
      IOException f = failure;
      if (f != null || closing) {
        fail(t, f != null ? f : new IOException("the log is closed"));
        return;
      }
      queue.add(t);
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  /** The current log size (only an estimate while appends are under way). */
  long logSize() {
    LogWriter w = writer;
    return w == null ? 0 : w.size();
  }

  IOException failure() {
    return failure;
  }

  private void loop() {
    List<Task> batch = new ArrayList<>();
    while (true) {
      lock.lock();
      try {
        while (queue.isEmpty() && !closing) {
          if (dirty && durability == Durability.INTERVAL) {
            if (work.awaitNanos(syncIntervalNanos) <= 0 && queue.isEmpty()) {
              break; // interval elapsed: force below
            }
          } else {
            work.awaitUninterruptibly();
          }
        }
        if (queue.isEmpty() && closing) {
          break;
        }
        batch.addAll(queue);
        queue.clear();
      } catch (InterruptedException e) {
        // The appender is never interrupted by vsl; keep going.
      } finally {
        lock.unlock();
      }
      process(batch);
      batch.clear();
    }
    try {
      if (failure == null && writer != null) {
        writer.force();
      }
    } catch (IOException e) {
      failure = e;
    }
  }

  private void process(List<Task> batch) {
    List<Append> written = new ArrayList<>();
    try {
      if (failure != null) {
        throw failure;
      }
      if (batch.isEmpty() && dirty) {
        writer.force();
        dirty = false;
      }
      List<Append> appends = new ArrayList<>();
      for (Task t : batch) {
        if (t instanceof Append a) {
          appends.add(a);
        } else if (t instanceof Action act) {
          write(appends, written);
          settle(written);
          written.clear();
          writer = act.action().run(writer);
          act.done().complete(null);
        }
      }
      write(appends, written);
      settle(written);
    } catch (IOException e) {
      failure = e;
      for (Append a : written) {
        a.done().completeExceptionally(e);
      }
      for (Task t : batch) {
        fail(t, e);
      }
      lock.lock();
      try {
        for (Task t : queue) {
          fail(t, e);
        }
        queue.clear();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Writes the queued records with one write call; they join {@code written}. */
  private void write(List<Append> appends, List<Append> written) throws IOException {
    if (appends.isEmpty()) {
      return;
    }
    ByteBuffer one;
    if (appends.size() == 1) {
      one = appends.get(0).framed();
    } else {
      int n = 0;
      for (Append a : appends) {
        n += a.framed().remaining();
      }
      one = ByteBuffer.allocate(n);
      for (Append a : appends) {
        one.put(a.framed());
      }
      one.flip();
    }
    writer.writeFramed(one);
    written.addAll(appends);
    appends.clear();
    dirty = true;
  }

  /** Forces (if full), publishes and acknowledges the records written since the last settle. */
  private void settle(List<Append> written) throws IOException {
    if (written.isEmpty()) {
      return;
    }
    if (durability == Durability.FULL) {
      writer.force();
      dirty = false;
    }
    publish.accept(written.get(written.size() - 1).commitTs());
    for (Append a : written) {
      a.done().complete(null);
    }
  }

  private static void fail(Task t, IOException e) {
    if (t instanceof Append a) {
      a.done().completeExceptionally(e);
    } else if (t instanceof Action act) {
      act.done().completeExceptionally(e);
    }
  }

  /** Waits for {@code f} without giving up on an interrupt (the interrupt flag is kept). */
  static void await(CompletableFuture<Void> f) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IOException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Writes and forces what is queued, stops the thread, and closes the log. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      closing = true;
      work.signal();
    } finally {
      lock.unlock();
    }
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
    if (writer != null) {
      writer.close();
    }
  }
}
