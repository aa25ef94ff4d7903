package org.vsldb.sql.exec;

/**
 * Where a session reports the progress of its long statements (CHECKPOINT, COPY): the driver
 * passes these on to the connection's listener.
 */
@FunctionalInterface
public interface ProgressSink {
  ProgressSink NONE = (operation, done, total, unit, elapsedMillis) -> {};

  /**
   * @param operation the statement, such as {@code CHECKPOINT} or {@code COPY DATABASE TO}
   * @param done units done so far
   * @param total units in all, or -1 when not known
   * @param unit {@code rows} or {@code bytes}
   * @param elapsedMillis time since the statement started
   */
  void report(String operation, long done, long total, String unit, long elapsedMillis);
}
