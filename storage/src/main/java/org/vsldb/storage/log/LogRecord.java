package org.vsldb.storage.log;

import java.util.List;

/**
 * A committed transaction as the log holds it: one framed record, so its replay is atomic.
 *
 * @param commitTs the commit timestamp (a counter that orders commits)
 * @param wallClockMillis the wall-clock time of the commit, in ms since the epoch
 * @param changes the changes in the order they are applied (kept as they are when a frozen
 *     {@link PagedList}, else copied)
 */
public record LogRecord(long commitTs, long wallClockMillis, List<Change> changes) {
  public LogRecord {
    changes = changes instanceof PagedList<Change> p && p.frozen() ? p : List.copyOf(changes);
  }
}
