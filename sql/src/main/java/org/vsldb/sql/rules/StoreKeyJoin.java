package org.vsldb.sql.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.sql.schema.StoreTable;
import org.vsldb.sql.type.BinaryValues;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;

/**
 * An equi-join on a table's primary key, run as one primary-key lookup per row of the other
 * side (the probe side, its only input) instead of a hash join that would first read the whole
 * table into a hash table: the table's primary-key index already maps each key to its row.
 * {@link KeyJoins} puts it in place of such hash joins; EXPLAIN shows it as {@code StoreKeyJoin}.
 *
 * <p>Its rows are those of the join it replaces, in that join's column order: the probe row's
 * columns and the table's columns read, the table's first when it was the join's left side. An
 * inner join drops a probe row whose key is NULL or has no row; a left join (the table on the
 * right) keeps it with NULL table columns. The lookup sees the rows the running transaction sees,
 * its own uncommitted changes included, as a scan would.
 */
public final class StoreKeyJoin extends SingleRel implements EnumerableRel {
  private final RelOptTable table;
  private final StoreTable storeTable;
  private final int probeKey;
  private final int[] tableColumns;
  private final boolean tableFirst;
  private final JoinRelType joinType;

  StoreKeyJoin(RelOptCluster cluster, RelNode probe, RelOptTable table, StoreTable storeTable, int probeKey,
      int[] tableColumns, boolean tableFirst, JoinRelType joinType, RelDataType rowType) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), probe);
    this.table = table;
    this.storeTable = storeTable;
    this.probeKey = probeKey;
    this.tableColumns = tableColumns.clone();
    this.tableFirst = tableFirst;
    this.joinType = joinType;
    this.rowType = rowType;
  }

  /** The column of the probe side's rows that holds the key. */
  int probeKey() {
    return probeKey;
  }

  /** Where the probe side's columns start in this join's rows. */
  int probeOffset() {
    return tableFirst ? tableColumns.length : 0;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StoreKeyJoin(getCluster(), inputs.get(0), table, storeTable, probeKey, tableColumns, tableFirst,
        joinType, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = new ArrayList<>();
    for (int c : tableColumns) {
      names.add(table.getRowType().getFieldList().get(c).getName());
    }
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("index", "PRIMARY KEY " + storeTable.table().def().primaryKeyNames())
        .item("key", "$" + probeKey)
        .item("columns", names)
        .item("joinType", joinType.lowerName);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return mq.getRowCount(getInput());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(getInput());
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result probe = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    BlockBuilder block = new BlockBuilder();
    Expression probeRows = block.append("probe", probe.block);
    Expression arrays = probe.physType.convertTo(probeRows, JavaRowFormat.ARRAY);
    block.add(Expressions.return_(null,
        Expressions.call(StoreKeyJoin.class, "join", implementor.getRootExpression(),
            implementor.stash(storeTable, StoreTable.class), arrays,
            Expressions.constant(probeKey), implementor.stash(tableColumns, int[].class),
            Expressions.constant(tableFirst), Expressions.constant(joinType == JoinRelType.LEFT))));
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    return implementor.result(physType, block.toBlock());
  }

  /**
   * Called by the generated code: each probe row joined with the row of the table whose primary
   * key is the probe row's column {@code probeKey}, as the running transaction sees it.
   */
  public static Enumerable<Object[]> join(DataContext root, StoreTable storeTable, Enumerable<Object[]> probe,
      int probeKey, int[] tableColumns, boolean tableFirst, boolean keepUnmatched) {
    Transaction txn = VslDataContext.transaction(root);
    Table table = storeTable.table();
    List<ColumnDef> columns = table.def().columns();
    ColumnDef keyColumn = StoreIndexLookup.keyColumn(table);
    boolean[] read = new boolean[columns.size()];
    boolean anyBinary = false;
    for (int c : tableColumns) {
      read[c] = true;
      anyBinary |= columns.get(c).type().isBinary();
    }
    boolean binary = anyBinary;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        Enumerator<Object[]> in = probe.enumerator();
        return new Enumerator<>() {
          Object[] current;

          @Override
          public Object[] current() {
            return current;
          }

          @Override
          public boolean moveNext() {
            while (in.moveNext()) {
              Object[] p = in.current();
              Object key = StoreIndexLookup.storedKey(table, keyColumn, p[probeKey]);
              Object[] row = key == null ? null : txn.lookupByKey(table, key, read);
              if (row != null || keepUnmatched) {
                current = joined(p, row);
                return true;
              }
            }
            return false;
          }

          private Object[] joined(Object[] p, Object[] row) {
            Object[] out = new Object[p.length + tableColumns.length];
            int at = tableFirst ? 0 : p.length;
            if (row != null) {
              for (int i = 0; i < tableColumns.length; i++) {
                Object v = row[tableColumns[i]];
                out[at + i] = binary ? BinaryValues.toRuntime(v) : v;
              }
            }
            System.arraycopy(p, 0, out, tableFirst ? tableColumns.length : 0, p.length);
            return out;
          }

          @Override
          public void reset() {
            in.reset();
            current = null;
          }

          @Override
          public void close() {
            in.close();
          }
        };
      }
    };
  }
}
