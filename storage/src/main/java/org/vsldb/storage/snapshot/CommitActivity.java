package org.vsldb.storage.snapshot;

/**
 * Tells a snapshot writer whether commits are under way, so that it can give way to them. Commits
 * force the log; on a disk with a volatile write cache (no FUA) each force also waits for every
 * snapshot byte written before it, so a checkpoint writing megabytes at full speed would raise
 * commit latency many times over.
 */
@FunctionalInterface
public interface CommitActivity {
  /** No commits (a test, a checkpoint at close): write at full speed. */
  CommitActivity NONE = () -> false;

  /** Whether a commit was written recently. */
  boolean committing();
}
