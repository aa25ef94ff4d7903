package org.vsldb.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement vsl's grammar recognises but does not carry out, such as
 * {@code TRUNCATE TABLE ... RESTART IDENTITY}: planning it fails with 0A000 naming the feature,
 * rather than with a syntax error.
 */
public final class SqlUnsupportedStatement extends SqlKeywordStatement {
  private final String feature;

  public SqlUnsupportedStatement(SqlParserPos pos, String feature) {
    super(pos, feature);
    this.feature = feature;
  }

  /** What the statement asks for, as the error names it. */
  public String feature() {
    return feature;
  }
}
