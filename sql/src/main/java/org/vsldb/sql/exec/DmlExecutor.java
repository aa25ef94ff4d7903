package org.vsldb.sql.exec;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.type.RuntimeRows;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;

/**
 * Applies the rows Calcite computed for an INSERT, UPDATE or DELETE to a transaction, converting
 * each value to its column's type and letting the store check NOT NULL and keys.
 *
 * <p>DELETE and UPDATE receive whole old rows. Rows equal in every column cannot be told apart in
 * SQL, so each old row removes or replaces one visible row with those values (multiset
 * semantics), found through a map of the transaction's view built once per statement. Old rows
 * come in the runtime's representation and are looked up in the store's ({@link RuntimeRows}).
 */
final class DmlExecutor {
  private DmlExecutor() {}

  /**
   * Applies {@code rows}; the rows inserted (as stored, identity values filled in) are added to
   * {@code inserted} unless it is null.
   */
  static long apply(Transaction txn, Command.Dml dml, List<Object[]> rows, List<Object[]> inserted)
      throws SQLException {
    Table table = dml.table();
    return switch (dml.kind()) {
      case INSERT -> insert(txn, table, rows, inserted);
      case DELETE -> delete(txn, table, rows);
      case UPDATE -> update(txn, table, rows, dml.updateColumns());
      case MERGE -> merge(txn, table, rows, dml.updateColumns(), dml.merge(), inserted);
      default -> throw ErrorCode.unsupported(dml.kind().toString());
    };
  }

  /**
   * Inserts one row that its maker gives away (the bound parameters of an INSERT of bare
   * parameters): stored as it is when every value already has its column's representation, so
   * the common prepared INSERT makes no copy. Never changed here.
   */
  static long insertOwned(Transaction txn, Table table, Object[] row, List<Object[]> inserted)
      throws SQLException {
    insertRow(txn, table, row, row.length == table.def().columns().size(), inserted);
    return 1;
  }

  private static long insert(Transaction txn, Table table, List<Object[]> rows, List<Object[]> inserted)
      throws SQLException {
    for (int r = 0; r < rows.size(); r++) {
      insertRow(txn, table, rows.get(r), false, inserted);
    }
    return rows.size();
  }

  /** Inserts {@code row}, converted to the columns' types (a copy unless {@code owned} and nothing changes). */
  private static void insertRow(Transaction txn, Table table, Object[] row, boolean owned, List<Object[]> inserted)
      throws SQLException {
    List<ColumnDef> cols = table.def().columns();
    int identity = table.identityColumn();
    Object[] values = owned ? null : new Object[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      Object v = row[i];
      if (i == identity && v == null) {
        v = table.nextIdentity(); // an omitted, DEFAULT or NULL identity value is generated
      }
      Object stored = Values.forColumn(v, cols.get(i), table.def().name());
      if (values == null && stored != row[i]) {
        values = java.util.Arrays.copyOf(row, cols.size()); // a value changes: the row is copied, never changed
      }
      if (values != null) {
        values[i] = stored;
      }
    }
    if (values == null) {
      values = row;
    }
    checkConstraints(table, row, cols.size());
    txn.insert(table, values);
    if (inserted != null) {
      inserted.add(values);
    }
  }

  private static long delete(Transaction txn, Table table, List<Object[]> rows) {
    long[] ids = rowIdsOf(txn, table, rows);
    for (long id : ids) {
      if (!txn.deleted(table, id)) { // an ON DELETE CASCADE of an earlier row may have deleted it
        txn.delete(table, id);
      }
    }
    return rows.size();
  }

  private static long update(Transaction txn, Table table, List<Object[]> rows, int[] columns)
      throws SQLException {
    long[] ids = rowIdsOf(txn, table, rows);
    List<ColumnDef> cols = table.def().columns();
    int n = cols.size();
    for (int r = 0; r < rows.size(); r++) {
      Object[] row = rows.get(r);
      long rowId = ids[r];
      checkConstraints(table, row, n + columns.length);
      Object[] values = RuntimeRows.toStored(row, 0, n);
      for (int j = 0; j < columns.length; j++) {
        int c = columns[j];
        values[c] = Values.forColumn(row[n + j], cols.get(c), table.def().name());
      }
      txn.update(table, rowId, values);
    }
    return rows.size();
  }

