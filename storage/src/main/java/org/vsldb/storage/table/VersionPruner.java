package org.vsldb.storage.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drops the row versions of one {@link Table} that no snapshot can see any more, and the index
 * entries only they had. It visits only rows that got a version chain or ended since the last
 * prune ({@link #add}). Writer only, as the table's mutations are.
 */
final class VersionPruner {
  private final RowPages rows;
  private final RowFormat format;
  /** Every sorted index of the table. */
  private final Index[] sorted;
  /** Rows that got a version chain or ended since the last prune. */
  private final ArrayDeque<Long> versioned = new ArrayDeque<>();
  private int[] indexedColumns;

  VersionPruner(RowPages rows, RowFormat format, Index[] sorted) {
    this.rows = rows;
    this.format = format;
    this.sorted = sorted;
  }

  /** Notes that row {@code rowId} got an older version or ended. */
  void add(long rowId) {
    versioned.add(rowId);
  }

  /** How many rows wait to be pruned. */
  int size() {
    return versioned.size();
  }

  /**
   * Drops the versions no snapshot can see: a version stays only if one of {@code snapshots}
   * (ascending; the last is the newest published timestamp) falls in its [begin, end), or if it is
   * newer than all of them. A row deleted before every snapshot goes entirely. Only rows changed
   * since the last prune are visited; rows that still keep older versions are visited again next
   * time. Readers walking a chain meanwhile still reach their version: it is kept, and relinking
   * only skips versions no snapshot sees. The caller publishes the indexes. Writer only.
   */
  void prune(long[] snapshots) {
    long oldest = snapshots[0];
    long newest = snapshots[snapshots.length - 1];
    int n = versioned.size();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      long rowId = versioned.poll();
      if (!seen.add(rowId)) {
        continue;
      }
      RowVersion head = rows.get(rowId);
      if (head == null) {
        continue;
      }
      if (head.end() <= oldest) {
        rows.remove(rowId); // deleted before every snapshot still in use
        if (sorted.length > 0) {
          List<RowVersion> dropped = new ArrayList<>();
          for (RowVersion v = head; v != null; v = v.older()) {
            dropped.add(v);
          }
          unindex(rowId, dropped, List.of());
        }
        continue;
      }
      RowVersion kept = head;
      int chain = 1;
      // Index entries can only go if a dropped version had another key than the newest; most
      // updates keep the key, and then no lists are made.
      boolean rekeyed = false;
      if (sorted.length > 0) {
        for (RowVersion v = head.older(); v != null && !rekeyed; v = v.older()) {
          if (!(v.begin() > newest || seenBy(v, snapshots)) && !format.sameBytes(head.image(), v.image(), indexedColumns())) {
            rekeyed = true;
          }
        }
      }
      List<RowVersion> keptList = rekeyed ? new ArrayList<>() : null;
      List<RowVersion> droppedList = rekeyed ? new ArrayList<>() : null;
      if (keptList != null) {
        keptList.add(head);
      }
      for (RowVersion v = head.older(); v != null; v = v.older()) {
        if (v.begin() > newest || seenBy(v, snapshots)) {
          if (kept.older() != v) {
            kept.setOlder(v);
          }
          kept = v;
          chain++;
          if (keptList != null) {
            keptList.add(v);
          }
        } else if (droppedList != null) {
          droppedList.add(v);
        }
      }
      kept.cutOlder();
      if (droppedList != null && !droppedList.isEmpty()) {
        unindex(rowId, droppedList, keptList);
      }
      if (chain > 1 || !head.isLive()) {
        versioned.add(rowId); // still has versions someone may need
      }
    }
  }

  /** Removes the index entries of dropped versions whose keys no kept version has. */
  /** The columns of any sorted index, in ascending order (made when first asked for). */
  private int[] indexedColumns() {
    int[] c = indexedColumns;
    if (c == null) {
      TreeSet<Integer> all = new TreeSet<>();
      for (Index ix : sorted) {
        for (int col : ix.def().columns()) {
          all.add(col);
        }
      }
      c = all.stream().mapToInt(Integer::intValue).toArray();
      indexedColumns = c;
    }
    return c;
  }

  private void unindex(long rowId, List<RowVersion> dropped, List<RowVersion> kept) {
    List<Object[]> keptValues = new ArrayList<>(kept.size());
    for (RowVersion k : kept) {
      keptValues.add(k.values());
    }
    for (RowVersion d : dropped) {
      Object[] droppedValues = d.values();
      for (Index ix : sorted) {
        boolean stillUsed = false;
        for (Object[] k : keptValues) {
          if (ix.sameKey(droppedValues, k)) {
            stillUsed = true;
            break;
          }
        }
        if (!stillUsed) {
          ix.remove(ix.keyOf(droppedValues), rowId);
        }
      }
    }
  }

  private static boolean seenBy(RowVersion v, long[] snapshots) {
    int at = java.util.Arrays.binarySearch(snapshots, v.begin());
    int first = at >= 0 ? at : -at - 1;
    return first < snapshots.length && snapshots[first] < v.end();
  }
}
