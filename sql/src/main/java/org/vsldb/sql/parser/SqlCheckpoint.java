package org.vsldb.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/** The statement {@code CHECKPOINT}: write a new snapshot and start a fresh log. */
public final class SqlCheckpoint extends SqlKeywordStatement {
  public SqlCheckpoint(SqlParserPos pos) {
    super(pos, "CHECKPOINT");
  }
}
