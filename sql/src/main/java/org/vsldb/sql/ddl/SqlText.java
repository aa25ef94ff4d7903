package org.vsldb.sql.ddl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * SQL text of parsed expressions and queries, as vsl stores it for DEFAULT, CHECK and views:
 * identifiers quoted in their exact case, so the text parses back to the same meaning, except the
 * names of functions called by a plain name that is no keyword ({@code LPAD('a', 3, 'x')},
 * {@code RANDOM_UUID()}), which read back alike either way and are shown as written, as H2 and
 * tools that read {@code COLUMN_DEF} expect.
 */
public final class SqlText {
  private SqlText() {}

  /** A quoted plain upper-case name followed by "(", or a string literal (skipped). */
  private static final Pattern CALL_OR_STRING = Pattern.compile("'(?:[^']|'')*'|\"([A-Z][A-Z0-9_]*)\"\\(");

  /** The grammar's keywords, which stay quoted. */
  private static final class Keywords {
    static final SqlAbstractParserImpl.Metadata METADATA = SqlParser.create("",
        SqlParser.config().withParserFactory(org.vsldb.sql.parser.impl.VslSqlParserImpl.FACTORY)).getMetadata();
  }

  /** The SQL text of {@code node}. */
  public static String of(SqlNode node) {
    String sql = node.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT)
        .withAlwaysUseParentheses(false)
        .withQuoteAllIdentifiers(true)
        .withIndentation(0)
        .withClauseStartsLine(false)
        .withClauseEndsLine(false)).getSql().replace('\n', ' ');
    Matcher m = CALL_OR_STRING.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String replacement = name == null || Keywords.METADATA.isKeyword(name) ? m.group() : name + "(";
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
