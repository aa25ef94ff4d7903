package org.vsldb.sql.rules;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.SemiJoinRule;

/**
 * Calcite's {@link SemiJoinRule} variants that replace {@code Join(x, Aggregate(input))} by
 * {@code SemiJoin(x, input)}, restricted to aggregates with a group key.
 *
 * <p>The rewrite is only sound when the aggregate has a row exactly for each distinct key of its
 * input. An aggregate without group keys (a grand total, such as the {@code COUNT(*)} that
 * sub-query removal builds for {@code a IN (SELECT ...)} under {@code OR}) has one row even when
 * its input is empty, so the semi-join would drop every row: {@code WHERE a >= 0 OR a IN (SELECT
 * a FROM t WHERE 1 = 0)} returned nothing. Calcite 1.42's rules allow that case; these do not.
 */
public final class GroupedSemiJoinRules {
  private GroupedSemiJoinRules() {}

  /** Calcite's rules that these replace. */
  public static final List<RelOptRule> REPLACED =
      List.of(CoreRules.PROJECT_TO_SEMI_JOIN, CoreRules.JOIN_TO_SEMI_JOIN, CoreRules.AGGREGATE_TO_SEMI_JOIN);

  /** {@code Project(Join(x, Aggregate))} to a semi-join, for grouped aggregates only. */
  public static final RelOptRule PROJECT_TO_SEMI_JOIN =
      SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT
          .withOperandSupplier(b ->
              b.operand(Project.class).oneInput(b2 ->
                  b2.operand(Join.class).predicate(GroupedSemiJoinRules::innerOrLeft).inputs(
                      b3 -> b3.operand(RelNode.class).anyInputs(),
                      b4 -> b4.operand(Aggregate.class).predicate(GroupedSemiJoinRules::grouped).anyInputs())))
          .as(SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.class)
          .toRule();

  /** {@code Join(x, Aggregate)} to a semi-join, for grouped aggregates only. */
  public static final RelOptRule JOIN_TO_SEMI_JOIN =
      SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT
          .withOperandSupplier(b ->
              b.operand(Join.class).predicate(GroupedSemiJoinRules::innerOrLeft).inputs(
                  b2 -> b2.operand(RelNode.class).anyInputs(),
                  b3 -> b3.operand(Aggregate.class).predicate(GroupedSemiJoinRules::grouped).anyInputs()))
          .as(SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.class)
          .toRule();

  /** {@code Aggregate(Join(x, Aggregate))} to a semi-join, for grouped aggregates only. */
  public static final RelOptRule AGGREGATE_TO_SEMI_JOIN =
      SemiJoinRule.AggregateToSemiJoinRule.AggregateToSemiJoinRuleConfig.DEFAULT
          .withOperandSupplier(b ->
              b.operand(Aggregate.class).oneInput(b2 ->
                  b2.operand(Join.class).predicate(GroupedSemiJoinRules::innerOrLeft).inputs(
                      b3 -> b3.operand(RelNode.class).anyInputs(),
                      b4 -> b4.operand(Aggregate.class).predicate(GroupedSemiJoinRules::grouped).anyInputs())))
          .as(SemiJoinRule.AggregateToSemiJoinRule.AggregateToSemiJoinRuleConfig.class)
          .toRule();

  /** The replacements, in the order of {@link #REPLACED}. */
  public static final List<RelOptRule> ALL =
      List.of(PROJECT_TO_SEMI_JOIN, JOIN_TO_SEMI_JOIN, AGGREGATE_TO_SEMI_JOIN);

  private static boolean innerOrLeft(Join join) {
    return join.getJoinType() == JoinRelType.INNER || join.getJoinType() == JoinRelType.LEFT;
  }

  private static boolean grouped(Aggregate aggregate) {
    return !aggregate.getGroupSet().isEmpty();
  }
}
