package org.vsldb.jdbc;

/**
 * How far a long statement (CHECKPOINT, COPY) has come, as a {@link ProgressListener} receives
 * it: first after the statement has run for a second, then about once a second, and once more
 * when it ends.
 *
 * @param operation the statement: {@code CHECKPOINT}, {@code COPY DATABASE TO}, ...
 * @param done units done so far
 * @param total units in all, or -1 when not known
 * @param unit {@code rows} or {@code bytes}
 * @param elapsedMillis time since the statement started
 */
public record Progress(String operation, long done, long total, String unit, long elapsedMillis) {
  /** Percent done (0 to 100), or -1 when the total is not known. */
  public int percent() {
    return total <= 0 ? -1 : (int) Math.min(100, done * 100 / total);
  }

  /** Whether this is the report made when the statement ended. */
  public boolean finished() {
    return total >= 0 && done >= total;
  }
}
