package org.vsldb.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.parser.SqlMergeKey;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * What vsl does to a MERGE before Calcite validates it.
 *
 * <p>{@link #toMerge} turns H2's {@code MERGE INTO t [(columns)] [KEY (keys)] source} into the
 * standard MERGE of the same meaning:
 *
 * <pre>
 * MERGE INTO t AS "vsl$target"
 * USING (source) AS "vsl$source" (columns)
 * ON "vsl$target".k = "vsl$source".k AND ...                 -- each key column
 * WHEN MATCHED THEN UPDATE SET c = "vsl$source".c, ...       -- each column that is not a key (else each key)
 * WHEN NOT MATCHED THEN INSERT (columns) VALUES ("vsl$source".c, ...)
 * </pre>
 *
 * The columns default to all of the table's, the keys to its primary key. A source row whose key
 * is NULL matches nothing and is inserted, as in H2.
 */
final class Merges {
  private static final String TARGET = "vsl$target";
  private static final String SOURCE = "vsl$source";

  private Merges() {}

  /**
   * {@code merge} with a {@code WHEN MATCHED} clause: its own, or, when it has none, one that sets
   * the table's first column to itself, which the session never applies (the statement's
   * {@code Command.MergeClauses} say it has none). Calcite's plan of a MERGE carries the matched
   * target row only when there is such a clause; without it, the session could not tell a source
   * row that matched (and must be left alone) from one that did not (and is inserted).
   */
  static SqlMerge withMatchedRows(SqlMerge merge, Catalog catalog, String schema) throws SQLException {
    if (merge.getUpdateCall() != null || !(merge.getTargetTable() instanceof SqlIdentifier id)) {
      return merge;
    }
    TableDef def = table(id, catalog, schema).def();
    String first = def.columns().get(0).name();
    SqlParserPos pos = merge.getParserPosition();
    List<String> qualified = merge.getAlias() != null
        ? List.of(merge.getAlias().getSimple(), first)
        : List.of(id.names.get(id.names.size() - 1), first);
    SqlNodeList set = new SqlNodeList(List.of(new SqlIdentifier(first, pos)), pos);
    SqlNodeList value = new SqlNodeList(List.of(new SqlIdentifier(qualified, pos)), pos);
    SqlUpdate keep = new SqlUpdate(pos, id, set, value, null, null, merge.getAlias());
    return new SqlMerge(pos, id, merge.getCondition(), merge.getSourceTableRef(), keep,
        merge.getInsertCall(), null, merge.getAlias());
  }

  private static Table table(SqlIdentifier id, Catalog catalog, String schema) throws SQLException {
    List<String> names = id.names;
    String tableSchema = names.size() > 1 ? names.get(names.size() - 2) : schema;
    String tableName = names.get(names.size() - 1);
    Table table = catalog.table(tableSchema, tableName);
    if (table == null) {
      throw ErrorCode.TABLE_NOT_FOUND.exception(tableName, "");
    }
    return table;
  }

  static SqlMerge toMerge(SqlMergeKey m, Catalog catalog, String schema) throws SQLException {
    String tableName = m.table().names.get(m.table().names.size() - 1);
    TableDef def = table(m.table(), catalog, schema).def();
    List<String> columns = m.columns() != null ? m.columns() : def.columns().stream().map(c -> c.name()).toList();
    List<String> keys = m.keys() != null ? m.keys() : def.primaryKeyNames();
    if (keys.isEmpty()) {
      throw ErrorCode.INVALID_STATEMENT.exception(1, 1,
          "MERGE INTO " + tableName + " needs KEY (columns): the table has no primary key");
    }
    for (String k : keys) {
      if (!columns.contains(k)) {
        throw ErrorCode.COLUMN_NOT_FOUND_IN_STATEMENT.exception(
            "Key column " + k + " of MERGE INTO " + tableName + " is not among the columns it is given");
      }
    }
    SqlParserPos pos = m.getParserPosition();
    SqlIdentifier target = new SqlIdentifier(TARGET, pos);
    List<SqlNode> as = new ArrayList<>(List.of(m.source(), new SqlIdentifier(SOURCE, pos)));
    for (String c : columns) {
      as.add(new SqlIdentifier(c, pos));
    }
    SqlNode source = SqlStdOperatorTable.AS.createCall(pos, as);
    SqlNode on = null;
    for (String k : keys) {
      SqlNode eq = SqlStdOperatorTable.EQUALS.createCall(pos,
          new SqlIdentifier(List.of(TARGET, k), pos), new SqlIdentifier(List.of(SOURCE, k), pos));
      on = on == null ? eq : SqlStdOperatorTable.AND.createCall(pos, on, eq);
    }
    SqlNodeList set = new SqlNodeList(pos);
    SqlNodeList setValues = new SqlNodeList(pos);
    SqlNodeList insertColumns = new SqlNodeList(pos);
    List<SqlNode> row = new ArrayList<>();
    for (String c : columns) {
      insertColumns.add(new SqlIdentifier(c, pos));
      row.add(new SqlIdentifier(List.of(SOURCE, c), pos));
      if (!keys.contains(c)) {
        set.add(new SqlIdentifier(c, pos));
        setValues.add(new SqlIdentifier(List.of(SOURCE, c), pos));
      }
    }
    if (set.isEmpty()) {
      // every column given is a key: a matched row is still updated (to itself) and counted, as in H2
      for (String k : keys) {
        set.add(new SqlIdentifier(k, pos));
        setValues.add(new SqlIdentifier(List.of(SOURCE, k), pos));
      }
    }
    SqlUpdate update = new SqlUpdate(pos, m.table(), set, setValues, null, null, target);
    SqlNode values = SqlStdOperatorTable.VALUES.createCall(pos, SqlStdOperatorTable.ROW.createCall(pos, row));
    SqlInsert insert = new SqlInsert(pos, SqlNodeList.EMPTY, m.table(), values, insertColumns);
    return new SqlMerge(pos, m.table(), on, source, update, insert, null, target);
  }
}
