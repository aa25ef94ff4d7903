package org.vsldb.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import org.vsldb.storage.log.LogWriter;

/**
 * Writes and forces the log with group commit. Committing threads queue their framed records in
 * commit-timestamp order; then one of the waiting threads becomes the leader: it takes everything
 * queued, writes it with one call (synchronous with {@code durability=full}, so the write is the
 * force: invariant I1), publishes the newest commit timestamp, and completes every record of the
 * batch. Commits that arrive while a leader is writing are written by the next leader, together.
 * A leader leads one batch and hands over: it wakes the threads of the records it wrote, and the
 * thread of the first record still queued, which leads next, so no record waits without a leader
 * and no thread wakes for nothing.
 *
 * <p>With {@code durability=full} a leader first gathers: if the last batch held more records
 * than are queued now, it waits (at most as long as the last write took, and 1 ms) for as many
 * to arrive. Without this, committers fall into a rhythm of alternating batches (the previous
 * leader alone, then everyone it woke), and eight threads share a force only two or three at a
 * time (measured on 2 cores: 12,000-18,500 commits/s before, 20,700-21,900 after). A lone
 * committer never waits: its last batch held one record.
 *
 * <p>Waiting is short when the disk forces fast, so a waiter first yields the processor in a loop
 * for up to twice the last write's time (when that was at most 1 ms), and parks only after that;
 * a gathering leader yields too. At most one waiter per available processor yields at a time;
 * the others park at once. A thread that parks must be woken through the kernel, and on a
 * virtual machine that wake-up, and the processor's return from idle while everyone waits for
 * the disk, cost as much as the statements between two forces: eight threads on 2 cores made
 * 26,000-29,000 commits/s parking at once, 38,000-48,000 yielding first (the write of a batch of
 * eight also went from 155-170 to 130-145 µs; with at most two waiters yielding, 37,000-39,000).
 * Yielding leaves the processor to any thread with work, so only otherwise idle time is spent,
 * and no more of it than the processors the JVM may use.
 *
 * <p>The log file is written by user threads, so it must survive their interrupts: the file seam
 * ({@link org.vsldb.storage.io.FileSystem}) reopens a channel that an interrupt closed and
 * retries the operation, which is idempotent for positional writes and forces.
 */
final class LogAppender implements AutoCloseable {
  /** Work for the leader, in queue order. */
  /** A task's thread, which waits for it in {@link #await} and is woken when it is done. */
  private sealed interface Task permits Append, Action {
    Thread waiter();
  }

  private record Append(ByteBuffer framed, long commitTs, CompletableFuture<Void> done, Thread waiter)
      implements Task {}

  /** Something to run with the log between appends, e.g. switching log files. */
  @FunctionalInterface
  interface LogAction {
    LogWriter run(LogWriter current) throws IOException;
  }

  private record Action(LogAction action, CompletableFuture<Void> done, Thread waiter) implements Task {}

  private final Object queueLock = new Object();
  private final ReentrantLock leader = new ReentrantLock();
  private final List<Task> queue = new ArrayList<>();
  private final Durability durability;
  private final LongConsumer publish;
  private final ScheduledExecutorService syncer;
  private volatile LogWriter writer;
  private volatile IOException failure;
  private boolean closed;
  private boolean dirty;
  /** Records in the last batch: how many a leader gathers before writing (full durability). */
  private int expected = 1;
  /**
   * Nanoseconds the last write took; a leader gathers for at most that long (and 1 ms), a waiter
   * yields for twice that long before it parks.
   */
  private volatile long lastWriteNanos;
  /** Whether tasks are queued; set under queueLock, read without it by yielding waiters. */
  private volatile boolean queued;

