package org.vsldb.sql.rules;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.BuiltInMethod;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.sql.schema.StoreTable;
import org.vsldb.sql.type.BinaryValues;
import org.vsldb.sql.type.RuntimeRows;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;

/**
 * Reads at most one row, the one whose primary key equals a literal or a {@code ?} parameter,
 * through the table's primary-key index instead of a scan. {@link StoreRules#PK_LOOKUP} puts it in
 * place of a filter on the key; EXPLAIN shows it as {@code StoreIndexLookup}.
 */
public final class StoreIndexLookup extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;
  private final StoreTable storeTable;
  private final RexNode key;

  StoreIndexLookup(RelOptCluster cluster, RelOptTable table, StoreTable storeTable, RexNode key) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.table = table;
    this.storeTable = storeTable;
    this.key = key;
    this.rowType = table.getRowType();
  }

  @Override
  protected RelDataType deriveRowType() {
    return table.getRowType();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    Table t = storeTable.table();
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("index", "PRIMARY KEY " + t.def().primaryKeyNames())
        .item("key", key);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeCost(1, 1, 1);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression root = implementor.getRootExpression();
    Expression keyValue;
    if (key instanceof RexDynamicParam p) {
      keyValue = Expressions.call(root, BuiltInMethod.DATA_CONTEXT_GET.method,
          Expressions.constant("?" + p.getIndex()));
    } else {
      Object literal = ((RexLiteral) key).getValue3();
      keyValue = implementor.stash(literal == null ? NULL_KEY : literal, Object.class);
    }
    BlockBuilder block = new BlockBuilder();
    block.add(Expressions.return_(null,
        Expressions.call(StoreIndexLookup.class, "lookup", root,
            implementor.stash(storeTable, StoreTable.class), keyValue)));
    return implementor.result(physType, block.toBlock());
  }

  private static final Object NULL_KEY = new Object();

  /**
   * Called by the generated code: the row with primary key {@code key} as the running transaction
   * sees it, or no row.
   */
  public static Enumerable<Object[]> lookup(DataContext root, StoreTable storeTable, Object key) {
    Table table = storeTable.table();
    Object k = storedKey(table, key);
    if (k == null) {
      return Linq4j.emptyEnumerable();
    }
    Object[] row = VslDataContext.transaction(root).lookupByKey(table, k);
    return row == null
        ? Linq4j.emptyEnumerable()
        : Linq4j.singletonEnumerable(RuntimeRows.toRuntime(table.def()).apply(row));
  }

  /**
   * {@code key} as the value the single-column primary key of {@code table} stores, or null when
   * no row can have it: NULL (which equals nothing), a value the column cannot hold, or a number
   * the column would round (1.5 against an INTEGER key).
   */
  static Object storedKey(Table table, Object key) {
    return storedKey(table, keyColumn(table), key);
  }

  /** The column of {@code table}'s single-column primary key. */
  static ColumnDef keyColumn(Table table) {
    return table.def().columns().get(table.def().primaryKey()[0]);
  }

  /** {@link #storedKey(Table, Object)} with the key's column already found. */
  static Object storedKey(Table table, ColumnDef column, Object key) {
    if (key == null || key == NULL_KEY) {
      return null;
    }
    Object k;
    try {
      k = column.type().isBinary()
          ? BinaryValues.probe(key)
          : Values.forColumn(key, column, table.def().name());
    } catch (SQLException e) {
      return null;
    }
    if (k instanceof Number n && key instanceof Number given && !sameNumber(n, given)) {
      return null;
    }
    return k;
  }

  private static boolean sameNumber(Number a, Number b) {
    if (isIntegral(a) && isIntegral(b)) {
      return a.longValue() == b.longValue();
    }
    return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  @Override
  public List<org.apache.calcite.rel.RelNode> getInputs() {
    return List.of();
  }
}
