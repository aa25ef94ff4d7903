package org.vsldb.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.WriteSet.Pending;
import java.util.Arrays;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.Index;
import org.vsldb.storage.table.Iterators;
import org.vsldb.storage.table.KeyOrder;
import org.vsldb.storage.table.RowFormat;
import org.vsldb.storage.table.RowVersion;
import org.vsldb.storage.table.Table;

/**
 * One transaction: a snapshot of committed data plus its own uncommitted changes, which only it
 * sees until {@link #commit()}.
 *
 * <p>A transaction is used by one thread at a time (its connection's). Every change is recorded
 * in an undo list, so a failed statement is rolled back to the {@link #mark()} taken before it.
 */
public final class Transaction {
  /** Receives rows of a scan together with their row ids. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(long rowId, Object[] values);
  }


  private final Store store;
  private final Map<Integer, WriteSet> writes = new LinkedHashMap<>();
  private final UndoLog undo = new UndoLog();
  /** The write set used last, found again without a map lookup (statements touch one table at a time). */
  private WriteSet lastWrites;
  private long snapshot;
  private Snapshots.Pin pin;
  private boolean finished;

  /** The store this transaction belongs to. */
  public Store store() {
    return store;
  }

  Transaction(Store store) {
    this.store = store;
    pinNewest();
  }

  /** Pins the newest published commit as this transaction's snapshot, moving its pin if it has one. */
  private void pinNewest() {
    if (pin == null) {
      pin = store.pinNewest();
    } else {
      store.movePin(pin);
    }
    snapshot = pin.ts();
  }

  /** The commit timestamp of the newest commit this transaction sees. */
  public long snapshot() {
    return snapshot;
  }

  /** Moves the snapshot to the newest commit, as READ COMMITTED does before each statement. */
  public void refreshSnapshot() {
    if (snapshot != store.lastCommitTs()) {
      pinNewest();
    }
  }

  /** Whether the transaction has uncommitted changes. */
  public boolean hasWrites() {
    return !undo.isEmpty();
  }

  /** A position in the undo list, for {@link #rollbackTo(int)}. */
  public int mark() {
    return undo.size();
  }

  /** Undoes every change made after {@code mark} was taken. */
  public void rollbackTo(int mark) {
    undo.rollbackTo(mark);
  }

  /** The rows of {@code table} this transaction sees, as value arrays the caller must not modify. */
  public Iterator<Object[]> scan(Table table) {
    return scan(table, null);
  }

  /**
   * The rows of {@code table} this transaction sees, as value arrays the caller must not modify,
   * in which only the columns marked in {@code columns} (all when it is null) need to be present:
   * committed rows leave the others null.
   */
  public Iterator<Object[]> scan(Table table, boolean[] columns) {
    WriteSet ws = writes.get(table.id());
    if (ws == null || ws.pending.isEmpty()) {
      return table.scanValues(snapshot, columns);
    }
    Iterator<RowVersion> committed = table.scan(snapshot);
    List<Object[]> inserted = new ArrayList<>();
    for (Pending p : ws.pending.values()) {
      if (p.isInsert() && !p.isDelete()) {
        inserted.add(p.values());
      }
    }
    Iterator<Object[]> tail = inserted.iterator();
    return new Iterator<>() {
      Object[] next = advance();

      private Object[] advance() {
        while (committed.hasNext()) {
          RowVersion v = committed.next();
          Pending p = ws.pending.get(v.rowId());
          if (p == null) {
            return v.values(columns);
          }
          if (!p.isDelete()) {
            return p.values();
          }
        }
        return tail.hasNext() ? tail.next() : null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Object[] next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        Object[] r = next;
        next = advance();
        return r;
      }
    };
  }

  /**
   * The row with primary key {@code key} as this transaction sees it, or null. A row this
   * transaction inserted or gave that key is found in its write set; a committed row through the
   * table's primary-key index, unless this transaction changed it (deleted it, or gave it another
   * key, under which the write set finds it).
   */
  public Object[] lookupByKey(Table table, Object key) {
    return lookupByKey(table, key, null);
  }

