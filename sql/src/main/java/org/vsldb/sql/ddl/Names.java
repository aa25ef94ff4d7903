package org.vsldb.sql.ddl;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.vsldb.sql.error.ErrorCode;
import org.vsldb.storage.table.Catalog;
import org.vsldb.storage.table.IndexDef;
import org.vsldb.storage.table.Table;
import org.vsldb.storage.table.TableDef;

/**
 * Name rules of schema objects: qualified names, and the schema-wide uniqueness of index and
 * constraint names (as in H2), with generated names for unnamed constraints.
 */
public final class Names {
  private Names() {}

  /** {@code [schema.]name} resolved against the default schema; the schema must exist. */
  public static String[] qualified(Catalog catalog, SqlIdentifier id, String schema) throws SQLException {
    List<String> names = id.names;
    if (names.size() == 1 || names.size() == 2) {
      String[] q = names.size() == 1
          ? new String[] {schema, names.get(0)}
          : new String[] {names.get(0), names.get(1)};
      if (!catalog.hasSchema(q[0])) {
        throw ErrorCode.SCHEMA_NOT_FOUND.exception(q[0]);
      }
      return q;
    }
    throw ErrorCode.SYNTAX_ERROR.exception(
        id.getParserPosition().getLineNum(), id.getParserPosition().getColumnNum(), "invalid name " + id);
  }

  /** Every index and constraint name used in {@code schema}. */
  public static Set<String> used(Catalog catalog, String schema) {
    Set<String> used = new HashSet<>();
    for (Table t : catalog.tables(schema)) {
      add(used, t.def());
    }
    return used;
  }

  static void add(Set<String> used, TableDef def) {
    used.addAll(def.constraintNames());
    for (IndexDef i : def.indexes()) {
      used.add(i.name());
    }
  }

  /** {@code prefix_TABLE}, or with a number when that is taken; the result is added to {@code used}. */
  public static String generate(Set<String> used, String prefix, String table) {
    String base = prefix + "_" + table;
    String name = base;
    for (int n = 2; used.contains(name); n++) {
      name = base + "_" + n;
    }
    used.add(name);
    return name;
  }

  /** Claims a given name, or fails if another index or constraint of the schema has it. */
  public static String claim(Set<String> used, String name) throws SQLException {
    if (!used.add(name)) {
      throw ErrorCode.CONSTRAINT_EXISTS.exception(name);
    }
    return name;
  }
}
