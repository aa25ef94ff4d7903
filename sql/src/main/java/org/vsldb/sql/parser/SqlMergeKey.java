package org.vsldb.sql.parser;

import java.util.ArrayList;
import java.util.List;
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
 * H2's upsert, {@code MERGE INTO t [(columns)] [KEY (columns)] {VALUES ... | query}}: each source
 * row updates the row of {@code t} with the same key, or is inserted when there is none. Planned
 * as the standard MERGE it stands for, once the table's columns and key are known.
 */
public final class SqlMergeKey extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("MERGE", SqlKind.OTHER);

  private final SqlIdentifier table;
  private final SqlNodeList columns;
  private final SqlNodeList keys;
  private final SqlNode source;

  /**
   * @param columns the columns the source gives, or null for all of the table's, in order
   * @param keys the columns that find a row, or null for the primary key
   */
  public SqlMergeKey(SqlParserPos pos, SqlIdentifier table, SqlNodeList columns, SqlNodeList keys, SqlNode source) {
    super(pos);
    this.table = table;
    this.columns = columns;
    this.keys = keys;
    this.source = source;
  }

  public SqlIdentifier table() {
    return table;
  }

  /** The names of the columns the source gives, or null for all of the table's. */
  public List<String> columns() {
    return names(columns);
  }

  /** The names of the key columns, or null for the primary key. */
  public List<String> keys() {
    return names(keys);
  }

  /** The rows: a VALUES list or a query. */
  public SqlNode source() {
    return source;
  }

  private static List<String> names(SqlNodeList list) {
    if (list == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (SqlNode n : list) {
      out.add(((SqlIdentifier) n).getSimple());
    }
    return out;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> out = new ArrayList<>();
    out.add(table);
    out.add(columns);
    out.add(keys);
    out.add(source);
    return out;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("MERGE INTO");
    table.unparse(writer, 0, 0);
    if (columns != null) {
      columns.unparse(writer, 0, 0);
    }
    if (keys != null) {
      writer.keyword("KEY");
      keys.unparse(writer, 0, 0);
    }
    source.unparse(writer, 0, 0);
  }
}
