package org.vsldb.sql.schema;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.vsldb.storage.table.Catalog;

/**
 * One schema of the store's catalog as a Calcite schema. Its table map is rebuilt only when the
 * catalog's version changes, so DDL is seen at once and lookups stay cheap.
 */
public final class StoreSchema extends AbstractSchema {
  /** Gives a view's row type, by validating its query. */
  @FunctionalInterface
  public interface ViewTyper {
    org.apache.calcite.rel.type.RelDataType rowType(String sql, String schema);
  }

  private final Catalog catalog;
  private final String name;
  private final ViewTyper viewTyper;
  private volatile long version = -1;
  private volatile Map<String, Table> tables = Map.of();

  public StoreSchema(Catalog catalog, String name, ViewTyper viewTyper) {
    this.catalog = catalog;
    this.name = name;
    this.viewTyper = viewTyper;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    long v = catalog.version();
    if (v != version) {
      synchronized (this) {
        if (v != version) {
          Map<String, Table> m = new HashMap<>();
          for (org.vsldb.storage.table.Table t : catalog.tables(name)) {
            m.put(t.def().name(), new StoreTable(t));
          }
          for (org.vsldb.storage.table.ViewDef view : catalog.views(name)) {
            m.put(view.name(), view(view));
          }
          tables = m;
          version = v;
        }
      }
    }
    return tables;
  }

  private Table view(org.vsldb.storage.table.ViewDef v) {
    org.apache.calcite.rel.type.RelProtoDataType proto = f -> {
      org.apache.calcite.rel.type.RelDataType t = viewTyper.rowType(v.sql(), v.schema());
      if (v.columnNames().isEmpty()) {
        return t;
      }
      return f.createStructType(
          t.getFieldList().stream().map(x -> x.getType()).toList(), v.columnNames());
    };
    return new org.apache.calcite.schema.impl.ViewTable(
        Object[].class, proto, v.sql(), java.util.List.of(v.schema()), java.util.List.of(v.schema(), v.name()));
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