  /**
   * {@link #lookupByKey(Table, Object)}, with only the columns marked in {@code columns} (all when
   * it is null) needing to be present: a committed row leaves the others null, as
   * {@link #scan(Table, boolean[])} does.
   */
  public Object[] lookupByKey(Table table, Object key, boolean[] columns) {
    WriteSet ws = writes.get(table.id());
    boolean changed = ws != null && !ws.pending.isEmpty();
    if (changed) {
      Long own = ws.pendingRowWithPrimaryKey(key);
      if (own != null) {
        return ws.pending.get(own).values();
      }
    }
    RowVersion v = table.lookupVersion(key, snapshot);
    if (v == null || (changed && ws.pending.containsKey(v.rowId()))) {
      return null;
    }
    return columns == null ? v.values() : v.values(columns);
  }

  /**
   * The row id of the row with primary key {@code key} that this transaction sees: a row this
   * transaction inserted or gave that key (its write set maps new keys), else the committed row
   * with that key at the snapshot, found through the primary-key index, if the transaction has not
   * changed it. Null otherwise (the caller then finds the row by a scan).
   */
  public Long rowIdByKey(Table table, Object key) {
    WriteSet ws = writes.get(table.id());
    if (ws != null && !ws.pending.isEmpty()) {
      Long own = ws.pendingRowWithPrimaryKey(key);
      if (own != null) {
        return own;
      }
    }
    RowVersion v = table.lookupVersion(key, snapshot);
    if (v == null || (ws != null && ws.pending.containsKey(v.rowId()))) {
      return null;
    }
    return v.rowId();
  }

  /** Visits the rows of {@code table} this transaction sees, with their row ids. */
  public void forEachRow(Table table, RowConsumer consumer) {
    WriteSet ws = writes.get(table.id());
    for (Iterator<RowVersion> it = table.scan(snapshot); it.hasNext(); ) {
      RowVersion v = it.next();
      Pending p = ws == null ? null : ws.pending.get(v.rowId());
      if (p == null) {
        consumer.accept(v.rowId(), v.values());
      } else if (!p.isDelete()) {
        consumer.accept(v.rowId(), p.values());
      }
    }
    if (ws != null) {
      List<Long> ids = new ArrayList<>();
      List<Object[]> rows = new ArrayList<>();
      ws.pending.forEach((rowId, base, format, image) -> {
        if (base == null && image != null) {
          ids.add(rowId);
          rows.add(format.decode(image));
        }
      });
      for (int i = 0; i < ids.size(); i++) {
        consumer.accept(ids.get(i), rows.get(i));
      }
    }
  }

  /** Adds a row; returns its row id. */
  public long insert(Table table, Object[] values) {
    WriteSet ws = writeSet(table);
    checkRow(ws, values);
    long rowId = table.newRowId();
    checkUnique(ws, values, rowId);
    int mark = undo.size();
    undo.add(ws, rowId, null); // a fresh row id has no earlier pending state
    ws.putNew(rowId, ws.table.format().encode(values), values);
    // after the row is in place, so that a row may reference itself
    checkParentsExist(table, null, values, mark);
    return rowId;
  }

  private void checkUnique(WriteSet ws, Object[] values, long rowId) {
    int slot = ws.duplicateSlot(values, rowId);
    if (slot >= 0) {
      throw Constraints.duplicate(ws, slot, values);
    }
  }

  /**
   * Checks that every foreign key of a new or changed row, already written, finds its parent row
   * (which may be the row itself); when one does not, the write is undone back to {@code mark}.
   */
  private void checkParentsExist(Table table, Object[] old, Object[] values, int mark) {
    for (ForeignKeyDef fk : table.def().foreignKeys()) {
      Object[] key = Constraints.project(values, fk.columns());
      if (Index.hasNull(key) || (old != null && Arrays.equals(key, Constraints.project(old, fk.columns())))) {
        continue;
      }
      Table parent = store.catalog().table(fk.refTableId());
      if (parent == null || !hasRowWithKey(parent, fk.refColumns(), key)) {
        undo.rollbackTo(mark);
        throw Constraints.missingParent(store.catalog(), table, fk, key);
      }
    }
  }

