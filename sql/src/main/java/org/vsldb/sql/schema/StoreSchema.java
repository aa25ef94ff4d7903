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
  private final Catalog catalog;
  private final String name;
  private volatile long version = -1;
  private volatile Map<String, Table> tables = Map.of();

  public StoreSchema(Catalog catalog, String name) {
    this.catalog = catalog;
    this.name = name;
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
          tables = m;
          version = v;
        }
      }
    }
    return tables;
  }

  @Override
  public boolean isMutable() {
    return true;
  }
}
