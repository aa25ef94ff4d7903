package org.vsldb.jdbc;

/**
 * What a vsl connection offers beyond JDBC for long statements; reach it with
 * {@code connection.unwrap(ProgressReporting.class)} (this works through pools such as HikariCP).
 */
public interface ProgressReporting {
  /** Reports this connection's long statements to {@code listener}; {@code null} stops reporting. */
  void setProgressListener(ProgressListener listener);

  /**
   * The listener that connections opened from now on in this JVM start with ({@code null}: none).
   * The shell uses it to print a progress line.
   */
  static void setDefaultListener(ProgressListener listener) {
    DefaultProgress.listener = listener;
  }
}

/** The JVM-wide default of {@link ProgressReporting#setDefaultListener}. */
final class DefaultProgress {
  static volatile ProgressListener listener;

  private DefaultProgress() {}
}
