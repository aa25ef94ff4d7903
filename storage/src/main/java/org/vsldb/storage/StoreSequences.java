package org.vsldb.storage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.Sequence;
import org.vsldb.storage.table.SequenceDef;
import org.vsldb.storage.table.SequenceState;

/**
 * A store's sequences: their DDL, each a commit of its own, and the values they hand out
 * (invariant I11). Every sequence's state is read and changed under the store's commit lock; a
 * reservation of values is a commit of a {@link Change.SequenceValue}, through the store's
 * ordinary commit path, so it is logged, forced and applied as any commit is.
 */
final class StoreSequences {
  private final Store store;

  StoreSequences(Store store) {
    this.store = store;
  }

  private Catalog catalog() {
    return store.catalog();
  }

  void create(SequenceDef def, SequenceState state) {
    checkWithin(def, state);
    store.commitChanges(() -> {
      if (catalog().sequence(def.schema(), def.name()) != null) {
        throw new IllegalStateException("sequence " + def.name() + " exists");
      }
      return List.of(new Change.CreateSequence(def, state));
    });
  }

  void alter(SequenceDef def, SequenceState restart) {
    store.commitChanges(() -> {
      Sequence q = existing(def.schema(), def.name());
      SequenceState state = restart != null ? restart : q.current();
      checkWithin(def, state);
      return List.of(new Change.CreateSequence(def, state));
    });
  }

  void drop(String schema, String name) {
    store.commitChanges(() -> {
      existing(schema, name);
      return List.of(new Change.DropSequence(schema, name));
    });
  }

  /**
   * The next value of a sequence. It comes from a reservation (one commit of {@code cache}
   * values) whose log record is durable before the value is returned: the thread that reserves
   * waits for its commit; a thread that takes a value of another thread's reservation waits for
   * that record, which its writer is forcing.
   */
  long nextValue(String schema, String name) {
    while (true) {
      long value = 0;
      boolean took = false;
      CompletableFuture<Void> durable = null;
      synchronized (store.commitLock) {
        store.checkWritable();
        Sequence q = existing(schema, name);
        if (q.current().exhausted()) {
          throw exhausted(q);
        }
        if (q.reserved() > 0) {
          value = q.take();
          durable = q.durable();
          took = true;
        }
      }
      if (took) {
        if (durable != null && !durable.isDone()) {
          awaitReservation(durable);
        }
        return value;
      }
      store.commitChanges(() -> {
        Sequence q = existing(schema, name);
        if (q.reserved() > 0 || q.current().exhausted()) {
          return List.of(); // another thread reserved meanwhile, or it ran out: look again
        }
        SequenceDef.Advance a = q.def().advance(q.current(), q.def().cache());
        return List.of(new Change.SequenceValue(schema, name, a.state(), q.current(), a.taken()));
      });
    }
  }

  /** The state of a sequence's handed-out values now. */
  SequenceState state(String schema, String name) {
    synchronized (store.commitLock) {
      return existing(schema, name).current();
    }
  }

  /**
   * Waits for the record of a reservation another thread made, and is writing itself (the group
   * commit's {@code await} is only for the thread that queued a record). Not interruptible.
   */
  private void awaitReservation(CompletableFuture<Void> durable) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          durable.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new StoreException(Reason.IO_ERROR, "writing the log failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void checkWithin(SequenceDef def, SequenceState state) {
    if (!state.exhausted() && (state.next() < def.min() || state.next() > def.max())) {
      throw new IllegalArgumentException("invalid attributes of sequence " + def.name() + ": its next value "
          + state.next() + " lies outside MINVALUE " + def.min() + " to MAXVALUE " + def.max());
    }
  }

  private Sequence existing(String schema, String name) {
    Sequence q = catalog().sequence(schema, name);
    if (q == null) {
      throw new StoreException(Reason.NOT_FOUND, "sequence " + schema + "." + name + " not found");
    }
    return q;
  }

  private static StoreException exhausted(Sequence q) {
    return new StoreException(Reason.SEQUENCE_EXHAUSTED, "sequence " + q.def().name() + " has run out of values ("
        + (q.def().increment() > 0 ? "MAXVALUE " + q.def().max() : "MINVALUE " + q.def().min()) + ", NO CYCLE)");
  }
}
