package org.vsldb.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vsldb.storage.table.Index;
import org.vsldb.storage.table.RowFormat;
import org.vsldb.storage.table.RowVersion;
import org.vsldb.storage.table.Table;

/**
 * A transaction's uncommitted changes to one table: per row id, the committed version it started
 * from (null for a new row) and the row's new values (null for a deleted row). Also maps, for the
 * primary key and each unique index, the keys of new values to their row ids ({@link PendingKeys}),
 * so uniqueness is checked without a scan.
 */
final class WriteSet {
  /**
   * A pending change to one row: the committed version it started from (null for a new row) and
   * the row's new image in the table's {@link RowFormat} (null for a deleted row), made once when
   * the statement writes the row and stored as it is at commit.
   */
  record Pending(RowVersion base, RowFormat format, byte[] image) {
    /** A change to {@code values} (null: a deletion) of a table of {@code format}. */
    static Pending of(RowVersion base, RowFormat format, Object[] values) {
      return new Pending(base, format, values == null ? null : format.encode(values));
    }

    boolean isInsert() {
      return base == null;
    }

    boolean isDelete() {
      return image == null;
    }

    /** The new values, decoded from the image (a new array at each call), or null for a deletion. */
    Object[] values() {
      return image == null ? null : format.decode(image);
    }
  }

  final Table table;
  /**
   * The transaction's snapshot when it first wrote to the table. Every uniqueness check of its
   * statements was made against a committed state at least this new; if no commit has changed
   * the table since ({@link Table#lastChangeTs()}), those checks still hold at commit.
   */
  final long since;
  final PendingMap pending;
  /** Slot 0 is the primary key (when the table has one), then each unique index. */
  private final List<Index> uniqueIndexes;
  private final boolean hasPrimaryKey;
  private final PendingKeys[] newKeys;

  WriteSet(Table table, long since) {
    this.table = table;
    this.since = since;
    this.pending = new PendingMap(table.format());
    this.hasPrimaryKey = table.def().hasPrimaryKey();
    List<Index> unique = new ArrayList<>(4); // sized for the common case: a key and few unique indexes
    if (hasPrimaryKey) {
      unique.add(null);
    }
    for (Index ix : table.indexes()) {
      if (ix.def().unique()) {
        unique.add(ix);
      }
    }
    this.uniqueIndexes = unique;
    this.newKeys = new PendingKeys[unique.size()];
    for (int i = 0; i < newKeys.length; i++) {
      int slot = i;
      // a one-column primary key is a single value that KeyOrder orders; index keys are lists
      boolean orderable = hasPrimaryKey && slot == 0 && table.def().primaryKey().length == 1;
      newKeys[i] = new PendingKeys(orderable, rowId -> keyOf(slot, pending.get(rowId).values()));
    }
  }

  /** How many unique keys (primary key first) the table has. */
  int uniqueSlots() {
    return uniqueIndexes.size();
  }

  /** The unique index of a slot, or null for the primary key. */
  Index uniqueIndex(int slot) {
    return uniqueIndexes.get(slot);
  }

  /** The key of {@code values} in a slot, or null when it has a NULL part (never a conflict). */
  Object keyOf(int slot, Object[] values) {
    Index ix = uniqueIndexes.get(slot);
    if (ix == null) {
      return table.primaryKeyOf(values);
    }
    Object[] k = ix.keyOf(values);
    return Index.hasNull(k) ? null : Arrays.asList(k);
  }

  private List<Long> committedOwners(int slot, Object key) {
    Index ix = uniqueIndexes.get(slot);
    if (ix == null) {
      Long id = table.rowIdForKey(key);
      return id == null ? List.of() : List.of(id);
    }
    return table.liveRowsWithKey(ix, ((List<?>) key).toArray());
  }

  /** The row this transaction inserted or changed to primary key {@code key}, or null. */
  Long pendingRowWithPrimaryKey(Object key) {
    if (!hasPrimaryKey) {
      return null;
    }
    long id = pendingOwner(0, key);
    return id < 0 ? null : id;
  }

  /** The pending row whose new values have {@code key} in a slot, or -1. */
  private long pendingOwner(int slot, Object key) {
    return newKeys[slot].find(key, key.hashCode(), id -> {
      Pending p = pending.get(id);
      return p != null && !p.isDelete() && key.equals(keyOf(slot, p.values()));
    });
  }

  /** Sets the pending state of {@code rowId}, keeping the key maps in step; null removes it. */
  void put(long rowId, Pending next) {
    put(rowId, next, next == null ? null : next.values());
  }

  /** As {@link #put(long, Pending)}, with {@code next}'s values given (not decoded again). */
  void put(long rowId, Pending next, Object[] nextValues) {
    if (newKeys.length == 0) {
      putPending(rowId, next);
      return;
    }
    // the key maps forget the old key while the row's pending values still have it
    Pending prev = pending.get(rowId);
    Object[] prevValues = prev == null ? null : prev.values();
    if (prevValues != null) {
      for (int slot = 0; slot < newKeys.length; slot++) {
        Object k = keyOf(slot, prevValues);
        if (k != null) {
          newKeys[slot].remove(k.hashCode(), rowId);
        }
      }
    }
    putPending(rowId, next);
    if (nextValues != null) {
      for (int slot = 0; slot < newKeys.length; slot++) {
        Object k = keyOf(slot, nextValues);
        if (k != null) {
          newKeys[slot].add(k, k.hashCode(), rowId);
        }
      }
    }
  }

  /**
   * Adds a new row under a fresh row id (one without pending state): its image in the table's
   * format and the values it was made from, as {@code put(rowId, Pending.of(null, format, values),
   * values)} does without making the {@code Pending}.
   */
  void putNew(long rowId, byte[] image, Object[] values) {
    pending.putImage(rowId, image);
    for (int slot = 0; slot < newKeys.length; slot++) {
      Object k = keyOf(slot, values);
      if (k != null) {
        newKeys[slot].add(k, k.hashCode(), rowId);
      }
    }
  }

  private void putPending(long rowId, Pending next) {
    if (next == null) {
      pending.remove(rowId);
    } else {
      pending.put(rowId, next);
    }
  }

  /**
   * The slot of the first unique key that giving {@code rowId} the values {@code values} would
   * duplicate, against other rows committed or pending as this transaction would leave them; or
   * -1.
   */
  int duplicateSlot(Object[] values, long rowId) {
    for (int slot = 0; slot < newKeys.length; slot++) {
      Object key = keyOf(slot, values);
      if (key != null && duplicates(slot, key, rowId)) {
        return slot;
      }
    }
    return -1;
  }

  private boolean duplicates(int slot, Object key, long rowId) {
    long owner = newKeys[slot].find(key, key.hashCode(), id -> {
      if (id == rowId) {
        return false; // the row's own earlier values: not a duplicate, look on
      }
      Pending p = pending.get(id);
      return p != null && !p.isDelete() && key.equals(keyOf(slot, p.values()));
    });
    if (owner >= 0) {
      return true;
    }
    for (long committed : committedOwners(slot, key)) {
      if (committed == rowId) {
        continue;
      }
      Pending p = pending.get(committed);
      if (p == null || (p.values() != null && key.equals(keyOf(slot, p.values())))) {
        return true;
      }
    }
    return false;
  }
}
