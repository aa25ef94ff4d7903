package org.vsldb.sql.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.exec.VslDataContext;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.sql.type.TypeMapping;
import org.vsldb.sql.type.Values;
import org.vsldb.storage.Store;
import org.vsldb.storage.Transaction;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * {@code CREATE TABLE t [(names)] AS query}: a table with the query's column types (all
 * nullable, no constraints), filled with its rows. The table is created first and filled in a
 * second transaction; if filling fails, the table is dropped again.
 */
public final class TableFromQuery {
  private final Store store;
  private final StatementPlanner planner;
  private final String schema;

  public TableFromQuery(Store store, StatementPlanner planner, String schema) {
    this.store = store;
    this.planner = planner;
    this.schema = schema;
  }

  public void create(String name, SqlNodeList names, SqlNode query) throws SQLException {
    CompiledQuery q;
    List<ColumnDef> columns = new ArrayList<>();
    try {
      SqlValidator validator = planner.newValidator(schema);
      SqlNode validated = validator.validate(query);
      RelRoot root = planner.toRel(validated, validator, schema);
      q = planner.compile(root, root.validatedRowType, null, validator.getParameterRowType(validated));
      List<RelDataTypeField> fields = root.validatedRowType.getFieldList();
      if (names != null && names.size() != fields.size()) {
        throw ErrorCode.INVALID_DEFINITION.exception("CREATE TABLE " + name + " names " + names.size()
            + " columns but its query has " + fields.size());
      }
      for (int i = 0; i < fields.size(); i++) {
        String col = names == null ? fields.get(i).getName() : ((SqlIdentifier) names.get(i)).getSimple();
        for (ColumnDef c : columns) {
          if (c.name().equals(col)) {
            throw ErrorCode.COLUMN_EXISTS.exception(col);
          }
        }
        columns.add(TypeMapping.toColumnDef(col, fields.get(i).getType()).withNullable(true));
      }
    } catch (SQLException e) {
      throw e;
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
    Table table = store.createTable(new TableDef(schema, name, columns, new int[0]));
    Transaction txn = store.begin();
    try {
      Enumerator<Object> e = q.bindable().bind(new VslDataContext(planner.rootSchema(), planner.typeFactory(),
          txn, new Object[0], q.stash(), new AtomicBoolean())).enumerator();
      try {
        while (e.moveNext()) {
          Object r = e.current();
          Object[] row = q.scalarRows() ? new Object[] {r} : (Object[]) r;
          Object[] values = new Object[columns.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = Values.forColumn(row[i], columns.get(i), name);
          }
          txn.insert(table, values);
        }
      } finally {
        e.close();
      }
      txn.commit();
    } catch (Throwable t) {
      txn.rollback();
      store.dropTable(table);
      throw SqlErrors.translate(t);
    }
  }
}
