package org.vsldb.sql.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code COPY DATABASE TO|FROM 'file'}, {@code COPY table [(columns)] TO|FROM 'file' [WITH (...)]}
 * and {@code COPY (query) TO 'file' [WITH (...)]}, as PRODUCT.md section 3.3 defines them.
 */
public final class SqlCopy extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("COPY", SqlKind.OTHER);

  /** Whether the statement copies the whole database. */
  public final boolean database;
  /** The table, for a table copy; null otherwise. */
  public final SqlIdentifier table;
  /** The columns of a table copy, or null for all. */
  public final SqlNodeList columns;
  /** The query of {@code COPY (query) TO}, or null. */
  public final SqlNode query;
  /** True for TO (export), false for FROM (import). */
  public final boolean to;
  public final String file;
  /** The WITH options, by upper-case name, as literal values (alternating name, value when built). */
  public final Map<String, SqlNode> options;

  public SqlCopy(SqlParserPos pos, boolean database, SqlIdentifier table, SqlNodeList columns,
      SqlNode query, boolean to, String file, List<SqlNode> options) {
    super(pos);
    this.database = database;
    this.table = table;
    this.columns = columns;
    this.query = query;
    this.to = to;
    this.file = file;
    this.options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < options.size(); i += 2) {
      this.options.put(((org.apache.calcite.sql.SqlLiteral) options.get(i)).getValueAs(String.class), options.get(i + 1));
    }
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> l = new ArrayList<>();
    l.add(table);
    l.add(columns);
    l.add(query);
    return l;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("COPY");
    if (database) {
      writer.keyword("DATABASE");
    } else if (table != null) {
      table.unparse(writer, 0, 0);
    } else {
      writer.print("(" + query + ")");
    }
    writer.keyword(to ? "TO" : "FROM");
    writer.print("'" + file.replace("'", "''") + "'");
  }
}
