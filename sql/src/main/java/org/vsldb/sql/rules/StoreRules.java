package org.vsldb.sql.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;
import com.google.common.collect.BoundType;
import org.vsldb.sql.schema.StoreTable;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;

/** The planner rules vsl adds to Calcite's, in one place. */
public final class StoreRules {
  private StoreRules() {}

  /** A filter with {@code pk = literal or ?} on a scan becomes a {@link StoreIndexLookup}. */
  public static final RelOptRule PK_LOOKUP = new PkLookupRule();

  /**
   * A filter with a comparison ({@code =, <, <=, >, >=}, or the SEARCH Calcite folds BETWEEN, IN
   * and range pairs over literals into) between the first column of a sorted index, the primary
   * key's included, and literals or {@code ?} parameters reads through a {@link StoreIndexScan};
   * the filter stays above it.
   */
  public static final RelOptRule INDEX_RANGE = new IndexRangeRule();

  /**
   * A scan of a table whose primary key's first column orders as in SQL (see
   * {@link StoreIndexScan#ordersAsSql}) may also read the whole primary-key index, in key order:
   * an alternative the planner takes only where that order saves a sort (ORDER BY the key, with
   * or without LIMIT), since it costs more than the scan.
   */
  public static final RelOptRule KEY_ORDER = new KeyOrderRule();

  /** Every rule above. */
  public static final List<RelOptRule> ALL = List.of(PK_LOOKUP, INDEX_RANGE, KEY_ORDER);

  private static final class KeyOrderRule extends RelOptRule {
    @SuppressWarnings("deprecation")
    KeyOrderRule() {
      super(operand(LogicalTableScan.class, none()), "StoreKeyOrderRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      TableScan scan = call.rel(0);
      StoreTable table = scan.getTable().unwrap(StoreTable.class);
      if (table == null || table.table().primaryKeyOrder() == null) {
        return;
      }
      Table t = table.table();
      int first = t.def().primaryKey()[0];
      if (StoreIndexScan.ordersAsSql(t.def().columns().get(first).type())) {
        call.transformTo(new StoreIndexScan(scan.getCluster(), scan.getTable(), table,
            t.primaryKeyOrder().def().name(), null, false, null, false));
      }
    }
  }

  /** A rule on a filter directly over a scan of a store table. */
  private abstract static class FilterOnStoreScanRule extends RelOptRule {
    @SuppressWarnings("deprecation")
    FilterOnStoreScanRule(String name) {
      super(operand(LogicalFilter.class, operand(TableScan.class, none())), name);
    }

    @Override
    public final void onMatch(RelOptRuleCall call) {
      TableScan scan = call.rel(1);
      StoreTable table = scan.getTable().unwrap(StoreTable.class);
      if (table != null) {
        onMatch(call, call.rel(0), scan, table);
      }
    }

    abstract void onMatch(RelOptRuleCall call, LogicalFilter filter, TableScan scan, StoreTable table);
  }

  private static final class IndexRangeRule extends FilterOnStoreScanRule {
    IndexRangeRule() {
      super("StoreIndexRangeRule");
    }

    @Override
    void onMatch(RelOptRuleCall call, LogicalFilter filter, TableScan scan, StoreTable table) {
      List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
      RexBuilder rb = scan.getCluster().getRexBuilder();
      Range best = null;
      for (IndexDef ix : candidates(table.table())) {
        int column = ix.columns()[0];
        if (table.table().def().columns().get(column).type() == ColumnType.CHAR) {
          continue; // blank-padded comparison semantics; a scan keeps them exact
        }
        Range r = new Range(ix.name());
        for (RexNode c : conjuncts) {
          Bound b = bound(c, column, rb);
          if (b != null) {
            r.narrow(b);
          }
        }
        if (r.score() > (best == null ? 0 : best.score())) {
          best = r;
        }
      }
      if (best != null) {
        RelNode rangeScan = new StoreIndexScan(scan.getCluster(), scan.getTable(), table,
            best.index, best.lo, best.loInc, best.hi, best.hiInc);
        call.transformTo(LogicalFilter.create(rangeScan, filter.getCondition()));
      }
    }

