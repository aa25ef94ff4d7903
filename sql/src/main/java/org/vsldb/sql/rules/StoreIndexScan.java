package org.vsldb.sql.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
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
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
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
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.Index;
import org.vsldb.storage.table.Table;

/**
 * Reads the rows whose first index column lies in a range (or equals a value) through a sorted
 * index instead of a scan, in index order. It may return a few rows outside the range (a bound
 * that its column type cannot hold exactly is widened), so {@link StoreRules#INDEX_RANGE} keeps
 * the whole filter above it. Without bounds ({@link StoreRules#KEY_ORDER}) it reads the whole
 * primary-key index, for its order. EXPLAIN shows it as {@code StoreIndexScan}.
 */
public final class StoreIndexScan extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;
  private final StoreTable storeTable;
  private final String index;
  private final RexNode lo;
  private final boolean loInclusive;
  private final RexNode hi;
  private final boolean hiInclusive;
  /** The columns decoded ({@link ColumnPruning}); null for all. */
  private final boolean[] columns;

  StoreIndexScan(RelOptCluster cluster, RelOptTable table, StoreTable storeTable, String index,
      RexNode lo, boolean loInclusive, RexNode hi, boolean hiInclusive) {
    this(cluster, table, storeTable, index, lo, loInclusive, hi, hiInclusive, null);
  }

  private StoreIndexScan(RelOptCluster cluster, RelOptTable table, StoreTable storeTable, String index,
      RexNode lo, boolean loInclusive, RexNode hi, boolean hiInclusive, boolean[] columns) {
    super(cluster, traits(cluster, storeTable, index));
    this.columns = columns;
    this.table = table;
    this.storeTable = storeTable;
    this.index = index;
    this.lo = lo;
    this.loInclusive = loInclusive;
    this.hi = hi;
    this.hiInclusive = hiInclusive;
    this.rowType = table.getRowType();
  }

  /**
   * Enumerable, and sorted on the index's first column when that column's Java order is its SQL
   * order (numbers other than floating point, booleans, dates, times and timestamps; not text,
   * whose SQL order may differ, nor binary): a query's ORDER BY on it then needs no sort.
   */
  private static RelTraitSet traits(RelOptCluster cluster, StoreTable storeTable, String index) {
    RelTraitSet traits = cluster.traitSetOf(EnumerableConvention.INSTANCE);
    Index ix = storeTable.table().index(index);
    if (ix == null) {
      return traits;
    }
    int column = ix.def().columns()[0];
    if (!ordersAsSql(storeTable.table().def().columns().get(column).type())) {
      return traits;
    }
    return traits.replace(RelCollations.of(new RelFieldCollation(column,
        RelFieldCollation.Direction.ASCENDING, RelFieldCollation.NullDirection.FIRST)));
  }

  /** Whether the index order of a column of type {@code t} (NULL first) is SQL's ascending order. */
  static boolean ordersAsSql(ColumnType t) {
    return switch (t) {
      case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIME, TIMESTAMP,
          TIMESTAMP_WITH_LOCAL_TIME_ZONE -> true;
      default -> false;
    };
  }

  /** This scan, decoding only the marked columns of its rows (the others are null). */
  StoreIndexScan withColumns(boolean[] marked) {
    return new StoreIndexScan(getCluster(), table, storeTable, index, lo, loInclusive, hi, hiInclusive,
        marked.clone());
  }

  /** Whether this scan reads the whole index: no bound on either side. */
  boolean unbounded() {
    return lo == null && hi == null;
  }

  @Override
  protected RelDataType deriveRowType() {
    return table.getRowType();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("index", index)
        .itemIf("from", (loInclusive ? "[" : "(") + lo, lo != null)
        .itemIf("to", hi + (hiInclusive ? "]" : ")"), hi != null)
        .itemIf("columns", columns == null ? null : StoreTableScan.names(table.getRowType(), columns), columns != null);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = Math.max(1, storeTable.table().approximateRowCount());
    if (unbounded()) {
      return rows;
    }
    boolean equality = lo != null && lo.equals(hi) && loInclusive && hiInclusive;
    return Math.max(1, rows * (equality ? 0.01 : lo != null && hi != null ? 0.1 : 0.3));
  }

  /**
   * The rows read; a whole index costs more than the table scan it replaces (its entries lead to
   * the rows), so it is chosen only for its order.
   */
  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq) * (unbounded() ? 1.5 : 1);
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override
  public List<RelNode> getInputs() {
    return List.of();
  }

  private static Expression bound(EnumerableRelImplementor implementor, Expression root, RexNode n) {
    if (n == null) {
      return Expressions.constant(null);
    }
    if (n instanceof RexDynamicParam p) {
      return Expressions.call(root, BuiltInMethod.DATA_CONTEXT_GET.method,
          Expressions.constant("?" + p.getIndex()));
    }
    Object v = ((RexLiteral) n).getValue3();
    return implementor.stash(v == null ? NULL_BOUND : v, Object.class);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    Expression root = implementor.getRootExpression();
    BlockBuilder block = new BlockBuilder();
    block.add(Expressions.return_(null,
        Expressions.call(StoreIndexScan.class, "scan", root,
            implementor.stash(storeTable, StoreTable.class),
            Expressions.constant(index),
            Expressions.constant(lo != null), bound(implementor, root, lo), Expressions.constant(loInclusive),
            Expressions.constant(hi != null), bound(implementor, root, hi), Expressions.constant(hiInclusive),
            columns == null ? Expressions.constant(null, boolean[].class) : implementor.stash(columns, boolean[].class))));
    return implementor.result(physType, block.toBlock());
  }

  private static final Object NULL_BOUND = new Object();

  /** Called by the generated code: the rows in range, as the running transaction sees them. */
  public static Enumerable<Object[]> scan(DataContext root, StoreTable storeTable, String indexName,
      boolean hasLo, Object lo, boolean loInclusive, boolean hasHi, Object hi, boolean hiInclusive,
      boolean[] columns) {
    Table table = storeTable.table();
    Index ix = table.index(indexName);
    if (ix == null) {
      throw new IllegalStateException("index " + indexName + " of " + table.def().name() + " is gone");
    }
    if ((hasLo && (lo == null || lo == NULL_BOUND)) || (hasHi && (hi == null || hi == NULL_BOUND))) {
      return Linq4j.emptyEnumerable(); // a comparison with NULL is never true
    }
    ColumnDef column = table.def().columns().get(ix.def().columns()[0]);
    // A bound the column cannot hold exactly is rounded outwards, and one it cannot hold at all
    // is dropped: the filter above keeps the result exact.
    Object loValue = hasLo ? toColumn(lo, column, RoundingMode.FLOOR) : null;
    Object hiValue = hasHi ? toColumn(hi, column, RoundingMode.CEILING) : null;
    // Without a lower bound the scan starts after the NULLs, which satisfy no comparison; a scan
    // with no bound at all (for the key order) reads them too.
    Object[] from = hasLo || hasHi ? new Object[] {loValue} : null;
    boolean fromInclusive = loValue != null && (loInclusive || !exact(lo, loValue));
    Object[] to = hiValue == null ? null : new Object[] {hiValue};
    boolean toInclusive = hiValue != null && (hiInclusive || !exact(hi, hiValue));
    org.vsldb.storage.Transaction txn = VslDataContext.transaction(root);
    java.util.concurrent.atomic.AtomicBoolean cancel = VslDataContext.cancelFlag(root);
    Object[] f = from;
    boolean fi = fromInclusive;
    boolean ti = toInclusive;
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new org.vsldb.sql.exec.CancellableRows(
            () -> RuntimeRows.toRuntime(txn.indexRange(table, ix, f, fi, to, ti, columns), table.def()), cancel);
      }
    };
  }

  /** A bound converted to its column's type, rounded outwards when the type cannot hold it; null if it cannot be converted. */
  private static Object toColumn(Object v, ColumnDef column, RoundingMode outward) {
    try {
      Object x = v;
      if (v instanceof Number n && isInteger(column.type()) && !(v instanceof Integer || v instanceof Long
          || v instanceof Short || v instanceof Byte)) {
        x = new BigDecimal(n.toString()).setScale(0, outward); // NaN and infinities throw: no bound
      }
      // A binary bound is neither padded nor length-checked: X'01' must not become BINARY(3)'s 010000.
      return column.type().isBinary() ? BinaryValues.probe(x) : Values.forColumn(x, column, "");
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  private static boolean exact(Object given, Object converted) {
    if (given instanceof Number a && converted instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return true;
  }

  private static boolean isInteger(ColumnType t) {
    return t == ColumnType.TINYINT || t == ColumnType.SMALLINT || t == ColumnType.INTEGER || t == ColumnType.BIGINT;
  }
}
