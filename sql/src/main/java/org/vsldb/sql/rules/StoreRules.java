package org.vsldb.sql.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.vsldb.sql.schema.StoreTable;

/** The planner rules vsl adds to Calcite's, in one place. */
public final class StoreRules {
  private StoreRules() {}

  /** A filter with {@code pk = literal or ?} on a scan becomes a {@link StoreIndexLookup}. */
  public static final RelOptRule PK_LOOKUP = new PkLookupRule();

  /**
   * A filter with a comparison ({@code =, <, <=, >, >=}, or a range Calcite folded into SEARCH)
   * between the first column of a sorted index and literals or {@code ?} parameters reads through
   * a {@link StoreIndexScan}; the filter stays above it.
   */
  public static final RelOptRule INDEX_RANGE = new IndexRangeRule();

  /** Every rule above. */
  public static final List<RelOptRule> ALL = List.of(PK_LOOKUP, INDEX_RANGE);

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
      for (org.vsldb.storage.table.IndexDef ix : table.table().def().indexes()) {
        int column = ix.columns()[0];
        org.vsldb.storage.table.ColumnType type = table.table().def().columns().get(column).type();
        if (type == org.vsldb.storage.table.ColumnType.CHAR) {
          continue; // blank-padded comparison semantics; a scan keeps them exact
        }
        RexNode lo = null;
        boolean loInc = false;
        RexNode hi = null;
        boolean hiInc = false;
        for (RexNode c : conjuncts) {
          Bound b = bound(c, column, scan.getCluster().getRexBuilder());
          if (b == null) {
            continue;
          }
          if (b.lo != null && lo == null) {
            lo = b.lo;
            loInc = b.loInc;
          }
          if (b.hi != null && hi == null) {
            hi = b.hi;
            hiInc = b.hiInc;
          }
        }
        if (lo != null || hi != null) {
          RelNode rangeScan = new StoreIndexScan(scan.getCluster(), scan.getTable(), table,
              ix.name(), lo, loInc, hi, hiInc);
          call.transformTo(LogicalFilter.create(rangeScan, filter.getCondition()));
          return;
        }
      }
    }

    private record Bound(RexNode lo, boolean loInc, RexNode hi, boolean hiInc) {}

    private static Bound bound(RexNode condition, int column, org.apache.calcite.rex.RexBuilder rb) {
      if (!(condition instanceof RexCall c)) {
        return null;
      }
      if (c.getKind() == SqlKind.SEARCH && c.getOperands().get(0) instanceof RexInputRef ref
          && ref.getIndex() == column && c.getOperands().get(1) instanceof RexLiteral lit) {
        org.apache.calcite.util.Sarg<?> sarg = lit.getValueAs(org.apache.calcite.util.Sarg.class);
        if (sarg == null || sarg.nullAs != org.apache.calcite.rex.RexUnknownAs.UNKNOWN
            || sarg.rangeSet.asRanges().size() != 1) {
          return null;
        }
        com.google.common.collect.Range<?> r = sarg.rangeSet.asRanges().iterator().next();
        org.apache.calcite.rel.type.RelDataType t = c.getOperands().get(0).getType();
        RexNode lo = r.hasLowerBound() ? endpoint(rb, r.lowerEndpoint(), t) : null;
        RexNode hi = r.hasUpperBound() ? endpoint(rb, r.upperEndpoint(), t) : null;
        if ((lo != null && !(lo instanceof RexLiteral)) || (hi != null && !(hi instanceof RexLiteral))) {
          return null;
        }
        return new Bound(lo, r.hasLowerBound() && r.lowerBoundType() == com.google.common.collect.BoundType.CLOSED,
            hi, r.hasUpperBound() && r.upperBoundType() == com.google.common.collect.BoundType.CLOSED);
      }
      if (c.getOperands().size() != 2) {
        return null;
      }
      RexNode a = c.getOperands().get(0);
      RexNode b = c.getOperands().get(1);
      SqlKind kind = c.getKind();
      if (isValue(a) && b instanceof RexInputRef) {
        RexNode tmp = a;
        a = b;
        b = tmp;
        kind = kind.reverse();
      }
      if (!(a instanceof RexInputRef ref) || ref.getIndex() != column || !(b instanceof RexLiteral || b instanceof RexDynamicParam)) {
        return null;
      }
      return switch (kind) {
        case EQUALS -> new Bound(b, true, b, true);
        case GREATER_THAN -> new Bound(b, false, null, false);
        case GREATER_THAN_OR_EQUAL -> new Bound(b, true, null, false);
        case LESS_THAN -> new Bound(null, false, b, false);
        case LESS_THAN_OR_EQUAL -> new Bound(null, false, b, true);
        default -> null;
      };
    }

    private static boolean isValue(RexNode n) {
      return n instanceof RexLiteral || n instanceof RexDynamicParam;
    }

    private static RexNode endpoint(org.apache.calcite.rex.RexBuilder rb, Object value,
        org.apache.calcite.rel.type.RelDataType type) {
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
