package org.vsldb.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * How the join order of a query is found, chosen by its number and kind of joins.
 *
 * <ul>
 *   <li>One join: Volcano's exhaustive search (it only has to try both sides).
 *   <li>From {@link #HEURISTIC_FROM} joins: the joins become one MultiJoin and Calcite's
 *       LoptOptimizeJoinRule builds a left-deep order. Volcano's search grows exponentially: an
 *       eight-way join of SQLLogicTest's select5 took over a minute to plan.
 *   <li>From {@link #BUSHY_FROM} joins, when every join is inner: Calcite's
 *       MultiJoinOptimizeBushyRule, a greedy edge-by-edge order. LoptOptimizeJoinRule tries every
 *       factor as the first, which is cubic in the number of tables: 0.6 s for a 40-way join
 *       against 0.2 s (select5 joins up to 64 tables). The bushy rule refuses outer joins, so
 *       queries with any stay with LoptOptimizeJoinRule.
 * </ul>
 */
final class JoinOrder {
  private JoinOrder() {}

  static final int HEURISTIC_FROM = 2;
  static final int BUSHY_FROM = 6;

  /** The join-ordering step of the program, with Volcano's rules {@code rules}. */
  static Program program(List<RelOptRule> rules) {
    return (planner, rel, traits, materializations, lattices) -> {
      boolean bushy = RelOptUtil.countJoins(rel) >= BUSHY_FROM && onlyInnerJoins(rel);
      return Programs.heuristicJoinOrder(rules, bushy, HEURISTIC_FROM)
          .run(planner, rel, traits, materializations, lattices);
    };
  }

  private static boolean onlyInnerJoins(RelNode rel) {
    boolean[] inner = {true};
    new RelVisitor() {
      @Override
      public void visit(RelNode node, int ordinal, RelNode parent) {
        if (node instanceof Join && ((Join) node).getJoinType() != JoinRelType.INNER) {
          inner[0] = false;
        } else {
          super.visit(node, ordinal, parent);
        }
      }
    }.go(rel);
    return inner[0];
  }
}
