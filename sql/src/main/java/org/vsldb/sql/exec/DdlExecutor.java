package org.vsldb.sql.exec;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlCreateView;
import org.apache.calcite.sql.ddl.SqlDropSchema;
import org.vsldb.sql.ddl.AlterTableExecutor;
import org.vsldb.sql.ddl.TableBuilder;
import org.vsldb.sql.ddl.ViewBuilder;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.error.SqlErrors;
import org.vsldb.sql.parser.SqlAlterTable;
import org.vsldb.sql.parser.SqlCreateIndex;
import org.vsldb.sql.parser.SqlDropIndex;
import org.vsldb.sql.parser.SqlDropRelation;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.storage.Store;
import org.vsldb.storage.StoreException;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;
import org.vsldb.storage.table.ViewDef;

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
    try {
      if (node instanceof SqlCreateTable c) {
        createTable(c, schema);
      } else if (node instanceof SqlDropRelation d) {
        new org.vsldb.sql.ddl.DropExecutor(store, planner, schema).execute(d);
      } else if (node instanceof SqlAlterTable a) {
        new AlterTableExecutor(store, planner, schema).execute(a);
      } else if (node instanceof SqlCreateIndex c) {
        createIndex(c, schema);
      } else if (node instanceof SqlDropIndex d) {
        dropIndex(d, schema);
      } else if (node instanceof SqlCreateSchema c) {
        String name = single(c.name);
        if (name.equals(org.vsldb.sql.schema.InformationSchema.NAME)) {
          throw ErrorCode.SCHEMA_EXISTS.exception(name);
        }
        if (store.catalog().hasSchema(name)) {
          if (!c.ifNotExists) {
            throw ErrorCode.SCHEMA_EXISTS.exception(name);
          }
          return;
        }
        store.createSchema(name);
      } else if (node instanceof SqlDropSchema d) {
        String name = single(d.name);
        if (droppable(name, d.ifExists)) {
          store.dropSchema(name);
        }
      } else if (node instanceof org.vsldb.sql.parser.SqlDropSchemaCascade d) {
        String name = single(d.name);
        if (droppable(name, d.ifExists)) {
          new org.vsldb.sql.ddl.DropExecutor(store, planner, schema).dropSchema(name);
        }
      } else if (node instanceof org.vsldb.sql.parser.SqlCreateSequence c) {
        new org.vsldb.sql.ddl.SequenceExecutor(store, schema).create(c);
      } else if (node instanceof org.vsldb.sql.parser.SqlAlterSequence a) {
        new org.vsldb.sql.ddl.SequenceExecutor(store, schema).alter(a);
      } else if (node instanceof org.vsldb.sql.parser.SqlDropSequence d) {
        new org.vsldb.sql.ddl.SequenceExecutor(store, schema).drop(d);
      } else if (node instanceof SqlCreateView c) {
        ViewDef v = new ViewBuilder(store.catalog(), planner, schema).build(c);
        store.createView(v);
      } else {
        throw ErrorCode.unsupported(node.getKind().toString().replace('_', ' '));
      }
    } catch (StoreException e) {
      throw SqlErrors.store(e);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e); // every DDL failure leaves as an SQLException
    }
  }

  private static String single(SqlIdentifier id) throws SQLException {
    if (id.names.size() != 1) {
      throw ErrorCode.SYNTAX_ERROR.exception(id.getParserPosition().getLineNum(),
          id.getParserPosition().getColumnNum(), "a schema name has one part: " + id);
    }
    return id.getSimple();
  }

  private void createTable(SqlCreateTable create, String schema) throws SQLException {
    String[] name = org.vsldb.sql.ddl.Names.qualified(store.catalog(), create.name, schema);
    if (store.catalog().table(name[0], name[1]) != null || store.catalog().view(name[0], name[1]) != null) {
      if (create.ifNotExists) {
        return;
      }
      throw ErrorCode.TABLE_EXISTS.exception(name[0] + "." + name[1]);
    }
    if (create.getReplace()) {
      throw ErrorCode.unsupported("CREATE OR REPLACE TABLE");
    }
    if (create.query != null) {
      new org.vsldb.sql.ddl.TableFromQuery(store, planner, name[0]).create(name[1], create.columnList, create.query);
      return;
    }
    if (create.columnList == null || create.columnList.isEmpty()) {
      throw ErrorCode.SYNTAX_ERROR.exception(
          create.getParserPosition().getLineNum(),
          create.getParserPosition().getColumnNum(),
          "CREATE TABLE needs at least one column");
    }
    TableDef def = new TableBuilder(store.catalog(), planner, name[0]).build(name[1], create.columnList);
    store.createTable(def);
  }

  private void createIndex(SqlCreateIndex c, String schema) throws SQLException {
    String[] tableName = org.vsldb.sql.ddl.Names.qualified(store.catalog(), c.table, schema);
    Table t = store.catalog().table(tableName[0], tableName[1]);
    if (t == null) {
      throw ErrorCode.TABLE_NOT_FOUND.exception(tableName[0] + "." + tableName[1], "");
    }
    String indexName = c.name.names.get(c.name.names.size() - 1);
    Set<String> used = org.vsldb.sql.ddl.Names.used(store.catalog(), tableName[0]);
    if (used.contains(indexName)) {
      if (c.ifNotExists) {
        return;
      }
      throw ErrorCode.INDEX_EXISTS.exception(indexName);
    }
    int[] cols = org.vsldb.sql.ddl.TableBuilder.positions(t.def(), c.columns);
    List<IndexDef> ix = new ArrayList<>(t.def().indexes());
    ix.add(new IndexDef(indexName, cols, c.unique, null));
    int n = t.def().columns().size();
    store.alterTables(List.of(new Store.Alteration(t, t.def().withIndexes(ix), AlterTableExecutor.identityMap(n), new Object[n])));
  }

  private void dropIndex(SqlDropIndex d, String schema) throws SQLException {
    String indexSchema = d.name.names.size() == 2 ? d.name.names.get(0) : schema;
    String indexName = d.name.names.get(d.name.names.size() - 1);
    for (Table t : store.catalog().tables(indexSchema)) {
      IndexDef i = t.def().index(indexName);
      if (i != null) {
        if (i.constraint() != null) {
          throw ErrorCode.DEPENDENT_OBJECT.exception("index " + indexName
              + " belongs to constraint " + i.constraint() + "; drop the constraint instead");
        }
        List<IndexDef> ix = new ArrayList<>(t.def().indexes());
        ix.remove(i);
        int n = t.def().columns().size();
        store.alterTables(List.of(new Store.Alteration(t, t.def().withIndexes(ix), AlterTableExecutor.identityMap(n), new Object[n])));
        return;
      }
    }
    if (!d.ifExists) {
      throw ErrorCode.INDEX_NOT_FOUND.exception(indexName);
    }
  }

  /**
   * Whether schema {@code name} is there to drop: false for a missing one with IF EXISTS.
   *
   * @throws SQLException 90079 for a missing one without IF EXISTS; 90107 for PUBLIC
   */
  private boolean droppable(String name, boolean ifExists) throws SQLException {
    if (!store.catalog().hasSchema(name)) {
      if (!ifExists) {
        throw ErrorCode.SCHEMA_NOT_FOUND.exception(name);
      }
      return false;
    }
    if (name.equals(org.vsldb.storage.table.Catalog.DEFAULT_SCHEMA)) {
      throw ErrorCode.DEPENDENT_OBJECT.exception("the schema PUBLIC cannot be dropped");
    }
    return true;
  }
}
