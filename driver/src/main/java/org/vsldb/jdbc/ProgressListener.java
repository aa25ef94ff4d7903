package org.vsldb.jdbc;

/**
 * Receives the {@link Progress} of a connection's long statements. It runs on the thread that
 * executes the statement, so it should return quickly. Set it with
 * {@code connection.unwrap(ProgressReporting.class).setProgressListener(...)}.
 */
@FunctionalInterface
public interface ProgressListener {
  void progress(Progress progress);
}
