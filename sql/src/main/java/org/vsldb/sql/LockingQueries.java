package org.vsldb.sql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.exec.Command;
import org.vsldb.sql.parser.SqlForUpdate;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.sql.schema.StoreTable;

/**
 * Plans {@code query FOR UPDATE}: beside the query's own plan, a query of the same rows with
 * every column of its table after the query's items, which names the rows to lock (the session
 * finds each row by its values, as for a DELETE). Only a query of one table, without grouping,
 * aggregates, DISTINCT, windows or set operations, returns rows of a table; any other is
 * refused with 0A000.
 */
final class LockingQueries {
  private LockingQueries() {}

  static Command.Query plan(StatementPlanner planner, SqlForUpdate forUpdate, Command.Query query,
      String schema) throws Exception {
    SqlNode lockNode = planner.parse(forUpdate.queryText()); // a tree of its own: validation rewrites it
    SqlSelect select = lockNode instanceof SqlOrderBy ob
        ? (ob.query instanceof SqlSelect s ? s : null)
        : lockNode instanceof SqlSelect s ? s : null;
    if (select == null || select.getGroup() != null || select.getHaving() != null || select.isDistinct()
        || !isOneTable(select.getFrom()) || !select.getWindowList().isEmpty()) {
      throw unsupported();
    }
    List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
    items.add(SqlIdentifier.star(SqlParserPos.ZERO));
    select.setSelectList(new SqlNodeList(items, select.getSelectList().getParserPosition()));
    SqlValidator validator = planner.newValidator(schema);
    SqlNode validated;
    try {
      validated = validator.validate(lockNode);
    } catch (org.apache.calcite.runtime.CalciteContextException e) {
      // the query itself validated: only the added columns can fail, beside an aggregate
      throw unsupported();
    }
    if (validator.isAggregate(select)) {
      throw unsupported();
    }
    RelRoot root = planner.toRel(validated, validator, schema);
    List<RelOptTable> tables = RelOptUtil.findAllTables(root.rel);
    StoreTable table = tables.size() == 1 ? tables.get(0).unwrap(StoreTable.class) : null;
    if (table == null) {
      throw ErrorCode.unsupported("FOR UPDATE of a view or a system table");
    }
    CompiledQuery locks =
        planner.compile(root, root.validatedRowType, null, validator.getParameterRowType(validated));
    return new Command.Query(query.query(), query.version(), new Command.ForUpdate(locks, table.table()));
  }

  private static boolean isOneTable(SqlNode from) {
    return from instanceof SqlIdentifier
        || (from != null && from.getKind() == SqlKind.AS && ((SqlCall) from).operand(0) instanceof SqlIdentifier);
  }

  private static SQLException unsupported() {
    return ErrorCode.unsupported("FOR UPDATE of a query that is not of one table's rows"
        + " (a join, grouping, an aggregate, DISTINCT or a set operation)");
  }
}
