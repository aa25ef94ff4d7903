package org.vsldb.sql.copy;

import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.vsldb.sql.exec.Command;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.storage.table.Table;

/**
 * A planned table or query {@code COPY}: the closed set {@link CopyRunner} runs. Plans are
 * immutable and cached with the statement (see {@link Command.Copy}).
 */
public sealed interface CopyPlan {
  /** The file name as the statement gives it, resolved at run time by {@link FileAccessPolicy}. */
  String file();

  CopyOptions options();

  /** Whether the statement changes data (COPY FROM), and so needs a writable connection. */
  default boolean writes() {
    return false;
  }

  /**
   * {@code COPY table [(columns)] TO}: the rows the transaction sees, read straight from the store.
   *
   * @param columns the positions of the columns to write, in order
   */
  record TableToFile(Table table, int[] columns, String file, CopyOptions options) implements CopyPlan {}

  /**
   * {@code COPY (query) TO}, and {@code COPY view TO}: the rows of a compiled query.
   *
   * @param names the header's column names
   * @param types the columns' types
   */
  record QueryToFile(CompiledQuery query, List<String> names, List<SqlTypeName> types, String file,
      CopyOptions options) implements CopyPlan {}

  /**
   * {@code COPY table [(columns)] FROM}: rows loaded in the session's transaction.
   *
   * @param columns the positions of the file's fields in the table, in order
   * @param insert for a table with CHECK constraints, or with a left-out column that has a
   *     DEFAULT, the {@code INSERT ... VALUES (?, ...)} whose plan computes them, with one
   *     parameter per entry of {@code columns} except a GENERATED ALWAYS identity column; null
   *     when the rows go to the store directly
   */
  record FileToTable(Table table, int[] columns, Command.Dml insert, String file, CopyOptions options)
      implements CopyPlan {
    @Override
    public boolean writes() {
      return true;
    }
  }
}
