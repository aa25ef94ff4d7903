package org.vsldb.storage.table;

import java.util.concurrent.CompletableFuture;

/**
 * A sequence of a store: its definition, the state of the values handed out, and the values
 * reserved by the log (invariant I11, storage {@code package-info}). A value is handed out only
 * from a reservation: {@link #logged()} is what recovery would resume at, and is never behind
 * {@link #current()}.
 *
 * <p>Every field is read and written under the store's commit lock only, except that
 * {@link #durable()} may be awaited after it is released.
 */
public final class Sequence {
  private volatile SequenceDef def;
  private volatile SequenceState current;
  private volatile SequenceState logged;
  private long reserved;
  private CompletableFuture<Void> durable;

  public Sequence(SequenceDef def, SequenceState state) {
    this.def = def;
    this.current = state;
    this.logged = state;
  }

  public SequenceDef def() {
    return def;
  }

  /** The state of the values handed out: the next one comes from here. */
  public SequenceState current() {
    return current;
  }

  /** The state the log (or the snapshot) holds: recovery resumes here. */
  public SequenceState logged() {
    return logged;
  }

  /** How many values the last reservation still holds. */
  public long reserved() {
    return reserved;
  }

  /** When the record of the last reservation is durable; null when it is (or no log is kept). */
  public CompletableFuture<Void> durable() {
    return durable;
  }

  public void durable(CompletableFuture<Void> future) {
    this.durable = future;
  }

  /** A new definition and state (CREATE, ALTER, recovery): nothing is reserved. */
  public void redefine(SequenceDef def, SequenceState state) {
    this.def = def;
    this.current = state;
    this.logged = state;
    this.reserved = 0;
    this.durable = null;
  }

  /** Recovery read a reservation: values resume where it ends. */
  public void restore(SequenceState state) {
    redefine(def, state);
  }

  /** A reservation of {@code count} values from {@code from}, whose log record ends at {@code to}. */
  public void reserve(SequenceState from, SequenceState to, long count) {
    this.current = from;
    this.logged = to;
    this.reserved = count;
  }

  /** Hands out the next reserved value. */
  public long take() {
    if (reserved <= 0) {
      throw new IllegalStateException("no value of sequence " + def.name() + " is reserved");
    }
    long v = current.next();
    current = def.advance(current, 1).state();
    reserved--;
    return v;
  }

  /**
   * Gives back what is reserved and not handed out (a closing store, before its last snapshot):
   * the log's state becomes the handed-out state, so a clean reopen leaves no gap.
   *
   * @return whether any value was given back
   */
  public boolean release() {
    boolean any = reserved > 0;
    logged = current;
    reserved = 0;
    return any;
  }
}
