package org.vsldb.sql.plan;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * Calcite's default conformance, plus the syntax H2 accepts that Calcite offers as options:
 * {@code !=}, {@code a % b}, {@code MINUS} for {@code EXCEPT}, {@code LIMIT offset, count},
 * {@code FROM DUAL}, niladic functions with parentheses ({@code CURRENT_TIMESTAMP()}), and select
 * aliases in {@code GROUP BY} and {@code HAVING} (a column of the same name wins, as in H2).
 * docs/SQL.md lists these under "Choices made".
 */
final class VslConformance extends SqlDelegatingConformance {
  static final VslConformance INSTANCE = new VslConformance();

  private VslConformance() {
    super(SqlConformanceEnum.DEFAULT);
  }

  @Override
  public boolean isBangEqualAllowed() {
    return true;
  }

  @Override
  public boolean isPercentRemainderAllowed() {
    return true;
  }

  @Override
  public boolean isMinusAllowed() {
    return true;
  }

  @Override
  public boolean isLimitStartCountAllowed() {
    return true;
  }

  @Override
  public boolean isSupportedDualTable() {
    return true;
  }

  @Override
  public boolean allowNiladicParentheses() {
    return true;
  }

  @Override
  public boolean isGroupByAlias() {
    return true;
  }

  @Override
  public boolean isHavingAlias() {
    return true;
  }
}
