package org.vsldb.storage;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.Index;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.RowVersion;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Checks the newest committed rows of a table against every constraint of its definition: what
 * an ALTER TABLE or CREATE UNIQUE INDEX must hold before it commits.
 */
final class ExistingRows {
  private ExistingRows() {}

  static void check(Catalog catalog, Table table) {
    TableDef def = table.def();
    List<ColumnDef> cols = def.columns();
    List<IndexDef> uniques = def.indexes().stream().filter(IndexDef::unique).toList();
    @SuppressWarnings("unchecked")
    Set<List<Object>>[] seen = new Set[uniques.size() + 1];
    for (int i = 0; i < seen.length; i++) {
      seen[i] = new HashSet<>();
    }
    java.util.Map<String, Set<List<Object>>> parentKeys = new java.util.HashMap<>();
    for (Iterator<RowVersion> it = table.scan(Table.NEWEST); it.hasNext(); ) {
      Object[] row = it.next().values();
      for (int c = 0; c < cols.size(); c++) {
        if (row[c] == null && !cols.get(c).nullable()) {
          throw new StoreException(Reason.NULLS_IN_COLUMN, "column " + cols.get(c).name() + " of table "
              + def.name() + " holds NULL in an existing row");
        }
      }
      if (def.hasPrimaryKey()) {
        unique(seen[0], Constraints.project(row, def.primaryKey()), "primary key " + def.primaryKeyName(), def);
      }
      for (int u = 0; u < uniques.size(); u++) {
        unique(seen[u + 1], Constraints.project(row, uniques.get(u).columns()), uniques.get(u).name(), def);
      }
      for (ForeignKeyDef fk : def.foreignKeys()) {
        Object[] key = Constraints.project(row, fk.columns());
        if (Index.hasNull(key)) {
          continue;
        }
        Table parent = catalog.table(fk.refTableId());
        if (parent == null
            || !parentKeys.computeIfAbsent(fk.name(), n -> liveKeys(parent, fk.refColumns()))
                .contains(Arrays.asList(key))) {
          StoreException e = Constraints.missingParent(catalog, table, fk, key);
          throw new StoreException(Reason.FOREIGN_KEY, "an existing row violates it: " + e.getMessage());
        }
      }
    }
  }

  private static void unique(Set<List<Object>> seen, Object[] key, String what, TableDef def) {
    if (!Index.hasNull(key) && !seen.add(Arrays.asList(key))) {
      throw new StoreException(Reason.DUPLICATE_KEY, "existing rows of " + def.schema() + "."
          + def.name() + " duplicate " + Arrays.toString(key) + ", so " + what + " cannot hold");
    }
  }

  private static Set<List<Object>> liveKeys(Table t, int[] columns) {
    Set<List<Object>> keys = new HashSet<>();
    for (Iterator<RowVersion> it = t.scan(Table.NEWEST); it.hasNext(); ) {
      RowVersion v = it.next();
      if (v.isLive()) {
        keys.add(Arrays.asList(Constraints.project(v.values(), columns)));
      }
    }
    return keys;
  }
}
