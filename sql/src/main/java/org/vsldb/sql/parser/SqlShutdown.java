package org.vsldb.sql.parser;

import org.apache.calcite.sql.parser.SqlParserPos;

/** The statement {@code SHUTDOWN}: close the database (an in-memory one is discarded). */
public final class SqlShutdown extends SqlKeywordStatement {
  public SqlShutdown(SqlParserPos pos) {
    super(pos, "SHUTDOWN");
  }
}
