package org.vsldb.sql.ddl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;

/**
 * SQL text of parsed expressions and queries, as vsl stores it for DEFAULT, CHECK and views:
 * identifiers quoted in their exact case, so the text parses back to the same meaning.
 */
public final class SqlText {
  private SqlText() {}

  /** The SQL text of {@code node}. */
  public static String of(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT)
        .withAlwaysUseParentheses(false)
        .withQuoteAllIdentifiers(true)
        .withIndentation(0)
        .withClauseStartsLine(false)
        .withClauseEndsLine(false)).getSql().replace('\n', ' ');
  }
}
