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

  /** Every rule above. */
  public static final List<RelOptRule> ALL = List.of(PK_LOOKUP);

  private static final class PkLookupRule extends RelOptRule {
    @SuppressWarnings("deprecation")
    PkLookupRule() {
      super(operand(LogicalFilter.class, operand(TableScan.class, none())), "StorePkLookupRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      TableScan scan = call.rel(1);
      StoreTable table = scan.getTable().unwrap(StoreTable.class);
      if (table == null) {
        return;
      }
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
