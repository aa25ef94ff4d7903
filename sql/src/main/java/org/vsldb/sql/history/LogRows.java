package org.vsldb.sql.history;

import java.util.List;
import org.vsldb.sql.copy.DatabaseTextValues;
import org.vsldb.sql.ddl.TypeText;
import org.vsldb.storage.archive.LogHistory;
import org.vsldb.storage.log.Change;
import org.vsldb.storage.table.ColumnDef;
import org.vsldb.storage.table.ColumnType;
import org.vsldb.storage.table.TableDef;

/**
 * One logged change as the columns of {@code VSL_LOG} (docs/SQL.md, "The log as history"): what
 * was done, to which table and key, with which values of which types. Values are written as the
 * SQL literals of {@code database.txt}.
 */
public final class LogRows {
  private LogRows() {}

  /** The columns, in order. */
  public static final List<String> COLUMNS = List.of("COMMIT_TIME", "TRANSACTION_ID", "CHANGE_NO",
      "OPERATION", "TABLE_SCHEMA", "TABLE_NAME", "ROW_ID", "ROW_KEY", "ROW_VALUES", "VALUE_TYPES",
      "LOG_GENERATION", "LOG_OFFSET");

  /** The row of {@code e}, in Calcite's runtime representation (times as ms since the epoch). */
  public static Object[] row(LogHistory.Entry e) {
    Change c = e.change();
    TableDef def = e.table();
    String schema = def == null ? null : def.schema();
    String table = def == null ? null : def.name();
    Long rowId = null;
    String key = null;
    String values = null;
    String types = null;
    if (c instanceof Change.Insert i) {
      rowId = i.rowId();
      key = key(def, i.values());
      values = values(def, i.values());
      types = types(def, i.values().length);
    } else if (c instanceof Change.Update u) {
      rowId = u.rowId();
      key = key(def, u.values());
      values = values(def, u.values());
      types = types(def, u.values().length);
    } else if (c instanceof Change.Delete d) {
      rowId = d.rowId();
      key = d.key() == null || d.key().length == 0 ? null : keyText(def, d.key());
    } else if (c instanceof Change.CreateTable t) {
      types = columns(t.def());
    } else if (c instanceof Change.AlterTable a) {
      types = columns(a.def());
    } else if (c instanceof Change.CreateSchema cs) {
      schema = cs.name();
    } else if (c instanceof Change.DropSchema ds) {
      schema = ds.name();
    } else if (c instanceof Change.CreateView v) {
      schema = v.view().schema();
      table = v.view().name();
      values = v.view().sql();
    } else if (c instanceof Change.DropView v) {
      schema = v.schema();
      table = v.name();
    } else if (c instanceof Change.CreateSequence q) {
      schema = q.def().schema();
      table = q.def().name();
      values = q.state().exhausted() ? "exhausted" : Long.toString(q.state().next());
    } else if (c instanceof Change.DropSequence q) {
      schema = q.schema();
      table = q.name();
    } else if (c instanceof Change.SequenceValue q) {
      schema = q.schema();
      table = q.name();
      values = q.state().exhausted() ? "exhausted" : Long.toString(q.state().next());
    }
    if (def == null && c.tableId() != 0 && table == null) {
      table = "#" + c.tableId(); // a table no file read names
    }
    return new Object[] {e.wallClockMillis(), e.commitTs(), e.index(), operation(c), schema, table,
        rowId, key, values, types, e.generation(), e.offset()};
  }

  /** The operation's name: INSERT, UPDATE, DELETE, CREATE TABLE, ALTER TABLE, ... */
  public static String operation(Change c) {
    if (c instanceof Change.Insert) {
      return "INSERT";
    } else if (c instanceof Change.Update) {
      return "UPDATE";
    } else if (c instanceof Change.Delete) {
      return "DELETE";
    } else if (c instanceof Change.CreateTable) {
      return "CREATE TABLE";
    } else if (c instanceof Change.DropTable) {
      return "DROP TABLE";
    } else if (c instanceof Change.AlterTable) {
      return "ALTER TABLE";
    } else if (c instanceof Change.CreateSchema) {
      return "CREATE SCHEMA";
    } else if (c instanceof Change.DropSchema) {
      return "DROP SCHEMA";
    } else if (c instanceof Change.CreateView) {
      return "CREATE VIEW";
    } else if (c instanceof Change.DropView) {
      return "DROP VIEW";
    } else if (c instanceof Change.CreateSequence) {
      return "CREATE SEQUENCE";
    } else if (c instanceof Change.DropSequence) {
      return "DROP SEQUENCE";
    } else {
      return "SEQUENCE VALUE";
    }
  }

  /** The primary-key values of a row, or null for a table without a primary key. */
  private static String key(TableDef def, Object[] row) {
    if (def == null || !def.hasPrimaryKey() || def.columns().size() != row.length) {
      return null;
    }
    int[] pk = def.primaryKey();
    Object[] key = new Object[pk.length];
    for (int i = 0; i < pk.length; i++) {
      key[i] = row[pk[i]];
    }
    return keyText(def, key);
  }

  /** One key value alone, several as a parenthesised list. */
  private static String keyText(TableDef def, Object[] key) {
    int[] pk = def != null && def.hasPrimaryKey() && def.primaryKey().length == key.length ? def.primaryKey() : null;
    StringBuilder out = new StringBuilder();
    if (key.length > 1) {
      out.append('(');
    }
    for (int i = 0; i < key.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      literal(out, pk == null ? null : def.columns().get(pk[i]).type(), key[i]);
    }
    return key.length > 1 ? out.append(')').toString() : out.toString();
  }

  private static String values(TableDef def, Object[] row) {
    boolean typed = def != null && def.columns().size() == row.length;
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        out.append(", ");
      }
      literal(out, typed ? def.columns().get(i).type() : null, row[i]);
    }
    return out.append(')').toString();
  }

  private static String types(TableDef def, int n) {
    if (def == null || def.columns().size() != n) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (ColumnDef c : def.columns()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(TypeText.of(c));
    }
    return out.toString();
  }

  /** A definition's columns with their types: {@code ID INTEGER, NAME VARCHAR(20)}. */
  private static String columns(TableDef def) {
    StringBuilder out = new StringBuilder();
    for (ColumnDef c : def.columns()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(c.name()).append(' ').append(TypeText.of(c));
    }
    return out.toString();
  }

  /** A value's literal; without its column's type (a table no file names), by its Java class. */
  private static void literal(StringBuilder out, ColumnType type, Object v) {
    if (type != null) {
      DatabaseTextValues.append(out, type, v);
    } else if (v instanceof String s) {
      DatabaseTextValues.append(out, ColumnType.VARCHAR, s);
    } else {
      out.append(v == null ? "NULL" : v.toString());
    }
  }
}