  /**
   * What a parent row that lost its key ({@code values} null: it was deleted; the change is made
   * already) does to the rows that reference that key, by each foreign key's action: RESTRICT
   * refuses while one exists; CASCADE deletes them, or gives them the new key; SET NULL sets their
   * foreign-key columns to NULL. Each change goes through {@link #delete} or {@link #update}, so it
   * is checked and acts on its own referrers in turn. When any of it fails, everything back to
   * {@code mark} (the parent row's own change included) is undone.
   */
  private void applyReferences(Table parent, Object[] old, Object[] values, int mark) {
    try {
      applyReferences(parent, old, values);
    } catch (RuntimeException e) {
      undo.rollbackTo(mark);
      throw e;
    }
  }

  private void applyReferences(Table parent, Object[] old, Object[] values) {
    for (Constraints.Referrer r : Constraints.referrers(store.catalog(), parent)) {
      ForeignKeyDef fk = r.fk();
      Object[] key = Constraints.project(old, fk.refColumns());
      if (Index.hasNull(key)
          || (values != null && Arrays.equals(key, Constraints.project(values, fk.refColumns())))) {
        continue;
      }
      ForeignKeyDef.Action action = values == null ? fk.onDelete() : fk.onUpdate();
      if (action == ForeignKeyDef.Action.RESTRICT) {
        if (hasRowWithKey(r.child(), fk.columns(), key)) {
          throw Constraints.childExists(store.catalog(), r.child(), fk, parent, key);
        }
        continue;
      }
      List<long[]> ids = new ArrayList<>();
      List<Object[]> rows = new ArrayList<>();
      rowsWithKey(r.child(), fk.columns(), key, ids, rows);
      int[] columns = fk.columns();
      for (int i = 0; i < ids.size(); i++) {
        long rowId = ids.get(i)[0];
        Object[] row = currentRow(r.child(), rowId, rows.get(i));
        if (row == null || !Arrays.equals(key, Constraints.project(row, columns))) {
          continue; // deleted, or given another key, by an action before this one
        }
        if (values == null && action == ForeignKeyDef.Action.CASCADE) {
          delete(r.child(), rowId);
        } else {
          Object[] changed = row.clone();
          for (int c = 0; c < columns.length; c++) {
            changed[columns[c]] = action == ForeignKeyDef.Action.SET_NULL ? null : values[fk.refColumns()[c]];
          }
          update(r.child(), rowId, changed);
        }
      }
    }
  }

  /** The rows of {@code table} this transaction sees whose {@code columns} equal {@code key}, with their ids. */
  private void rowsWithKey(Table table, int[] columns, Object[] key, List<long[]> ids, List<Object[]> rows) {
    WriteSet ws = writes.get(table.id());
    Index ix = Constraints.indexOn(table, columns);
    Iterator<RowVersion> committed = ix != null
        ? table.indexScan(ix, key, true, key, true, snapshot)
        : table.scan(snapshot);
    while (committed.hasNext()) {
      RowVersion v = committed.next();
      if (ws != null && ws.pending.containsKey(v.rowId())) {
        continue; // as this transaction changed it: below
      }
      Object[] row = v.values();
      if (Arrays.equals(key, Constraints.project(row, columns))) {
        ids.add(new long[] {v.rowId()});
        rows.add(row);
      }
    }
    if (ws != null) {
      ws.pending.forEach((rowId, base, format, image) -> {
        if (image != null) {
          Object[] row = format.decode(image);
          if (Arrays.equals(key, Constraints.project(row, columns))) {
            ids.add(new long[] {rowId});
            rows.add(row);
          }
        }
      });
    }
  }

  /** The row as this transaction sees it now: {@code seen}, its newer values, or null once deleted. */
  private Object[] currentRow(Table table, long rowId, Object[] seen) {
    WriteSet ws = writes.get(table.id());
    Pending p = ws == null ? null : ws.pending.get(rowId);
    if (p == null) {
      return seen;
    }
    return p.isDelete() ? null : p.values();
  }