    /** The sorted indexes a range may read: the primary key's first, then the definition's. */
    private static List<IndexDef> candidates(Table t) {
      List<IndexDef> out = new ArrayList<>();
      if (t.primaryKeyOrder() != null) {
        out.add(t.primaryKeyOrder().def());
      }
      out.addAll(t.def().indexes());
      return out;
    }

    /** The bounds found so far on one index's first column; the first of each kind is kept. */
    private static final class Range {
      final String index;
      RexNode lo;
      boolean loInc;
      RexNode hi;
      boolean hiInc;

      Range(String index) {
        this.index = index;
      }

      void narrow(Bound b) {
        if (b.lo != null && lo == null) {
          lo = b.lo;
          loInc = b.loInc;
        }
        if (b.hi != null && hi == null) {
          hi = b.hi;
          hiInc = b.hiInc;
        }
      }

      /** 0 with no bound, 1 with one, 2 with both, 3 for an equality: the index that narrows most wins. */
      int score() {
        int n = (lo != null ? 1 : 0) + (hi != null ? 1 : 0);
        return n == 2 && lo.equals(hi) && loInc && hiInc ? 3 : n;
      }
    }

    private record Bound(RexNode lo, boolean loInc, RexNode hi, boolean hiInc) {}

    private static Bound bound(RexNode condition, int column, RexBuilder rb) {
      if (!(condition instanceof RexCall c)) {
        return null;
      }
      if (c.getKind() == SqlKind.SEARCH && isColumn(c.getOperands().get(0), column)
          && c.getOperands().get(1) instanceof RexLiteral lit) {
        return searchBound(lit, c.getOperands().get(0).getType(), rb);
      }
      if (c.getOperands().size() != 2) {
        return null;
      }
      RexNode a = c.getOperands().get(0);
      RexNode b = c.getOperands().get(1);
      SqlKind kind = c.getKind();
      if (isValue(a) && !isValue(b)) {
        RexNode tmp = a;
        a = b;
        b = tmp;
        kind = kind.reverse();
      }
      if (!isColumn(a, column) || !isValue(b)) {
        return null;
      }
      RexNode v = strip(b);
      return switch (kind) {
        case EQUALS -> new Bound(v, true, v, true);
        case GREATER_THAN -> new Bound(v, false, null, false);
        case GREATER_THAN_OR_EQUAL -> new Bound(v, true, null, false);
        case LESS_THAN -> new Bound(null, false, v, false);
        case LESS_THAN_OR_EQUAL -> new Bound(null, false, v, true);
        default -> null;
      };
    }

    /**
     * The bounds of a SEARCH (Calcite's form of BETWEEN, IN and of range pairs such as
     * {@code >= 5 AND <= 9} over literals): the hull of its ranges, since the filter above keeps
     * the result exact. A SEARCH that lets NULL through is not a range.
     */
    private static Bound searchBound(RexLiteral lit, RelDataType sargType, RexBuilder rb) {
      Sarg<?> sarg = lit.getValueAs(Sarg.class);
      if (sarg == null || sarg.nullAs == RexUnknownAs.TRUE || sarg.rangeSet.isEmpty()) {
        return null;
      }
      com.google.common.collect.Range<?> r = sarg.rangeSet.span();
      RexNode lo = r.hasLowerBound() ? endpoint(rb, r.lowerEndpoint(), sargType) : null;
      RexNode hi = r.hasUpperBound() ? endpoint(rb, r.upperEndpoint(), sargType) : null;
      if ((lo != null && !(lo instanceof RexLiteral)) || (hi != null && !(hi instanceof RexLiteral))) {
        return null;
      }
      return new Bound(lo, r.hasLowerBound() && r.lowerBoundType() == BoundType.CLOSED,
          hi, r.hasUpperBound() && r.upperBoundType() == BoundType.CLOSED);
    }

