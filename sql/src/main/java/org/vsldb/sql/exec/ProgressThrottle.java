package org.vsldb.sql.exec;

import org.vsldb.storage.Progress;

/**
 * Passes one statement's progress to a {@link ProgressSink} only once it has run for a second, and
 * then at most once a second, plus a last report at the end if any was made: short statements
 * report nothing.
 */
final class ProgressThrottle implements Progress {
  private static final long FIRST_AFTER_NANOS = 1_000_000_000L;
  private static final long EVERY_NANOS = 1_000_000_000L;

  private final ProgressSink sink;
  private final String operation;
  private final String unit;
  private final java.util.function.LongSupplier clock;
  private final long start;
  private long next;
  private boolean reported;
  private long lastDone;
  private long lastTotal = -1;

  ProgressThrottle(ProgressSink sink, String operation, String unit) {
    this(sink, operation, unit, System::nanoTime);
  }

  /** With {@code clock} giving nanoseconds, as {@link System#nanoTime()} does. */
  ProgressThrottle(ProgressSink sink, String operation, String unit, java.util.function.LongSupplier clock) {
    this.sink = sink;
    this.operation = operation;
    this.unit = unit;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.next = start + FIRST_AFTER_NANOS;
  }

  @Override
  public void report(long done, long total) {
    lastDone = done;
    lastTotal = total;
    long now = clock.getAsLong();
    if (now >= next) {
      next = now + EVERY_NANOS;
      reported = true;
      sink.report(operation, done, total, unit, (now - start) / 1_000_000);
    }
  }

  /** The final report, made only when earlier ones were. */
  void finish() {
    if (reported) {
      sink.report(operation, lastDone, lastTotal < 0 ? lastDone : lastTotal, unit,
          (clock.getAsLong() - start) / 1_000_000);
    }
  }
}
