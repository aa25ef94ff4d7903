package org.vsldb.sql.exec;

import java.sql.SQLException;
import java.util.List;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.TableDef;

/**
 * Which columns of the rows an INSERT (or the insert part of a MERGE) added a statement returns as
 * JDBC generated keys ({@code Statement.getGeneratedKeys}).
 */
public sealed interface GeneratedKeys {
  /** None asked for. */
  GeneratedKeys NONE = new None();

  /** {@code Statement.RETURN_GENERATED_KEYS}: the identity column, or else the primary key. */
  GeneratedKeys DEFAULT = new Default();

  /** The table's columns, by position from 0, that the keys consist of. */
  int[] columns(TableDef def) throws SQLException;

  record None() implements GeneratedKeys {
    @Override
    public int[] columns(TableDef def) {
      return new int[0];
    }
  }

  record Default() implements GeneratedKeys {
    @Override
    public int[] columns(TableDef def) {
      return def.identityColumn() >= 0 ? new int[] {def.identityColumn()} : def.primaryKey().clone();
    }
  }

  /** Columns by JDBC index, from 1. */
  record ByIndex(int[] indexes) implements GeneratedKeys {
    @Override
    public int[] columns(TableDef def) throws SQLException {
      int[] out = new int[indexes.length];
      for (int i = 0; i < out.length; i++) {
        if (indexes[i] < 1 || indexes[i] > def.columns().size()) {
          throw ErrorCode.INVALID_PARAMETER.exception(indexes[i],
              "a generated-key column index of table " + def.name() + " (1 to " + def.columns().size() + ")");
        }
        out[i] = indexes[i] - 1;
      }
      return out;
    }
  }

  /** Columns by name: exactly as given, or else ignoring case. */
  record ByName(String[] names) implements GeneratedKeys {
    @Override
    public int[] columns(TableDef def) throws SQLException {
      List<ColumnDef> cols = def.columns();
      int[] out = new int[names.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = find(cols, names[i]);
        if (out[i] < 0) {
          throw ErrorCode.COLUMN_NOT_FOUND.exception(names[i], " in table " + def.name());
        }
      }
      return out;
    }

    private static int find(List<ColumnDef> cols, String name) {
      for (int j = 0; j < cols.size(); j++) {
        if (cols.get(j).name().equals(name)) {
          return j;
        }
      }
      for (int j = 0; j < cols.size(); j++) {
        if (name != null && cols.get(j).name().equalsIgnoreCase(name)) {
          return j;
        }
      }
      return -1;
    }
  }
}