    /**
     * Whether {@code n} is column {@code column}, or a widening cast of an integer column to
     * another integer type (which compares the same values).
     */
    private static boolean isColumn(RexNode n, int column) {
      if (n.getKind() == SqlKind.CAST) {
        RexNode inner = ((RexCall) n).getOperands().get(0);
        return inner instanceof RexInputRef ref && ref.getIndex() == column
            && isInteger(inner.getType()) && isInteger(n.getType())
            && n.getType().getPrecision() >= inner.getType().getPrecision();
      }
      return n instanceof RexInputRef ref && ref.getIndex() == column;
    }

    private static boolean isInteger(RelDataType t) {
      return SqlTypeName.INT_TYPES.contains(t.getSqlTypeName());
    }

    /**
     * A literal or parameter, possibly under numeric casts: the scan converts a bound to the
     * column's type itself, rounding outwards, which covers every rounding of the cast.
     */
    private static boolean isValue(RexNode n) {
      RexNode s = strip(n);
      return s instanceof RexLiteral || s instanceof RexDynamicParam;
    }

    private static RexNode strip(RexNode n) {
      while (n.getKind() == SqlKind.CAST) {
        RexNode inner = ((RexCall) n).getOperands().get(0);
        if (!SqlTypeName.NUMERIC_TYPES.contains(n.getType().getSqlTypeName())
            || !SqlTypeName.NUMERIC_TYPES.contains(inner.getType().getSqlTypeName())) {
          return n;
        }
        n = inner;
      }
      return n;
    }

    private static RexNode endpoint(RexBuilder rb, Object value, RelDataType type) {
      if (value instanceof java.math.BigDecimal d) {
        return rb.makeExactLiteral(d);
      }
      return rb.makeLiteral(value, type, true);
    }
  }

  private static final class PkLookupRule extends FilterOnStoreScanRule {
    PkLookupRule() {
      super("StorePkLookupRule");
    }

    @Override
    void onMatch(RelOptRuleCall call, LogicalFilter filter, TableScan scan, StoreTable table) {
      int[] pk = table.table().def().primaryKey();
      if (pk.length != 1) {
        return;
      }
      List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
      for (int i = 0; i < conjuncts.size(); i++) {
        RexNode key = keyFor(conjuncts.get(i), pk[0]);
        if (key != null) {
          List<RexNode> rest = new ArrayList<>(conjuncts);
          rest.remove(i);
          RelNode lookup = new StoreIndexLookup(scan.getCluster(), scan.getTable(), table, key);
          if (!rest.isEmpty()) {
            lookup = LogicalFilter.create(lookup,
                RexUtil.composeConjunction(scan.getCluster().getRexBuilder(), rest));
          }
          call.transformTo(lookup);
          return;
        }
      }
    }

    /** The literal or parameter that {@code condition} requires column {@code pk} to equal, or null. */
    private static RexNode keyFor(RexNode condition, int pk) {
      if (!(condition instanceof RexCall c) || c.getKind() != SqlKind.EQUALS) {
        return null;
      }
      RexNode a = c.getOperands().get(0);
      RexNode b = c.getOperands().get(1);
      if (isColumn(a, pk) && isValue(b)) {
        return strip(b);
      }
      if (isColumn(b, pk) && isValue(a)) {
        return strip(a);
      }
      return null;
    }

    private static boolean isColumn(RexNode n, int pk) {
      if (n.getKind() == SqlKind.CAST) {
        RexNode inner = ((RexCall) n).getOperands().get(0);
        // a widening cast of an integer key column compares the same values
        return inner instanceof RexInputRef ref && ref.getIndex() == pk
            && inner.getType().getSqlTypeName().getFamily() == SqlTypeFamily.NUMERIC
            && n.getType().getSqlTypeName().getFamily() == SqlTypeFamily.NUMERIC
            && inner.getType().getScale() <= 0 && n.getType().getScale() <= 0;
      }
      return n instanceof RexInputRef ref && ref.getIndex() == pk;
    }

    private static boolean isValue(RexNode n) {
      RexNode s = strip(n);
      return s instanceof RexLiteral || s instanceof RexDynamicParam;
    }

    private static RexNode strip(RexNode n) {
      while (n.getKind() == SqlKind.CAST) {
        n = ((RexCall) n).getOperands().get(0);
      }
      return n;
    }
  }
}
