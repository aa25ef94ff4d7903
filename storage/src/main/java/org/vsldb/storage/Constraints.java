package org.vsldb.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vsldb.storage.StoreException.Reason;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.ForeignKeyDef;
import org.vsldb.storage.table.Index;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * The shared pieces of constraint checking: keys of rows, the indexes that answer a key, the
 * foreign keys that reference a table, and the exceptions for violations. Used both by statements
 * (against the transaction's view) and by commit (against the newest committed state).
 */
final class Constraints {
  private Constraints() {}

  /** A foreign key of table {@code child} that references some parent table. */
  record Referrer(Table child, ForeignKeyDef fk) {}

  /** The values of {@code columns} in {@code row}. */
  static Object[] project(Object[] row, int[] columns) {
    Object[] k = new Object[columns.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = row[columns[i]];
    }
    return k;
  }

  /** An index of {@code table} whose leading columns are exactly {@code columns}, or null. */
  static Index indexOn(Table table, int[] columns) {
    for (Index ix : table.indexes()) {
      int[] c = ix.def().columns();
      if (c.length >= columns.length && Arrays.equals(Arrays.copyOf(c, columns.length), columns)) {
        return ix;
      }
    }
    return null;
  }

  /** Every foreign key, in any table, that references {@code parent}. */
  static List<Referrer> referrers(Catalog catalog, Table parent) {
    List<Referrer> out = new ArrayList<>();
    for (Table t : catalog.tables()) {
      for (ForeignKeyDef fk : t.def().foreignKeys()) {
        if (fk.refTableId() == parent.id()) {
          out.add(new Referrer(t, fk));
        }
      }
    }
    return out;
  }

  static StoreException duplicate(WriteSet ws, int slot, Object[] values) {
    TableDef def = ws.table.def();
    Index ix = ws.uniqueIndex(slot);
    String what;
    int[] cols;
    if (ix == null) {
      what = "primary key " + def.primaryKeyName();
      cols = def.primaryKey();
    } else {
      IndexDef d = ix.def();
      what = (d.isUniqueConstraint() ? "unique constraint " : "unique index ") + d.name();
      cols = d.columns();
    }
    return new StoreException(
        Reason.DUPLICATE_KEY,
        "duplicate key violates " + what + " on " + def.schema() + "." + def.name()
            + def.names(cols) + ": " + Arrays.toString(project(values, cols)));
  }

  static StoreException missingParent(Catalog catalog, Table child, ForeignKeyDef fk, Object[] key) {
    Table parent = catalog.table(fk.refTableId());
    String parentName = parent == null ? "(dropped table)" : qualified(parent.def()) + parent.def().names(fk.refColumns());
    return new StoreException(
        Reason.FOREIGN_KEY,
        "foreign key " + fk.name() + " on " + qualified(child.def()) + child.def().names(fk.columns())
            + " references " + parentName + ", which has no row with " + Arrays.toString(key));
  }

  static StoreException childExists(Catalog catalog, Table child, ForeignKeyDef fk, Table parent, Object[] key) {
    return new StoreException(
        Reason.FOREIGN_KEY,
        "row of " + qualified(parent.def()) + " with " + parent.def().names(fk.refColumns()) + " = "
            + Arrays.toString(key) + " is still referenced by " + qualified(child.def())
            + " through foreign key " + fk.name());
  }

  private static String qualified(TableDef def) {
    return def.schema() + "." + def.name();
  }
}