  /** Whether this transaction sees a row of {@code table} whose {@code columns} equal {@code key}. */
  boolean hasRowWithKey(Table table, int[] columns, Object[] key) {
    int[] pk = table.def().primaryKey();
    if (Arrays.equals(pk, columns)) {
      return lookupByKey(table, pk.length == 1 ? key[0] : Arrays.asList(key)) != null;
    }
    Index ix = Constraints.indexOn(table, columns);
    Iterator<Object[]> it = ix != null
        ? indexRange(table, ix, key, true, key, true)
        : scan(table);
    while (it.hasNext()) {
      if (Arrays.equals(Constraints.project(it.next(), columns), key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rows this transaction sees whose keys in {@code index} lie between two bounds (key
   * prefixes, or null for none), in key order: committed rows through the index, merged with the
   * rows this transaction wrote.
   */
  public Iterator<Object[]> indexRange(
      Table table, Index index, Object[] lo, boolean loInclusive, Object[] hi, boolean hiInclusive) {
    return indexRange(table, index, lo, loInclusive, hi, hiInclusive, null);
  }

  /**
   * As {@link #indexRange(Table, Index, Object[], boolean, Object[], boolean)}, with only the
   * columns marked in {@code columns} (all when it is null) needed: committed rows leave the
   * others null.
   */
  public Iterator<Object[]> indexRange(Table table, Index index, Object[] lo, boolean loInclusive,
      Object[] hi, boolean hiInclusive, boolean[] columns) {
    WriteSet ws = writes.get(table.id());
    Iterator<RowVersion> committed = table.indexScan(index, lo, loInclusive, hi, hiInclusive, snapshot);
    if (ws == null || ws.pending.isEmpty()) {
      return Iterators.mapNonNull(committed, v -> v.values(columns));
    }
    List<Object[]> out = new ArrayList<>();
    while (committed.hasNext()) {
      RowVersion v = committed.next();
      if (!ws.pending.containsKey(v.rowId())) {
        out.add(v.values());
      }
    }
    int committedRows = out.size();
    for (Pending p : ws.pending.values()) {
      if (!p.isDelete() && index.inRange(p.values(), lo, loInclusive, hi, hiInclusive)) {
        out.add(p.values());
      }
    }
    if (out.size() > committedRows) {
      out.sort((a, b) -> KeyOrder.KEYS.compare(index.keyOf(a), index.keyOf(b)));
    }
    return out.iterator();
  }

  /** Gives the row {@code rowId}, as this transaction sees it, new values. */
  public void update(Table table, long rowId, Object[] values) {
    WriteSet ws = writeSet(table);
    checkRow(ws, values);
    Pending p = ws.pending.get(rowId);
    RowVersion base = p != null ? p.base() : lockAndRead(table, rowId);
    if (p != null && p.isDelete()) {
      throw new IllegalStateException("update of a row this transaction deleted");
    }
    Object[] old = p != null ? p.values() : base.values();
    checkUnique(ws, values, rowId);
    int mark = undo.size();
    change(ws, rowId, p, base, values);
    checkParentsExist(table, old, values, mark);
    applyReferences(table, old, values, mark);
  }

  /** Deletes the row {@code rowId}, as this transaction sees it. */
  public void delete(Table table, long rowId) {
    WriteSet ws = writeSet(table);
    store.checkWritable();
    Pending p = ws.pending.get(rowId);
    if (p != null && p.isDelete()) {
      throw new IllegalStateException("delete of a row this transaction deleted");
    }
    RowVersion base = p != null ? p.base() : lockAndRead(table, rowId);
    Object[] old = p != null ? p.values() : base.values();
    int mark = undo.size();
    if (p != null && p.isInsert()) {
      change(ws, rowId, p, null);
    } else {
      change(ws, rowId, p, new Pending(base, ws.table.format(), null));
    }
    applyReferences(table, old, null, mark);
  }

  /**
   * Whether this transaction deleted the row {@code rowId} (a statement's own rows may be deleted
   * before it reaches them, by a foreign key's ON DELETE CASCADE).
   */
  public boolean deleted(Table table, long rowId) {
    WriteSet ws = writes.get(table.id());
    Pending p = ws == null ? null : ws.pending.get(rowId);
    return p != null && p.isDelete();
  }

  /**
   * Locks the row {@code rowId} for writing without changing it ({@code SELECT ... FOR UPDATE}):
   * until this transaction ends, other transactions that change the row wait, as for a row this
   * one updated. A row this transaction already changed is locked already.
   *
   * @throws StoreException ROW_CHANGED if a transaction committed a change of the row after this
   *     snapshot; LOCK_TIMEOUT or DEADLOCK from the wait; READ_ONLY on a read-only store
   */
  public void lockRow(Table table, long rowId) {
    store.checkWritable();
    if (finished) {
      throw new IllegalStateException("transaction already finished");
    }
    WriteSet ws = writes.get(table.id());
    if (ws != null && ws.pending.get(rowId) != null) {
      return;
    }
    lockAndRead(table, rowId);
  }

  /**
   * Locks a committed row for writing (waiting for a transaction that is changing it) and returns
   * its newest version, which must be the one this transaction's snapshot sees.
   *
   * @throws StoreException ROW_CHANGED if a transaction committed a change of the row after this
   *     snapshot; LOCK_TIMEOUT or DEADLOCK from the wait
   */
  private RowVersion lockAndRead(Table table, long rowId) {
    store.locks().lock(this, table.id(), rowId, store.config().lockTimeoutMs(), table.def().name());
    RowVersion head = table.head(rowId);
    RowVersion visible = head == null ? null : head.visibleAt(snapshot);
    if (visible == null || visible != head || !head.isLive()) {
      throw new StoreException(
          Reason.ROW_CHANGED,
          "a row of table " + table.def().name()
              + " was changed by a transaction that committed after this one's snapshot;"
              + " retry the transaction");
    }
    return visible;
  }

  /** Records {@code rowId}'s pending state {@code before} for undo, then sets it to {@code next} (null: none). */
  private void change(WriteSet ws, long rowId, Pending before, Pending next) {
    undo.add(ws, rowId, before);
    ws.put(rowId, next);
  }

  /** As {@link #change(WriteSet, long, Pending, Pending)}, to new values over {@code base} (null: an insert), encoded once. */
  private void change(WriteSet ws, long rowId, Pending before, RowVersion base, Object[] values) {
    undo.add(ws, rowId, before);
    ws.put(rowId, Pending.of(base, ws.table.format(), values), values);
  }

  private void checkRow(WriteSet ws, Object[] values) {
    store.checkWritable();
    List<ColumnDef> cols = ws.table.def().columns();
    if (values.length != cols.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values for " + cols.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && !RowFormat.accepts(cols.get(i).type(), values[i])) {
        throw new IllegalArgumentException(
            "a " + values[i].getClass().getSimpleName() + " cannot be stored in column "
                + cols.get(i).name() + " (" + cols.get(i).type() + ")");
      }
      if (values[i] == null && !cols.get(i).nullable()) {
        throw new StoreException(
            Reason.NOT_NULL,
            "NULL not allowed for column "
                + cols.get(i).name()
                + " of table "
                + ws.table.def().name());
      }
    }
  }

  private WriteSet writeSet(Table table) {
    if (finished) {
      throw new IllegalStateException("transaction already finished");
    }
    WriteSet ws = lastWrites;
    if (ws != null && ws.table == table) {
      return ws;
    }
    ws = writes.get(table.id());
    if (ws == null) {
      ws = new WriteSet(table, snapshot);
      writes.put(table.id(), ws);
    }
    lastWrites = ws;
    return ws;
  }

  Map<Integer, WriteSet> writes() {
    return writes;
  }

  /** Makes the changes durable (per the store's durability) and visible to others. */
  public void commit() {
    if (finished) {
      return;
    }
    if (hasWrites()) {
      store.commit(this);
    }
    end();
  }

  /** Discards the changes. */
  public void rollback() {
    end();
  }

  private void end() {
    finished = true;
    writes.clear();
    lastWrites = null;
    undo.clear();
    store.locks().releaseAll(this);
    if (pin != null) {
      pin.close();
      pin = null;
    }
  }
}
