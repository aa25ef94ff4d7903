package org.vsldb.sql.parser;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A CREATE statement vsl's grammar recognises but does not carry out, such as
 * {@code CREATE TEMPORARY TABLE}: planning it fails with 0A000 naming the feature, rather than
 * with a syntax error (the CREATE counterpart of {@link SqlUnsupportedStatement}).
 */
public final class SqlCreateUnsupported extends SqlCreate {
  private final String feature;

  public SqlCreateUnsupported(SqlParserPos pos, String feature) {
    super(new SqlSpecialOperator(feature, SqlKind.OTHER_DDL), pos, false, false);
    this.feature = feature;
  }

  /** What the statement asks for, as the error names it. */
  public String feature() {
    return feature;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(feature);
  }
}
