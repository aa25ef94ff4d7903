package org.vsldb.sql.plan;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;

/**
 * A rewrite of a whole plan after {@code SqlToRelConverter}: every relational expression, inputs
 * first, then its row expressions through {@link #expressions()}, including the plans of
 * sub-queries inside them (which a plain {@link RelHomogeneousShuttle} does not reach, because
 * sub-query removal runs later).
 */
abstract class ExpressionRewrite extends RelHomogeneousShuttle {
  /** The shuttle for row expressions; an {@link Expressions}. */
  protected abstract RexShuttle expressions();

  /** Rewrites one relational expression whose inputs are rewritten already. */
  protected RelNode rewriteNode(RelNode node) {
    return node;
  }

  @Override
  public final RelNode visit(RelNode other) {
    return rewriteNode(super.visitChildren(other)).accept(expressions());
  }

  /** Rewrites row expressions; sub-query plans go through the enclosing rewrite. */
  protected abstract class Expressions extends RexShuttle {
    @Override
    public RexNode visitSubQuery(RexSubQuery subQuery) {
      RexSubQuery s = (RexSubQuery) super.visitSubQuery(subQuery);
      RelNode rel = s.rel.accept(ExpressionRewrite.this);
      return rel == s.rel ? s : s.clone(rel);
    }
  }
}
