package org.vsldb.sql.exec;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.sql.type.TypeMapping;
import org.vsldb.storage.Store;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Runs DDL against the store, one {@code execute} per statement kind. DDL commits implicitly: the
 * session commits its open transaction first, and each statement is its own logged transaction.
 */
final class DdlExecutor {
  private final Store store;
  private final StatementPlanner planner;

  DdlExecutor(Store store, StatementPlanner planner) {
    this.store = store;
    this.planner = planner;
  }

  void execute(SqlNode node, String schema) throws SQLException {
    if (node instanceof SqlCreateTable c) {
      execute(c, schema);
    } else if (node instanceof SqlDropTable d) {
      execute(d, schema);
    } else {
      throw ErrorCode.unsupported(node.getKind().toString().replace('_', ' '));
    }
  }

  private void execute(SqlCreateTable create, String schema) throws SQLException {
    String[] name = qualified(create.name, schema);
    if (store.catalog().table(name[0], name[1]) != null) {
      if (create.ifNotExists) {
        return;
      }
      throw ErrorCode.TABLE_EXISTS.exception(name[0] + "." + name[1]);
    }
    if (create.query != null) {
      throw ErrorCode.unsupported("CREATE TABLE ... AS query");
    }
    if (create.getReplace()) {
      throw ErrorCode.unsupported("CREATE OR REPLACE TABLE");
    }
    SqlNodeList elements = create.columnList;
    if (elements == null || elements.isEmpty()) {
      throw ErrorCode.SYNTAX_ERROR.exception(
          create.getParserPosition().getLineNum(),
          create.getParserPosition().getColumnNum(),
          "CREATE TABLE needs at least one column");
    }
    SqlValidator validator = planner.newValidator(schema);
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> pk = new LinkedHashSet<>();
    for (SqlNode e : elements) {
      if (e instanceof SqlColumnDeclaration col) {
        String colName = col.name.getSimple();
        for (ColumnDef c : columns) {
          if (c.name().equals(colName)) {
            throw ErrorCode.SYNTAX_ERROR.exception(
                col.getParserPosition().getLineNum(),
                col.getParserPosition().getColumnNum(),
                "duplicate column name " + colName);
          }
        }
        if (col.strategy == ColumnStrategy.DEFAULT) {
          throw ErrorCode.unsupported("DEFAULT values (column " + colName + ")");
        }
        if (col.strategy == ColumnStrategy.VIRTUAL || col.strategy == ColumnStrategy.STORED) {
          throw ErrorCode.unsupported("generated columns (column " + colName + ")");
        }
        Boolean nullable = col.dataType.getNullable();
        RelDataType type = col.dataType.deriveType(validator, nullable == null || nullable);
        columns.add(TypeMapping.toColumnDef(colName, type));
      } else if (e instanceof SqlKeyConstraint key && key.getKind() == SqlKind.PRIMARY_KEY) {
        if (!pk.isEmpty()) {
          throw ErrorCode.SYNTAX_ERROR.exception(
              key.getParserPosition().getLineNum(),
              key.getParserPosition().getColumnNum(),
              "table " + name[1] + " has more than one primary key");
        }
        SqlNodeList cols = (SqlNodeList) key.getOperandList().get(1);
        for (SqlNode c : cols) {
          pk.add(((SqlIdentifier) c).getSimple());
        }
      } else if (e instanceof SqlKeyConstraint) {
        throw ErrorCode.unsupported("UNIQUE constraints");
      } else {
        throw ErrorCode.unsupported(e.getKind().toString().replace('_', ' ') + " constraints");
      }
    }
    int[] pkPositions = new int[pk.size()];
    int i = 0;
    for (String colName : pk) {
      int pos = -1;
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).name().equals(colName)) {
          pos = c;
        }
      }
      if (pos < 0) {
        throw ErrorCode.COLUMN_NOT_FOUND.exception(colName, " in table " + name[1]);
      }
      columns.set(pos, columns.get(pos).withNullable(false));
      pkPositions[i++] = pos;
    }
    store.createTable(new TableDef(name[0], name[1], columns, pkPositions));
  }

  private void execute(SqlDropTable drop, String schema) throws SQLException {
    String[] name = qualified(drop.name, schema);
    Table t = store.catalog().table(name[0], name[1]);
    if (t == null) {
      if (drop.ifExists) {
        return;
      }
      throw ErrorCode.TABLE_NOT_FOUND.exception(name[0] + "." + name[1], "");
    }
    store.dropTable(t);
  }

  private String[] qualified(SqlIdentifier id, String schema) throws SQLException {
    List<String> names = id.names;
    if (names.size() == 1 || names.size() == 2) {
      String[] q = names.size() == 1
          ? new String[] {schema, names.get(0)}
          : new String[] {names.get(0), names.get(1)};
      if (!store.catalog().schemaNames().contains(q[0])) {
        throw ErrorCode.SCHEMA_NOT_FOUND.exception(q[0]);
      }
      return q;
    }
    throw ErrorCode.SYNTAX_ERROR.exception(
        id.getParserPosition().getLineNum(),
        id.getParserPosition().getColumnNum(),
        "invalid table name " + id);
  }
}
