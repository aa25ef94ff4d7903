package org.vsldb.storage;

/**
 * Progress of a long operation (a checkpoint's snapshot), reported as it runs. Called on the
 * operation's thread; must be quick.
 */
@FunctionalInterface
public interface Progress {
  /** Ignores every report. */
  Progress NONE = (done, total) -> {};

  /**
   * @param done units done so far (rows for a checkpoint)
   * @param total the units expected in all, or -1 when not known
   */
  void report(long done, long total);
}
