package org.vsldb.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.Result;
import org.vsldb.sql.type.RuntimeRows;
import org.vsldb.sql.type.TypeMapping;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.TableDef;

/** The generated-keys result of an INSERT: chosen columns of the rows it inserted. */
final class KeyRows {
  private KeyRows() {}

  /** Columns {@code columns} of the stored rows {@code inserted} of {@code def}, as a result. */
  static Result.Rows of(RelDataTypeFactory types, TableDef def, int[] columns, List<Object[]> inserted) {
    List<ColumnMeta> metas = new ArrayList<>();
    for (int c : columns) {
      ColumnDef col = def.columns().get(c);
      metas.add(ColumnMeta.of(col.name(), TypeMapping.toRelType(types, col),
          List.of(def.schema(), def.name(), col.name())));
    }
    Function<Object[], Object[]> runtime = RuntimeRows.toRuntime(def);
    List<Object[]> rows = new ArrayList<>(inserted.size());
    for (Object[] stored : inserted) {
      Object[] r = runtime.apply(stored);
      Object[] key = new Object[columns.length];
      for (int i = 0; i < columns.length; i++) {
        key[i] = r[columns[i]];
      }
      rows.add(key);
    }
    return new Result.Rows(List.copyOf(metas), rows.iterator(), null);
  }
}
