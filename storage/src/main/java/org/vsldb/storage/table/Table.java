package org.vsldb.storage.table;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The committed rows of one table, as version chains keyed by row id (each version's values kept
 * as an image in the table's {@link RowFormat}), plus a sorted {@link Index} on the primary-key
 * columns (see {@link #primaryKeyOrder()}) for point lookups, ranges and key order, and the
 * sorted indexes of the table's definition.
 *
 * <p>Index changes become visible to readers when published: after each change, or, between
 * {@link #beginBatch()} and {@link #endBatch()}, once for a whole commit.
 *
 * <p>Reads are lock-free. Mutations ({@link #applyInsert}, {@link #applyUpdate},
 * {@link #applyDelete}) are made only by the single committing thread that holds the store's
 * commit lock, or by recovery before the store is shared.
 */
public final class Table {
  private final int id;
  private final TableDef def;
  private final int[] pk;
  private final RowFormat format;
  private final RowPages rows;
  /** Drops versions no snapshot sees, of rows that got a version chain or ended; writer only. */
  private final VersionPruner pruner;
  private boolean indexing = true;
  /** While indexing is suspended and only inserts came: the keys inserted so far, per sorted index. */
  private Index.Loader[] loaders;
  /** Whether changes are being applied as one batch whose index entries {@link #endBatch()} publishes. */
  private boolean batched;
  /** The number of live rows (newest versions not deleted); writer only, read as an estimate. */
  private volatile long liveRows;
  private volatile long lastChangeTs;
  private final AtomicLong nextRowId = new AtomicLong(1);
  private final Index[] indexes;
  /** The sorted index on the primary key, or null for a table without one. */
  private final Index primaryOrder;
  /** Every sorted index the table maintains: {@link #indexes}, then {@link #primaryOrder}. */
  private final Index[] sorted;
  private final int identityColumn;
  private final long identityIncrement;
  private final AtomicLong identityNext;

  public Table(int id, TableDef def) {
    this.id = id;
    this.def = def;
    this.pk = def.primaryKey();
    this.format = new RowFormat(def.columns());
    this.rows = new RowPages(format);
    this.indexes = def.indexes().stream().map(ix -> new Index(ix, def.columns())).toArray(Index[]::new);
    this.primaryOrder = pk.length == 0
        ? null
        : new Index(new IndexDef(def.primaryKeyName(), pk, true, def.primaryKeyName()), def.columns());
    this.sorted = primaryOrder == null ? indexes : append(indexes, primaryOrder);
    this.pruner = new VersionPruner(rows, format, sorted);
    this.identityColumn = def.identityColumn();
    ColumnDef.Identity identity =
        identityColumn < 0 ? null : def.columns().get(identityColumn).identity();
    this.identityIncrement = identity == null ? 0 : identity.increment();
    this.identityNext = new AtomicLong(identity == null ? 0 : identity.start());
  }

  /** The table's sorted indexes, in the order of {@link TableDef#indexes()}. */
  public Index[] indexes() {
    return indexes.clone();
  }

  /**
   * The sorted index on the primary-key columns, named as the primary-key constraint, or null when
   * the table has no primary key. It follows the same multi-version rule as the other sorted
   * indexes, so it serves ranges at any pinned snapshot; it is not among {@link #indexes()}, which
   * are the indexes of the table's definition.
   */
  public Index primaryKeyOrder() {
    return primaryOrder;
  }

  /** The sorted index named {@code name}, the primary key's ({@link #primaryKeyOrder()}) included, or null. */
  public Index index(String name) {
    for (Index i : sorted) {
      if (i.def().name().equals(name)) {
        return i;
      }
    }
    return null;
  }

  private static Index[] append(Index[] a, Index last) {
    Index[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = last;
    return out;
  }

  /** The next value of the identity column, consumed now (a rolled-back insert leaves a gap). */
  public long nextIdentity() {
    return identityNext.getAndAdd(identityIncrement);
  }

  /** The value the identity column would generate next (for the snapshot). */
  public long identityNextValue() {
    return identityNext.get();
  }

  /** Sets the identity column's next value (when loading a snapshot). */
  public void restoreIdentityNext(long next) {
    identityNext.set(next);
  }

  /** Moves the identity counter past a value that a commit stored in the identity column. */
  /** Moves the identity's next value past the row's (given as values, or else as its image). */
  private void passIdentity(Object[] values, byte[] image) {
    if (identityColumn < 0) {
      return;
    }
    Object v = values != null ? values[identityColumn] : format.value(image, identityColumn);
    if (v instanceof Number n) {
      long x = n.longValue();
      if (identityIncrement > 0) {
        identityNext.accumulateAndGet(x + identityIncrement, Math::max);
      } else {
        identityNext.accumulateAndGet(x + identityIncrement, Math::min);
      }
    }
  }

  /** The table's id, fixed at creation and used by the log. */
  public int id() {
    return id;
  }

  public TableDef def() {
    return def;
  }

  /** A fresh row id, never used before in this table. */
  public long newRowId() {
    return nextRowId.getAndIncrement();
  }

  /**
   * Stops maintaining the sorted indexes (the primary key's among them) while a snapshot or log is
   * loaded into a table no one else uses yet; {@link #rebuildPrimaryIndex()} builds them once, at
   * the right size, afterwards. Until the first update or delete, each insert hands its key to a
   * {@link Index.Loader} as it comes, so the indexes need not read the rows again at the end.
   */
  public void suspendPrimaryIndex() {
    indexing = false;
    if (rows.size() > 0) {
      loaders = null; // rows already here (an ALTER TABLE's copy): built from the rows at the end
      return;
    }
    loaders = new Index.Loader[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      loaders[i] = sorted[i].loader(16);
    }
  }

  /** Builds the sorted indexes (the primary key's among them) from the newest live rows and resumes maintaining them. */
  public void rebuildPrimaryIndex() {
    if (indexing) {
      return;
    }
    if (loaders != null) {
      for (Index.Loader l : loaders) {
        l.load();
      }
    } else {
      for (Index ix : sorted) {
        ix.rebuild(rows, format, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, liveRows)));
      }
    }
    loaders = null;
    indexing = true;
  }

  /**
   * Starts applying the changes of one commit: index entries they add or remove stay invisible to
   * readers until {@link #endBatch()}, and each index node is copied at most once for the batch
   * (see {@link KeyTree}). Writer only; the commit's timestamp is published after the batch ends.
   */
  public void beginBatch() {
    batched = true;
  }

  /**
   * Records that commit {@code ts} changes rows of this table (called by {@code Replay} as it
   * applies the commit, under the commit lock).
   */
  public void changedBy(long ts) {
    lastChangeTs = Math.max(lastChangeTs, ts);
  }

  /** The timestamp of the newest commit that changed rows of this table (0 for none since it was loaded or created). */
  public long lastChangeTs() {
    return lastChangeTs;
  }

  /** Publishes the index changes of the batch. */
  public void endBatch() {
    batched = false;
    publishIndexes();
  }

  private void publishIndexes() {
    for (Index ix : sorted) {
      ix.publish();
    }
  }

  /** Publishes the index changes of a change applied outside a batch. */
  private void applied() {
    if (!batched) {
      publishIndexes();
    }
  }

  /** The next row id this table would hand out (for the snapshot). */
  public long nextRowIdValue() {
    return nextRowId.get();
  }

  /** Makes the next row id at least {@code next} (when loading a snapshot). */
  public void restoreNextRowId(long next) {
    nextRowId.accumulateAndGet(next, Math::max);
  }

  /** The newest committed version of a row, or null. */
  public RowVersion head(long rowId) {
    return rows.get(rowId);
  }

  /**
   * Whether {@code v} is still the newest committed version of its row, and live: no commit has
   * updated or deleted the row since {@code v} was read. Versions are compared by their commit
   * timestamp, since a row kept bare gives a new version object at each read ({@link RowPages}).
   */
  public boolean isNewestLive(RowVersion v) {
    RowVersion head = rows.get(v.rowId());
    return head != null && head.begin() == v.begin() && head.isLive();
  }

  /**
   * The primary key of a row's values, or null if the table has none: the value itself for a
   * one-column key, else a list of the values. Keys compare with {@code equals}.
   */
  public Object primaryKeyOf(Object[] values) {
    if (pk.length == 0) {
      return null;
    }
    if (pk.length == 1) {
      return values[pk[0]];
    }
    Object[] key = new Object[pk.length];
    for (int i = 0; i < pk.length; i++) {
      key[i] = values[pk[i]];
    }
    return Arrays.asList(key);
  }

  /** The primary key of a version, as {@link #primaryKeyOf(Object[])} gives it, decoding only the key. */
  public Object primaryKeyOf(RowVersion v) {
    if (pk.length == 0) {
      return null;
    }
    return pk.length == 1 ? v.value(pk[0]) : Arrays.asList(v.values(pk));
  }

  /** The position of the identity column, or -1 ({@link TableDef#identityColumn}, found once). */
  public int identityColumn() {
    return identityColumn;
  }

  /** The row format of this table's versions. */
  public RowFormat format() {
    return format;
  }

  /** The row id of the newest committed live row with this primary key, or null. */
  public Long rowIdForKey(Object key) {
    if (primaryOrder == null || primaryOrder.size() == 0) {
      return null; // no key, or no committed row (a bulk load into a new table asks this per row)
    }
    long[] found = {-1};
    primaryOrder.visitRowsWithKey(primaryKeyArray(key), rowId -> {
      RowVersion head = rows.get(rowId);
      if (head != null && head.isLive() && key.equals(primaryKeyOf(head))) {
        found[0] = rowId;
        return false;
      }
      return true;
    });
    return found[0] < 0 ? null : found[0];
  }

  /**
   * The committed row with primary key {@code key} visible at {@code snapshot}, found through the
   * sorted primary-key index, or null if there is none. The index keeps an entry for the key of
   * every kept version (see {@link Index}), so a miss is final at any pinned snapshot.
   */
  public Object[] lookup(Object key, long snapshot) {
    RowVersion v = lookupVersion(key, snapshot);
    return v == null ? null : v.values();
  }

  /** The committed version with primary key {@code key} visible at {@code snapshot}, or null. */
  public RowVersion lookupVersion(Object key, long snapshot) {
    RowVersion[] found = {null};
    primaryOrder.visitRowsWithKey(primaryKeyArray(key), rowId -> {
      RowVersion head = rows.get(rowId);
      RowVersion v = head == null ? null : head.visibleAt(snapshot);
      if (v != null && key.equals(primaryKeyOf(v))) {
        found[0] = v;
        return false;
      }
      return true;
    });
    return found[0];
  }

  /** A primary key ({@link #primaryKeyOf} form) as the key array of the primary-key index. */
  private Object[] primaryKeyArray(Object key) {
    return pk.length == 1 ? new Object[] {key} : ((List<?>) key).toArray();
  }

  /** A snapshot that sees the newest committed version of every row, for {@link #scan}. */
  public static final long NEWEST = Long.MAX_VALUE - 1;

  /** An estimate of the number of live rows, for the planner's statistics. */
  public long approximateRowCount() {
    return liveRows;
  }

  /**
   * The values of the versions visible at {@code snapshot}, in row-id order (a full scan), with
   * only the columns marked in {@code columns} decoded (all when it is null), the others null.
   */
  public Iterator<Object[]> scanValues(long snapshot, boolean[] columns) {
    return rows.visibleValues(snapshot, columns);
  }

  /** A cursor over the rows visible at {@code snapshot}, in row-id order, that makes no object per row. */
  public VisibleRows visibleRows(long snapshot) {
    return new VisibleRows(rows.visible(snapshot), format);
  }

  /** Iterates the versions visible at {@code snapshot}, in row-id order. */
  public Iterator<RowVersion> scan(long snapshot) {
    return Iterators.mapNonNull(rows.iterator(), head -> head.visibleAt(snapshot));
  }

  /** Adds a new row created by commit {@code ts}. */
  public void applyInsert(long rowId, Object[] values, long ts) {
    insertVersion(rowId, format.encode(values), values, ts);
  }

  /**
   * Adds a new row created by commit {@code ts}, given as its image ({@link RowFormat}); the
   * values are decoded only if an index is maintained or the table has an identity column.
   */
  public void applyInsertImage(long rowId, byte[] image, long ts) {
    insertVersion(rowId, image, null, ts);
  }

  private void insertVersion(long rowId, byte[] image, Object[] values, long ts) {
    rows.putBare(rowId, image, ts);
    bumpRowId(rowId);
    passIdentity(values, image);
    liveRows++;
    if (indexing) {
      for (Index ix : sorted) {
        if (values != null) {
          ix.add(values, rowId);
        } else {
          ix.add(format, image, rowId);
        }
      }
      applied();
    } else if (loaders != null) {
      for (Index.Loader l : loaders) {
        l.add(format, image, rowId);
      }
    }
  }

  /** Replaces a live row with new values at commit {@code ts}. */
  public void applyUpdate(long rowId, Object[] values, long ts) {
    updateVersion(rowId, format.encode(values), values, ts);
  }

  /** Replaces a live row with a new image ({@link RowFormat}) at commit {@code ts}. */
  public void applyUpdateImage(long rowId, byte[] image, long ts) {
    updateVersion(rowId, image, null, ts);
  }

  private void updateVersion(long rowId, byte[] image, Object[] values, long ts) {
    RowVersion old = rows.get(rowId);
    if (old == null || !old.isLive()) {
      throw new IllegalStateException("update of missing row " + rowId + " in " + def.name());
    }
    RowVersion fresh = new RowVersion(rowId, format, image, ts, old);
    loaders = null; // the keys gathered may be stale: build the indexes from the rows
    old.end(ts);
    rows.put(rowId, fresh);
    pruner.add(rowId);
    passIdentity(values, image);
    if (indexing) {
      for (Index ix : sorted) {
        if (!ix.sameKey(format, old.image(), image)) {
          ix.add(format, image, rowId); // the old key's entry stays until its version is pruned
        }
      }
      applied();
    }
  }

  /** Ends a live row at commit {@code ts}. */
  public void applyDelete(long rowId, long ts) {
    RowVersion old = rows.get(rowId);
    if (old == null || !old.isLive()) {
      throw new IllegalStateException("delete of missing row " + rowId + " in " + def.name());
    }
    loaders = null; // the keys gathered may be stale: build the indexes from the rows
    old.end(ts);
    rows.put(rowId, old); // a bare row's version object now holds its end
    pruner.add(rowId);
    liveRows--;
  }

  /**
   * Drops the versions no snapshot can see ({@link VersionPruner#prune}), then publishes the
   * indexes. Writer only.
   */
  public void prune(long[] snapshots) {
    pruner.prune(snapshots);
    publishIndexes();
  }

  /**
   * The versions visible at {@code snapshot} whose keys in {@code index} lie between two bounds
   * (key prefixes, or null for none), in key order. Each row appears at most once.
   */
  public Iterator<RowVersion> indexScan(
      Index index, Object[] lo, boolean loInclusive, Object[] hi, boolean hiInclusive, long snapshot) {
    Iterator<Index.Entry> entries = index.range(lo, loInclusive, hi, hiInclusive);
    return Iterators.mapNonNull(entries, e -> {
      RowVersion head = rows.get(e.rowId());
      RowVersion v = head == null ? null : head.visibleAt(snapshot);
      return v != null && index.matches(e, v) ? v : null;
    });
  }

  /**
   * The ids of the rows whose newest committed version is live and has key {@code key} in
   * {@code index}: the committed owners of the key, for uniqueness and foreign-key checks.
   */
  public java.util.List<Long> liveRowsWithKey(Index index, Object[] key) {
    java.util.List<Long> ids = new java.util.ArrayList<>(1);
    for (Iterator<Index.Entry> it = index.range(key, true, key, true); it.hasNext(); ) {
      Index.Entry e = it.next();
      RowVersion head = rows.get(e.rowId());
      if (head != null && head.isLive() && index.matches(e, head) && !ids.contains(e.rowId())) {
        ids.add(e.rowId());
      }
    }
    return ids;
  }

  /**
   * Fills this new table (of an ALTER TABLE at commit {@code ts}) with the newest live rows of
   * {@code old}, keeping their row ids: new column i takes old column {@code sources[i]}, or
   * {@code fill[i]} where that is -1.
   */
  public void copyRows(Table old, int[] sources, Object[] fill, long ts) {
    restoreNextRowId(old.nextRowIdValue());
    if (identityColumn >= 0) {
      int oldIdentity = old.identityColumn;
      restoreIdentityNext(oldIdentity >= 0 && sources[identityColumn] == oldIdentity
          ? old.identityNextValue() : identityNext.get());
    }
    beginBatch();
    for (Iterator<RowVersion> it = old.rows.iterator(); it.hasNext(); ) {
      RowVersion v = it.next();
      if (!v.isLive()) {
        continue;
      }
      Object[] oldValues = v.values();
      Object[] values = new Object[sources.length];
      for (int i = 0; i < sources.length; i++) {
        values[i] = sources[i] >= 0 ? oldValues[sources[i]] : fill[i];
      }
      applyInsert(v.rowId(), values, ts);
    }
    endBatch();
  }

  /** How many versions row {@code rowId} keeps, newest first (for tests and statistics). */
  public int versionCount(long rowId) {
    int n = 0;
    for (RowVersion v = rows.get(rowId); v != null; v = v.older()) {
      n++;
    }
    return n;
  }

  /** How many rows wait to be pruned (for tests and statistics). */
  public int prunable() {
    return pruner.size();
  }

  private void bumpRowId(long rowId) {
    nextRowId.accumulateAndGet(rowId + 1, Math::max);
  }
}
