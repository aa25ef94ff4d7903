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
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.sql.schema.StoreTable;
import org.vsldb.sql.type.RuntimeRows;

/**
 * A full scan of a table that decodes only the columns the plan above it reads (see
 * {@link ColumnPruning}); the other columns of its rows are null. Its row type is the table's, so
 * the plan above it is unchanged. EXPLAIN shows it as {@code StoreTableScan} with the columns read.
 */
public final class StoreTableScan extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;
  private final StoreTable storeTable;
  private final boolean[] columns;

  StoreTableScan(RelOptCluster cluster, RelOptTable table, StoreTable storeTable, boolean[] columns) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.table = table;
    this.storeTable = storeTable;
    this.columns = columns.clone();
    this.rowType = table.getRowType();
  }

  @Override
  protected RelDataType deriveRowType() {
    return table.getRowType();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("columns", names(table.getRowType(), columns));
  }

  /** The names of the marked columns, for EXPLAIN. */
  static List<String> names(RelDataType rowType, boolean[] columns) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i]) {
        names.add(rowType.getFieldList().get(i).getName());
      }
    }
    return names;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return Math.max(1, storeTable.table().approximateRowCount());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override
  public List<RelNode> getInputs() {
    return List.of();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    BlockBuilder block = new BlockBuilder();
    block.add(Expressions.return_(null,
        Expressions.call(StoreTableScan.class, "scan", implementor.getRootExpression(),
            implementor.stash(storeTable, StoreTable.class),
            implementor.stash(columns, boolean[].class))));
    return implementor.result(physType, block.toBlock());
  }

  /** Called by the generated code: the table's rows as the running transaction sees them, with the marked columns. */
  public static Enumerable<Object[]> scan(DataContext root, StoreTable storeTable, boolean[] columns) {
    org.vsldb.storage.Transaction txn = VslDataContext.transaction(root);
    java.util.concurrent.atomic.AtomicBoolean cancel = VslDataContext.cancelFlag(root);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new org.vsldb.sql.exec.CancellableRows(
            () -> RuntimeRows.toRuntime(txn.scan(storeTable.table(), columns), storeTable.table().def()),
            cancel);
      }
    };
  }
}