  /**
   * MERGE: each input row is either a match (the target row it joined, then its new values) or
   * not (the target part is all NULL), and is applied as an UPDATE or an INSERT. A target row
   * matched by two source rows fails with 21000, as the standard says. A match is recognised by a
   * target column that is NOT NULL, or else by any non-NULL target value.
   */
  private static long merge(Transaction txn, Table table, List<Object[]> rows, int[] columns,
      Command.MergeClauses clauses, List<Object[]> inserted) throws SQLException {
    List<ColumnDef> cols = table.def().columns();
    int n = cols.size();
    int targetAt = clauses.whenNotMatched() ? n : 0;
    int marker = -1;
    for (int i = 0; i < n; i++) {
      if (!cols.get(i).nullable()) {
        marker = i;
        break;
      }
    }
    Map<List<Object>, ArrayDeque<Long>> ids = clauses.whenMatched() ? rowIds(txn, table) : Map.of();
    java.util.Set<Long> touched = new java.util.HashSet<>();
    List<Object[]> inserts = new ArrayList<>();
    long count = 0;
    for (Object[] row : rows) {
      boolean matched = false;
      if (marker >= 0) {
        matched = row[targetAt + marker] != null;
      } else {
        for (int i = 0; i < n && !matched; i++) {
          matched = row[targetAt + i] != null;
        }
      }
      if (matched && !clauses.whenMatched()) {
        continue; // no WHEN MATCHED clause: a matched row is left as it is
      }
      if (matched) {
        Object[] target = RuntimeRows.toStored(row, targetAt, n);
        List<Object> key = Arrays.asList(target);
        ArrayDeque<Long> q = ids.get(key);
        Long rowId = q == null ? null : q.peek();
        if (rowId == null || !touched.add(rowId)) {
          throw ErrorCode.CARDINALITY_VIOLATION.exception(
              "MERGE matched a row of " + table.def().name() + " with more than one source row");
        }
        q.poll();
        Object[] values = Arrays.copyOf(target, n);
        for (int j = 0; j < columns.length; j++) {
          int c = columns[j];
          values[c] = Values.forColumn(row[targetAt + n + j], cols.get(c), table.def().name());
        }
        txn.update(table, rowId, values);
        count++;
      } else if (clauses.whenNotMatched()) {
        inserts.add(Arrays.copyOf(row, n));
      }
    }
    return count + insert(txn, table, inserts, inserted);
  }

  /**
   * Fails with 23513 if a CHECK constraint is FALSE for the new row. The plan computed each
   * table check as a column after the row's own ({@link org.vsldb.sql.plan.CheckColumns}), starting
   * at {@code offset}.
   */
  private static void checkConstraints(Table table, Object[] row, int offset) throws SQLException {
    List<org.vsldb.storage.table.CheckDef> checks = table.def().checks();
    for (int i = 0; i < checks.size() && offset + i < row.length; i++) {
      if (Boolean.FALSE.equals(row[offset + i])) {
        throw ErrorCode.CHECK_VIOLATION.exception("CHECK constraint " + checks.get(i).name() + " ("
            + checks.get(i).sql() + ") of table " + table.def().name() + " is violated by the new row");
      }
    }
  }

  /**
   * The row ids of the rows an UPDATE or DELETE changes, or FOR UPDATE locks (each given by its
   * old values), found
   * before any is changed: by primary key through the index when the table has one and the index
   * can tell for every row, else by matching all values against one scan of the table.
   */
  static long[] rowIdsOf(Transaction txn, Table table, List<Object[]> rows) {
    int n = table.def().columns().size();
    long[] ids = new long[rows.size()];
    if (table.def().hasPrimaryKey()) {
      int found = 0;
      for (; found < ids.length; found++) {
        Object key = table.primaryKeyOf(RuntimeRows.toStored(rows.get(found), 0, n));
        Long id = key == null ? null : txn.rowIdByKey(table, key);
        if (id == null) {
          break;
        }
        ids[found] = id;
      }
      if (found == ids.length) {
        return ids;
      }
    }
    Map<List<Object>, ArrayDeque<Long>> all = rowIds(txn, table);
    for (int r = 0; r < ids.length; r++) {
      ids[r] = take(all, rows.get(r), n);
    }
    return ids;
  }

  private static Map<List<Object>, ArrayDeque<Long>> rowIds(Transaction txn, Table table) {
    Map<List<Object>, ArrayDeque<Long>> ids = new HashMap<>();
    txn.forEachRow(
        table,
        (rowId, values) ->
            ids.computeIfAbsent(Arrays.asList(values), k -> new ArrayDeque<>(1)).add(rowId));
    return ids;
  }

  private static long take(Map<List<Object>, ArrayDeque<Long>> ids, Object[] row, int n) {
    List<Object> key = Arrays.asList(RuntimeRows.toStored(row, 0, n));
    ArrayDeque<Long> q = ids.get(key);
    if (q == null || q.isEmpty()) {
      throw new IllegalStateException("row to change is no longer visible: " + key);
    }
    return q.poll();
  }
}
