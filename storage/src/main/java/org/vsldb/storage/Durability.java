package org.vsldb.storage;

/** When a commit's log record is forced to disk: PRODUCT.md section 1, property {@code durability}. */
public enum Durability {
  /** Before {@code commit()} returns (invariant I1). */
  FULL,
  /** At least every {@code syncIntervalMs}; a process crash loses nothing, a power loss that window. */
  INTERVAL,
  /** Never by vsl; the operating system decides. */
  NONE
}