  LogAppender(LogWriter writer, Durability durability, long syncIntervalMs, LongConsumer publish, String name) {
    this.writer = writer;
    this.durability = durability;
    this.publish = publish;
    if (durability == Durability.INTERVAL) {
      syncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vsl-log-sync " + name);
        t.setDaemon(true);
        return t;
      });
      long ms = Math.max(1, syncIntervalMs);
      syncer.scheduleWithFixedDelay(this::periodicForce, ms, ms, TimeUnit.MILLISECONDS);
    } else {
      syncer = null;
    }
  }

  /** When a record was last queued ({@link System#nanoTime}). */
  private volatile long lastAppendNanos = System.nanoTime() - ACTIVE_NANOS;

  /** How long after a commit the log counts as busy with commits. */
  private static final long ACTIVE_NANOS = 20_000_000;

  /** Whether a commit was queued in the last 20 ms (a checkpoint then gives way to commits). */
  boolean committing() {
    return System.nanoTime() - lastAppendNanos < ACTIVE_NANOS;
  }

  /** Queues a framed record; the future completes when it is written (and durable, if full). */
  CompletableFuture<Void> append(ByteBuffer framed, long commitTs) {
    lastAppendNanos = System.nanoTime();
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Append(framed, commitTs, done, Thread.currentThread()));
    return done;
  }

  /** Queues {@code action} to run after every record queued before it. */
  CompletableFuture<Void> run(LogAction action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    enqueue(new Action(action, done, Thread.currentThread()));
    return done;
  }

  private void enqueue(Task t) {
    synchronized (queueLock) {
      IOException f = failure;
      if (f != null || closed) {
        fail(t, f != null ? f : new IOException("the log is closed"));
        return;
      }
      queue.add(t);
      queued = true;
    }
  }

  /** The current log size (only an estimate while a leader is writing). */
  long logSize() {
    LogWriter w = writer;
    return w == null ? 0 : w.size();
  }

  /**
   * Waits until {@code f} completes; called by the thread that queued it. While it waits,
   * whenever records are queued and no thread leads, this thread leads one batch and then hands
   * leadership on: a leader whose own record is written returns to its caller, and a waiter whose
   * record is still queued leads the next batch. (A leader that kept leading until the queue ran
   * dry would hold one committer out of the game for as long as the others keep committing.)
   *
   * <p>A waiter first yields (see the class comment), watching its task and whether queued tasks
   * lack a leader; then it parks. Parked waiters are woken one by one, never all at once: a
   * leader wakes the thread of each task it finished, and then, if tasks are queued, the thread
   * of the first of them to lead next. A task is queued before its thread first tries to lead,
   * and a leader looks at the queue after it lets go of leadership, so a queued task always has a
   * leader or a woken (or yielding) thread. An interrupt does not end the wait (the flag is kept
   * for the caller).
   */
  void await(CompletableFuture<Void> f) throws IOException {
    boolean interrupted = false;
    long w = lastWriteNanos;
    long spinUntil = System.nanoTime() + (w <= MAX_SPIN_WRITE_NANOS ? 2 * w : 0);
    try {
      while (!f.isDone()) {
        if (leadOneBatch()) {
          continue;
        }
        if (!f.isDone() && !spin(f, spinUntil)) {
          LockSupport.park(this); // woken when f is done or this thread leads next; or spuriously
          interrupted |= Thread.interrupted(); // else park returns at once from now on
        }
      }
      try {
        f.get();
      } catch (InterruptedException e) {
        interrupted = true; // not reached: f is done
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException(e.getCause());
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A waiter yields before parking only if the last write took at most this long. */
  private static final long MAX_SPIN_WRITE_NANOS = 1_000_000;

  /**
   * Waiters yielding now, in every database of the JVM: at most one per processor the JVM may use
   * (its container's share, if it has one), so that yielding never spends more than idle time.
   */
  private static final AtomicInteger SPINNERS = new AtomicInteger();
  private static final int SPIN_LIMIT = Runtime.getRuntime().availableProcessors();

  /**
   * Yields until {@code f} is done or queued tasks have no leader; false when time is up, or at
   * once when {@link #SPIN_LIMIT} waiters yield already.
   */
  private boolean spin(CompletableFuture<Void> f, long until) {
    if (SPINNERS.incrementAndGet() > SPIN_LIMIT) {
      SPINNERS.decrementAndGet();
      return false;
    }
    try {
      while (System.nanoTime() < until) {
        if (f.isDone() || (queued && !leader.isLocked())) {
          return true;
        }
        Thread.yield();
      }
      return false;
    } finally {
      SPINNERS.decrementAndGet();
    }
  }

  /**
   * Leads one batch if records are queued and no other thread leads; returns whether it did.
   * Afterwards the thread of the first task still queued is woken to lead the next batch.
   */
  private boolean leadOneBatch() {
    if (!hasQueued() || !leader.tryLock()) {
      return false;
    }
    try {
      if (durability == Durability.FULL) {
        gather();
      }
      List<Task> batch;
      synchronized (queueLock) {
        batch = new ArrayList<>(queue);
        queue.clear();
        queued = false;
      }
      if (!batch.isEmpty()) {
        expected = Math.max(1, batch.size());
        process(batch);
      }
      return true;
    } finally {
      leader.unlock();
      Thread next = null;
      synchronized (queueLock) {
        if (!queue.isEmpty()) {
          next = queue.get(0).waiter();
        }
      }
      if (next != null && next != Thread.currentThread()) {
        LockSupport.unpark(next);
      }
    }
  }

  private boolean hasQueued() {
    synchronized (queueLock) {
      return !queue.isEmpty();
    }
  }

  /** Leads batches until the queue is empty (closing). */
  private void leadWhileWorkQueued() {
    while (hasQueued()) {
      if (!leadOneBatch() && hasQueued() && leader.isLocked()) {
        LockSupport.parkNanos(this, 1_000_000);
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Yields until as many tasks are queued as the last batch held, or one write's time passed. */
  private void gather() {
    long deadline = System.nanoTime() + Math.min(lastWriteNanos, 1_000_000);
    while (true) {
      synchronized (queueLock) {
        if (queue.isEmpty() || queue.size() >= expected || !(queue.get(queue.size() - 1) instanceof Append)) {
          return;
        }
      }
      if (System.nanoTime() >= deadline) {
        return;
      }
      Thread.yield();
    }
  }

  private void periodicForce() {
    leader.lock();
    try {
      if (dirty && failure == null && writer != null) {
        writer.force();
        dirty = false;
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      leader.unlock();
    }
  }

  /** Runs one batch; called by the leader only. */
  private void process(List<Task> batch) {
    List<Append> written = new ArrayList<>();
    try {
      if (failure != null) {
        throw failure;
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
          wake(act);
        }
      }
      write(appends, written);
      settle(written);
    } catch (IOException | RuntimeException e) {
      IOException io = e instanceof IOException x ? x : new IOException(e);
      failure = io;
      for (Task t : batch) {
        fail(t, io);
      }
      synchronized (queueLock) {
        for (Task t : queue) {
          fail(t, io);
        }
        queue.clear();
        queued = false;
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
    long start = System.nanoTime();
    writer.writeFramed(one);
    lastWriteNanos = System.nanoTime() - start;
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
      writer.force(); // a no-op when the log's writes are synchronous
      dirty = false;
    }
    publish.accept(written.get(written.size() - 1).commitTs());
    for (Append a : written) {
      a.done().complete(null);
      wake(a);
    }
  }

  private static void fail(Task t, IOException e) {
    if (t instanceof Append a) {
      a.done().completeExceptionally(e);
    } else if (t instanceof Action act) {
      act.done().completeExceptionally(e);
    }
    wake(t);
  }

  /** Wakes the thread waiting for a finished task (unless it is this one). */
  private static void wake(Task t) {
    if (t.waiter() != Thread.currentThread()) {
      LockSupport.unpark(t.waiter());
    }
  }

  /** Writes what is queued, forces, and closes the log. */
  @Override
  public void close() throws IOException {
    leadWhileWorkQueued();
    if (syncer != null) {
      syncer.shutdownNow();
    }
    leader.lock();
    try {
      synchronized (queueLock) {
        closed = true;
      }
      if (writer != null) {
        try {
          if (failure == null) {
            writer.force();
          }
        } finally {
          writer.close();
        }
      }
    } finally {
      leader.unlock();
    }
  }
}
