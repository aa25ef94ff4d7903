package org.vsldb.sql.rules;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableTableScan;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;
import org.vsldb.sql.schema.StoreTable;

/**
 * The last step of planning: a table scan, or a range scan of an index, decodes only the columns
 * that the operators above it read (rows are kept as images; see the store's {@code RowFormat}).
 * It runs on the finished plan, where each node has exactly one parent, and passes down from the
 * root which columns of each node's output are read: a Calc reads what its needed projections and
 * its condition use, an Aggregate its group keys and arguments, a join the needed columns of each
 * side and those of its condition; any other operator reads all of its inputs' columns. A column
 * left null is one that no operator reads.
 */
public final class ColumnPruning {
  private ColumnPruning() {}

  /** {@code rel} with its scans narrowed to the columns read. */
  public static RelNode apply(RelNode rel) {
    return prune(rel, ImmutableBitSet.range(rel.getRowType().getFieldCount()));
  }

  private static RelNode prune(RelNode rel, ImmutableBitSet needed) {
    List<RelNode> inputs = rel.getInputs();
    if (inputs.isEmpty()) {
      return narrow(rel, needed);
    }
    if (!(rel instanceof SingleRel || rel instanceof BiRel || rel instanceof SetOp)) {
      return rel; // a node that cannot relink its inputs: its scans decode every column
    }
    for (int i = 0; i < inputs.size(); i++) {
      RelNode in = inputs.get(i);
      RelNode p = prune(in, neededOf(rel, i, needed));
      if (p != in) {
        // In place, as the planner itself relinks nodes: a copy would re-derive traits and
        // re-check collations that the finished plan already satisfies.
        rel.replaceInput(i, p);
      }
    }
    return rel;
  }

  /** The columns of input {@code i} of {@code rel} that {@code rel} reads when {@code needed} of its own are read. */
  private static ImmutableBitSet neededOf(RelNode rel, int i, ImmutableBitSet needed) {
    RelNode input = rel.getInputs().get(i);
    ImmutableBitSet all = ImmutableBitSet.range(input.getRowType().getFieldCount());
    if (rel instanceof Calc calc) {
      RexProgram program = calc.getProgram();
      List<RexNode> exprs = new ArrayList<>();
      List<RexLocalRef> projects = program.getProjectList();
      for (int j = 0; j < projects.size(); j++) {
        if (needed.get(j)) {
          exprs.add(program.expandLocalRef(projects.get(j)));
        }
      }
      RexLocalRef condition = program.getCondition();
      return RelOptUtil.InputFinder.bits(exprs, condition == null ? null : program.expandLocalRef(condition));
    }
    if (rel instanceof Aggregate agg) {
      ImmutableBitSet.Builder b = agg.getGroupSet().rebuild();
      for (AggregateCall call : agg.getAggCallList()) {
        b.addAll(call.getArgList());
        if (call.filterArg >= 0) {
          b.set(call.filterArg);
        }
        call.collation.getFieldCollations().forEach(fc -> b.set(fc.getFieldIndex()));
      }
      return b.build();
    }
    if (rel instanceof StoreKeyJoin keyJoin) {
      ImmutableBitSet.Builder b = ImmutableBitSet.builder().set(keyJoin.probeKey());
      for (int n : needed) {
        int j = n - keyJoin.probeOffset();
        if (j >= 0 && j < all.cardinality()) {
          b.set(j);
        }
      }
      return b.build();
    }
    if (rel instanceof Join join && rel.getInputs().size() == 2) {
      int left = join.getLeft().getRowType().getFieldCount();
      ImmutableBitSet inCondition = RelOptUtil.InputFinder.bits(join.getCondition());
      if (i == 0) {
        return needed.union(inCondition).intersect(all);
      }
      ImmutableBitSet read = join.getJoinType().projectsRight() ? needed.union(inCondition) : inCondition;
      ImmutableBitSet.Builder side = ImmutableBitSet.builder();
      for (int b : read) {
        if (b >= left && b - left < all.cardinality()) {
          side.set(b - left);
        }
      }
      return side.build();
    }
    return all;
  }

  private static RelNode narrow(RelNode scan, ImmutableBitSet used) {
    int n = scan.getRowType().getFieldCount();
    if (used.cardinality() >= n) {
      return scan;
    }
    boolean[] columns = new boolean[n];
    for (int i : used) {
      if (i < n) {
        columns[i] = true;
      }
    }
    if (scan instanceof EnumerableTableScan t) {
      StoreTable table = t.getTable().unwrap(StoreTable.class);
      return table == null ? scan : new StoreTableScan(t.getCluster(), t.getTable(), table, columns);
    }
    if (scan instanceof StoreIndexScan s) {
      return s.withColumns(columns);
    }
    return scan;
  }
}
