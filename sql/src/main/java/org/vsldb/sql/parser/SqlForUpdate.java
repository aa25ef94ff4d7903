package org.vsldb.sql.parser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code <query> FOR UPDATE [OF columns]}: the query, whose rows are also locked for writing
 * until the transaction ends. Calcite's grammar has no such clause, so the statement's text is
 * recognised by its end ({@link #split}) only when it does not parse as it is.
 */
public final class SqlForUpdate extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("FOR UPDATE", SqlKind.OTHER);

  /** The clause at the end of a statement, with a trailing semicolon and blanks. */
  private static final Pattern CLAUSE = Pattern.compile(
      "(?is)^(.*\\S)\\s+FOR\\s+UPDATE(\\s+OF\\s+[\\w\"$.]+(\\s*,\\s*[\\w\"$.]+)*)?"
          + "(\\s+(NOWAIT|SKIP\\s+LOCKED|WAIT\\s+\\d+))?\\s*;?\\s*$");

  private final SqlNode query;
  private final String queryText;

  public SqlForUpdate(SqlParserPos pos, SqlNode query, String queryText) {
    super(pos);
    this.query = query;
    this.queryText = queryText;
  }

  /** The query whose rows are locked. */
  public SqlNode query() {
    return query;
  }

  /** The query's text, to parse again into a tree of its own. */
  public String queryText() {
    return queryText;
  }

  /**
   * The statement {@code sql} without its {@code FOR UPDATE} clause, or null when it has none.
   *
   * @throws IllegalArgumentException for NOWAIT, SKIP LOCKED or WAIT, which vsl does not offer
   */
  public static String split(String sql) {
    Matcher m = CLAUSE.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    if (m.group(4) != null) {
      throw new UnsupportedOperationException("FOR UPDATE " + m.group(5).toUpperCase(java.util.Locale.ROOT));
    }
    return m.group(1);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, leftPrec, rightPrec);
    writer.keyword("FOR UPDATE");
  }
}
