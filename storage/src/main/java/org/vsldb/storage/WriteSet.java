package org.vsldb.storage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsldb.storage.table.RowVersion;
import org.vsldb.storage.table.Table;

/**
 * A transaction's uncommitted changes to one table: per row id, the committed version it started
 * from (null for a new row) and the row's new values (null for a deleted row). Also maps the
 * primary keys of new values to their row ids, so uniqueness is checked without a scan.
 */
final class WriteSet {
  /** A pending change to one row. */
  record Pending(RowVersion base, Object[] values) {
    boolean isInsert() {
      return base == null;
    }

    boolean isDelete() {
      return values == null;
    }
  }

  final Table table;
  final LinkedHashMap<Long, Pending> pending = new LinkedHashMap<>();
  final Map<Object, Long> newKeys = new HashMap<>();

  WriteSet(Table table) {
    this.table = table;
  }

  /** Sets the pending state of {@code rowId}, keeping {@link #newKeys} in step; null removes it. */
  void put(long rowId, Pending next) {
    Pending prev = next == null ? pending.remove(rowId) : pending.put(rowId, next);
    if (prev != null && prev.values() != null) {
      Object k = table.primaryKeyOf(prev.values());
      if (k != null) {
        newKeys.remove(k, rowId);
      }
    }
    if (next != null && next.values() != null) {
      Object k = table.primaryKeyOf(next.values());
      if (k != null) {
        newKeys.put(k, rowId);
      }
    }
  }

  /**
   * Whether giving {@code rowId} the primary key {@code key} would duplicate another row's key,
   * committed or pending, as this transaction would leave it.
   */
  boolean duplicates(Object key, long rowId) {
    Long owner = newKeys.get(key);
    if (owner != null && owner != rowId) {
      return true;
    }
    Long committed = table.rowIdForKey(key);
    if (committed == null || committed == rowId) {
      return false;
    }
    Pending p = pending.get(committed);
    return p == null || (p.values() != null && key.equals(table.primaryKeyOf(p.values())));
  }
}
