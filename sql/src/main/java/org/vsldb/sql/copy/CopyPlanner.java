package org.vsldb.sql.copy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.vsldb.sql.ColumnMeta;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.sql.exec.Command;
import org.vsldb.sql.parser.SqlCopy;
import org.vsldb.sql.plan.CompiledQuery;
import org.vsldb.sql.plan.StatementPlanner;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Plans a table or query {@code COPY} ({@link SqlCopy} without {@code DATABASE}): resolves the
 * table and columns, reads the options, compiles the query, and decides how COPY FROM inserts.
 */
public final class CopyPlanner {
  /** Prepares an SQL statement in the statement's schema (the engine's plan cache). */
  @FunctionalInterface
  public interface Preparer {
    Command prepare(String sql) throws SQLException;
  }

  private CopyPlanner() {}

  /**
   * The plan of {@code copy}, for unqualified names in {@code schema}.
   *
   * @throws SQLException 42S02/42S22 for an unknown table or column, 22023 or 0A000 for options
   */
  public static CopyPlan plan(SqlCopy copy, StatementPlanner planner, org.vsldb.storage.table.Catalog catalog,
      String schema, Preparer preparer) throws Exception {
    CopyOptions options = CopyOptions.of(copy.options);
    if (copy.query != null) {
      return query(planner, schema, copy.query, copy.file, options);
    }
    List<String> names = copy.table.names;
    String tableSchema = names.size() > 1 ? names.get(names.size() - 2) : schema;
    String name = names.get(names.size() - 1);
    Table table = catalog.table(tableSchema, name);
    if (table == null) {
      if (catalog.view(tableSchema, name) == null) {
        throw ErrorCode.TABLE_NOT_FOUND.exception(tableSchema + "." + name, "");
      }
      if (!copy.to) {
        throw ErrorCode.unsupported("COPY FROM into a view (" + tableSchema + "." + name + ")");
      }
      StringBuilder sql = new StringBuilder("SELECT ");
      if (copy.columns == null) {
        sql.append('*');
      } else {
        for (int i = 0; i < copy.columns.size(); i++) {
          sql.append(i == 0 ? "" : ", ").append(quote(((SqlIdentifier) copy.columns.get(i)).getSimple()));
        }
      }
      sql.append(" FROM ").append(quote(tableSchema)).append('.').append(quote(name));
      return query(planner, schema, planner.parse(sql.toString()), copy.file, options);
    }
    TableDef def = table.def();
    int[] columns = columns(copy, def);
    if (copy.to) {
      return new CopyPlan.TableToFile(table, columns, copy.file, options);
    }
    return new CopyPlan.FileToTable(table, columns, insertPlan(def, columns, preparer), copy.file, options);
  }

  private static int[] columns(SqlCopy copy, TableDef def) throws SQLException {
    if (copy.columns == null) {
      int[] all = new int[def.columns().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] columns = new int[copy.columns.size()];
    for (int i = 0; i < columns.length; i++) {
      String column = ((SqlIdentifier) copy.columns.get(i)).getSimple();
      columns[i] = def.columnIndex(column);
      if (columns[i] < 0) {
        throw ErrorCode.COLUMN_NOT_FOUND.exception(column, " in table " + def.schema() + "." + def.name());
      }
      for (int j = 0; j < i; j++) {
        if (columns[j] == columns[i]) {
          throw ErrorCode.COLUMN_EXISTS.exception(column);
        }
      }
    }
    return columns;
  }

  /**
   * The INSERT whose plan computes CHECK results and the DEFAULTs of left-out columns, or null
   * when the table needs neither and rows can go to the store directly.
   */
  private static Command.Dml insertPlan(TableDef def, int[] columns, Preparer preparer) throws SQLException {
    boolean[] given = new boolean[def.columns().size()];
    for (int c : columns) {
      given[c] = true;
    }
    boolean needsPlan = !def.checks().isEmpty();
    for (int i = 0; i < given.length && !needsPlan; i++) {
      needsPlan = !given[i] && def.columns().get(i).defaultSql() != null;
    }
    if (!needsPlan) {
      return null;
    }
    StringBuilder cols = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int c : columns) {
      ColumnDef col = def.columns().get(c);
      if (col.isIdentity() && col.identity().always()) {
        continue; // COPY keeps the file's value; CopyRunner puts it into the computed row
      }
      cols.append(cols.length() == 0 ? "" : ", ").append(quote(col.name()));
      values.append(values.length() == 0 ? "" : ", ").append('?');
    }
    String sql = cols.length() == 0
        ? "INSERT INTO " + quote(def.schema()) + "." + quote(def.name()) + " (" + quote(def.columns().get(def.identityColumn()).name()) + ") VALUES (DEFAULT)"
        : "INSERT INTO " + quote(def.schema()) + "." + quote(def.name()) + " (" + cols + ") VALUES (" + values + ")";
    return (Command.Dml) preparer.prepare(sql);
  }

  private static CopyPlan query(StatementPlanner planner, String schema, SqlNode query, String file,
      CopyOptions options) throws SqlParseException, SQLException {
    SqlValidator validator = planner.newValidator(schema);
    SqlNode validated = validator.validate(query);
    if (validator.getParameterRowType(validated).getFieldCount() > 0) {
      throw ErrorCode.unsupported("parameters (?) in COPY (query)");
    }
    RelRoot root = planner.toRel(validated, validator, schema);
    CompiledQuery q = planner.compile(root, root.validatedRowType, null, validator.getParameterRowType(validated));
    List<String> names = new ArrayList<>();
    List<SqlTypeName> types = new ArrayList<>();
    for (ColumnMeta c : q.columns()) {
      names.add(c.label());
      types.add(c.type());
    }
    return new CopyPlan.QueryToFile(q, names, types, file, options);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
