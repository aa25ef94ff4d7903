package org.vsldb.sql.rules;

import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.vsldb.sql.schema.StoreTable;

/**
 * A step of planning after Volcano, before {@link ColumnPruning}: a hash join whose one side is a
 * whole table (a scan, or a projection of its columns) joined on that table's single-column
 * primary key becomes a {@link StoreKeyJoin}, which looks the key of each row of the other side
 * up in the primary-key index instead of reading the whole table into a hash table. The hash
 * table of a 200,000-row table costs a read of every row and a structure that lives as long as the
 * join (and outlives young collections); the lookups cost one probe of the index per row.
 *
 * <p>It applies to inner joins (the table on either side) and left joins (the table on the right)
 * with one equality and no other condition, when both keys have the same SQL type (VARCHAR of any
 * length) among those whose values compare by {@code equals} as they do in SQL (integers, exact
 * decimals, VARCHAR, dates and times), and when the other side is expected to have at most {@link #MAX_PROBES_PER_ROW}
 * rows per row of the table: a small table joined from a large one stays a hash join, whose
 * probes are cheaper than lookups.
 */
public final class KeyJoins {
  private KeyJoins() {}

  /** Above this many rows of the other side per row of the table, the hash join is kept. */
  static final double MAX_PROBES_PER_ROW = 2.0;

  private static final Set<SqlTypeName> KEY_TYPES = Set.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
      SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.VARCHAR, SqlTypeName.DATE,
      SqlTypeName.TIME, SqlTypeName.TIMESTAMP);

  /** {@code rel} with its hash joins on primary keys replaced, in place below the root. */
  public static RelNode apply(RelNode rel) {
    List<RelNode> inputs = rel.getInputs();
    for (int i = 0; i < inputs.size(); i++) {
      RelNode in = inputs.get(i);
      RelNode r = apply(in);
      if (r != in) {
        rel.replaceInput(i, r);
      }
    }
    return rel instanceof EnumerableHashJoin join ? rewrite(join) : rel;
  }

  private static RelNode rewrite(EnumerableHashJoin join) {
    JoinInfo info = join.analyzeCondition();
    if (!info.isEqui() || info.leftKeys.size() != 1) {
      return join;
    }
    JoinRelType type = join.getJoinType();
    if (type == JoinRelType.INNER || type == JoinRelType.LEFT) {
      RelNode r = keyJoin(join, join.getRight(), join.getLeft(), info.rightKeys.get(0), info.leftKeys.get(0), false);
      if (r != null) {
        return r;
      }
    }
    if (type == JoinRelType.INNER) {
      RelNode r = keyJoin(join, join.getLeft(), join.getRight(), info.leftKeys.get(0), info.rightKeys.get(0), true);
      if (r != null) {
        return r;
      }
    }
    return join;
  }

  /** The key join that reads {@code tableSide}'s table by key for each row of {@code probe}, or null. */
  private static RelNode keyJoin(EnumerableHashJoin join, RelNode tableSide, RelNode probe, int tableKey,
      int probeKey, boolean tableFirst) {
    EnumerableTableScan scan;
    int[] columns;
    if (tableSide instanceof EnumerableTableScan s) {
      scan = s;
      columns = new int[s.getRowType().getFieldCount()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = i;
      }
    } else if (tableSide instanceof EnumerableCalc calc && calc.getInput() instanceof EnumerableTableScan s) {
      columns = projectedColumns(calc.getProgram());
      if (columns == null) {
        return null;
      }
      scan = s;
    } else {
      return null;
    }
    StoreTable storeTable = scan.getTable().unwrap(StoreTable.class);
    if (storeTable == null) {
      return null;
    }
    int[] pk = storeTable.table().def().primaryKey();
    if (pk.length != 1 || columns[tableKey] != pk[0]) {
      return null;
    }
    RelDataType keyType = tableSide.getRowType().getFieldList().get(tableKey).getType();
    RelDataType probeType = probe.getRowType().getFieldList().get(probeKey).getType();
    if (!KEY_TYPES.contains(keyType.getSqlTypeName()) || keyType.getSqlTypeName() != probeType.getSqlTypeName()) {
      return null;
    }
    if (keyType.getSqlTypeName() != SqlTypeName.VARCHAR
        && !SqlTypeUtil.equalSansNullability(join.getCluster().getTypeFactory(), keyType, probeType)) {
      return null; // e.g. TIMESTAMP(0) against TIMESTAMP(3), or decimals of other scales
    }
    RelMetadataQuery mq = join.getCluster().getMetadataQuery();
    Double probeRows = mq.getRowCount(probe);
    double tableRows = Math.max(1, storeTable.table().approximateRowCount());
    if (probeRows == null || probeRows > MAX_PROBES_PER_ROW * tableRows) {
      return null;
    }
    return new StoreKeyJoin(join.getCluster(), probe, scan.getTable(), storeTable, probeKey, columns, tableFirst,
        join.getJoinType(), join.getRowType());
  }

  /** The table columns a Calc projects, one per output, or null if it filters or computes. */
  private static int[] projectedColumns(RexProgram program) {
    if (program.getCondition() != null) {
      return null;
    }
    int[] columns = new int[program.getProjectList().size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = program.getSourceField(i);
      if (columns[i] < 0) {
        return null;
      }
    }
    return columns;
  }
}
