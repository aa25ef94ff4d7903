package org.vsldb.sql.ddl;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.parser.SqlDropRelation;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.storage.Store;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.ViewDef;

/**
 * Runs {@code DROP TABLE} and {@code DROP VIEW}, as H2 does: RESTRICT (the default) refuses with
 * 90107 while a view uses the object or another table's foreign key references it; CASCADE drops
 * those views (and the views that use them) and foreign keys in the same transaction. Also
 * {@code DROP SCHEMA ... CASCADE} ({@link #dropSchema}).
 */
public final class DropExecutor {
  private final Store store;
  private final StatementPlanner planner;
  private final String schema;

  public DropExecutor(Store store, StatementPlanner planner, String schema) {
    this.store = store;
    this.planner = planner;
    this.schema = schema;
  }

  public void execute(SqlDropRelation drop) throws SQLException {
    Catalog catalog = store.catalog();
    String[] name = Names.qualified(catalog, drop.name, schema);
    Table table = drop.isView() ? null : catalog.table(name[0], name[1]);
    if (drop.isView() ? catalog.view(name[0], name[1]) == null : table == null) {
      if (drop.ifExists) {
        return;
      }
      throw drop.isView()
          ? ErrorCode.VIEW_NOT_FOUND.exception(name[0] + "." + name[1])
          : ErrorCode.TABLE_NOT_FOUND.exception(name[0] + "." + name[1], "");
    }
    Map<String, String[]> views = dependentViews(catalog, name);
    List<Table> referrers = table == null ? List.of() : referrers(catalog, table);
    if (!drop.cascade && (!views.isEmpty() || !referrers.isEmpty())) {
      String what = !views.isEmpty()
          ? "view " + views.keySet().iterator().next() + " uses it"
          : "a foreign key of table " + referrers.get(0).def().name() + " references it";
      throw ErrorCode.DEPENDENT_OBJECT.exception("cannot drop " + name[1] + ": " + what
          + "; drop that first or use CASCADE");
    }
    List<String[]> dropped = new ArrayList<>(views.values());
    if (drop.isView()) {
      dropped.add(0, name);
    }
    List<Store.Alteration> alterations = new ArrayList<>();
    for (Table child : referrers) {
      List<ForeignKeyDef> kept = new ArrayList<>();
      for (ForeignKeyDef fk : child.def().foreignKeys()) {
        if (fk.refTableId() != table.id()) {
          kept.add(fk);
        }
      }
      int n = child.def().columns().size();
      alterations.add(new Store.Alteration(
          child, child.def().withForeignKeys(kept), AlterTableExecutor.identityMap(n), new Object[n]));
    }
    store.dropCascade(dropped, alterations, table);
  }

  /**
   * {@code DROP SCHEMA name CASCADE}, as H2 and PostgreSQL run it: the schema's tables, views and
   * sequences, the views of other schemas that use them and the foreign keys of other schemas'
   * tables that reference them, all in one committed transaction.
   */
  public void dropSchema(String name) {
    Catalog catalog = store.catalog();
    Map<String, String[]> views = new LinkedHashMap<>();
    for (ViewDef v : catalog.views(name)) {
      String[] q = {v.schema(), v.name()};
      views.put(v.schema() + "." + v.name(), q);
      views.putAll(dependentViews(catalog, q));
    }
    java.util.Set<Integer> dropped = new java.util.HashSet<>();
    for (Table t : catalog.tables(name)) {
      dropped.add(t.id());
      views.putAll(dependentViews(catalog, new String[] {name, t.def().name()}));
    }
    List<Store.Alteration> alterations = new ArrayList<>();
    for (Table t : catalog.tables()) {
      if (dropped.contains(t.id())) {
        continue;
      }
      List<ForeignKeyDef> kept = new ArrayList<>();
      for (ForeignKeyDef fk : t.def().foreignKeys()) {
        if (!dropped.contains(fk.refTableId())) {
          kept.add(fk);
        }
      }
      if (kept.size() < t.def().foreignKeys().size()) {
        int n = t.def().columns().size();
        alterations.add(new Store.Alteration(
            t, t.def().withForeignKeys(kept), AlterTableExecutor.identityMap(n), new Object[n]));
      }
    }
    store.dropSchemaCascade(name, new ArrayList<>(views.values()), alterations);
  }

  /** The views that use {@code name}, directly or through other views, by qualified name. */
  private Map<String, String[]> dependentViews(Catalog catalog, String[] name) {
    Map<String, String[]> found = new LinkedHashMap<>();
    List<String[]> work = new ArrayList<>();
    work.add(name);
    while (!work.isEmpty()) {
      String[] used = work.remove(work.size() - 1);
      for (ViewDef v : catalog.views()) {
        String key = v.schema() + "." + v.name();
        boolean self = v.schema().equals(name[0]) && v.name().equals(name[1]);
        if (!self && !found.containsKey(key) && ViewBuilder.uses(planner, v, used[0], used[1])) {
          found.put(key, new String[] {v.schema(), v.name()});
          work.add(new String[] {v.schema(), v.name()});
        }
      }
    }
    return found;
  }

  /** The other tables with a foreign key that references {@code table}. */
  private static List<Table> referrers(Catalog catalog, Table table) {
    List<Table> out = new ArrayList<>();
    for (Table t : catalog.tables()) {
      if (t.id() != table.id()
          && t.def().foreignKeys().stream().anyMatch(fk -> fk.refTableId() == table.id())) {
        out.add(t);
      }
    }
    return out;
  }
}
